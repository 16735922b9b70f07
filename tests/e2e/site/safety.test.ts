import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { conservationDifference, printedText } from '../../../src/lib/index.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../../src/site/security.ts';
import { MARKUP_LITERALS } from '../../helpers/hostile.ts';
import { buildSite, filesUnder, recordsOf, ROOT } from '../../helpers/site.ts';

const dist = inject('siteDist');
const seeds = inject('siteSeeds');
const { articles } = recordsOf(seeds);
const pages = filesUnder(dist).filter((file) => file.endsWith('.html'));
const documentOf = (file: string) => parseHTML(readFileSync(join(dist, file), 'utf8')).document;

/** The reader-visible printed text of an article page: its body, less what is marked as not indexed. */
function renderedText(file: string): string {
  const body = documentOf(file).querySelector('[data-pagefind-body]');
  if (!body) return '';
  for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  return body.textContent;
}

describe('what the built pages show', () => {
  it('shows every Han character and digit of each item exactly once on its page', () => {
    for (const record of articles) {
      const text = renderedText(`articles/${record.id}/index.html`);
      expect(conservationDifference(printedText(record).join(''), text), record.id).toEqual(new Map());
    }
  });

  it('shows markup from a seed as the literal printed characters', () => {
    const record = articles.find((r) => r.seed === 'xinhua-2026-04-02-14.txt');
    const text = renderedText(`articles/${record?.id ?? ''}/index.html`);
    for (const literal of MARKUP_LITERALS) {
      expect(text).toContain(literal);
    }
  });
});

describe('injection', () => {
  it('has no executable element, event handler, inline style or javascript: URL in any page', () => {
    const found: string[] = [];
    for (const file of pages) {
      for (const element of documentOf(file).querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (tag === 'script') {
          const type = element.getAttribute('type');
          const src = element.getAttribute('src') ?? '';
          if (type === 'application/ld+json') continue;
          if (!/^\/(?:_astro|pagefind)\//u.test(src)) found.push(`${file}: <script ${src}>`);
        }
        if (['iframe', 'object', 'embed', 'style', 'base', 'frame'].includes(tag)) found.push(`${file}: <${tag}>`);
        for (const { name, value } of element.attributes) {
          if (name.startsWith('on') || name === 'style') found.push(`${file}: ${tag}[${name}]`);
          if (/^\s*javascript:/iu.test(value)) found.push(`${file}: ${tag}[${name}=${value}]`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('sends the same Content-Security-Policy as a <meta> and in public/_headers', () => {
    for (const file of pages) {
      expect(
        documentOf(file).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      ).toBe(CONTENT_SECURITY_POLICY);
    }
    const headers = readFileSync(join(ROOT, 'public', '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY_HEADER}\n`);
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(headers);
  });
});

describe('isolation', () => {
  it('builds every other seed when one cannot be decoded, and logs its error with file and line', () => {
    const log = inject('siteLog');
    expect(log).toMatch(/broken\.txt:0: error decode\/invalid/u);
    expect(log).toMatch(/front-matter-malformed\.txt:5: error front-matter\/invalid-yaml/u);
    expect(articles.some((r) => r.seed === 'broken.txt')).toBe(false);
    expect(articles.filter((r) => r.seed === '000_3fa1046521e36f31.txt')).toHaveLength(6);
  });

  it('fails the build with STRICT=1 when a seed has an error', () => {
    expect(() => buildSite(seeds, join(dist, '..', 'strict-dist'), { STRICT: '1' })).toThrow(/STRICT=1/u);
  }, 300_000);
});

describe('determinism', () => {
  /** A digest of every file under a folder, by relative path. */
  const digests = (dir: string) =>
    Object.fromEntries(
      filesUnder(dir).map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(join(dir, file)))
          .digest('hex'),
      ]),
    );

  it('builds byte-identical dist/ from the same seeds twice', () => {
    const again = join(dist, '..', 'dist-again');
    buildSite(seeds, again, { ASTRO_CACHE_DIR: join(dist, '..', 'cache-again') });
    expect(digests(again)).toEqual(digests(dist));
  }, 600_000);
});

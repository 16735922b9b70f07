import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findBundles, marksBody } from '../../src/integrations/bundle-pages.ts';
import { fileStates } from '../../src/integrations/file-fingerprint.ts';

/** A page that Pagefind indexes, of the month `month`. */
const page = (month: string, text: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><body><article data-pagefind-body data-search-month="${month}"><p>${text}</p></article></body></html>`;

describe('a page that marks content to index', () => {
  /** The rule as one regular expression: the attribute inside a start tag. */
  const BODY = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/u;

  it('is one whose start tag carries data-pagefind-body, not one that only prints the words', () => {
    expect(marksBody(page('2026-11', '正文'))).toBe(true);
    expect(marksBody('<main data-pagefind-body="">x</main>')).toBe(true);
    expect(marksBody('<div\n  class="a"\n  data-pagefind-body\n>x</div>')).toBe(true);
    expect(marksBody('<p>写 data-pagefind-body 的文章</p>')).toBe(false);
    expect(marksBody('<!-- data-pagefind-body -->')).toBe(false);
    expect(marksBody('<p data-pagefind-bodyguard>x</p>')).toBe(false);
    expect(marksBody('<a title="<!" data-pagefind-body>x</a>')).toBe(true);
  });

  it('agrees with the one-expression rule on any text made of tags, words and the attribute', () => {
    const part = fc.constantFrom(
      '<',
      '>',
      '<a',
      '<A',
      '</p>',
      '<!--',
      ' ',
      '\n',
      '=',
      '"',
      'x',
      '文',
      ' data-pagefind-body',
      'data-pagefind-body',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 24 }), (parts) => {
        const html = parts.join('');
        expect(marksBody(html), html).toBe(BODY.test(html));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the pages of each search bundle', () => {
  let site = '';
  afterEach(() => {
    rmSync(site, { recursive: true, force: true });
  });

  /** Writes `files` (path → text) under a fresh site folder. */
  function writeSite(files: Record<string, string>): void {
    site = mkdtempSync(join(tmpdir(), 'bundle-pages-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), text);
    }
  }

  it('finds the same bundles from files surveyed by an earlier step as from walking the site', () => {
    writeSite({
      'articles/a/index.html': page('2025-06', '甲'),
      'articles/b/index.html': page('2026-11', '乙'),
      'articles/c/index.html': page('2025-06', '丙'),
      'about/index.html': '<!DOCTYPE html><html><body><p>关于</p></body></html>',
      'pagefind/2025/index.html': page('2025-06', '不算'),
      '.hidden/articles/a/index.html': page('2025-06', '隐藏'),
      'api/v1/archive.json': '{}',
    });
    const walked = findBundles(site, 'pagefind', 'salt');
    const surveyed = findBundles(site, 'pagefind', 'salt', {}, fileStates(site));
    expect(surveyed).toEqual(walked);
    expect(walked.bundles.map(({ name, pages }) => [name, pages])).toEqual([
      ['2026-11', ['articles/b/index.html']],
      ['2025', ['articles/a/index.html', 'articles/c/index.html']],
    ]);
    expect(walked.read).toBe(4);
  });

  it('reads again a page whose surveyed size or modification time differs from what the last build knew', () => {
    writeSite({ 'articles/a/index.html': page('2025-06', '甲'), 'articles/b/index.html': page('2025-06', '乙') });
    const first = findBundles(site, 'pagefind', 'salt', {}, fileStates(site));
    expect(first.opened).toBe(2);
    const again = findBundles(site, 'pagefind', 'salt', first.known, fileStates(site));
    expect(again.opened).toBe(0);
    expect(again.bundles).toEqual(first.bundles);

    writeFileSync(join(site, 'articles/b/index.html'), page('2025-06', '乙改'));
    utimesSync(join(site, 'articles/b/index.html'), new Date(), new Date(Date.now() + 5000));
    const edited = findBundles(site, 'pagefind', 'salt', first.known, fileStates(site));
    expect(edited.opened).toBe(1);
    expect(edited.bundles[0]?.digest).not.toBe(first.bundles[0]?.digest);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

/** Every stylesheet and component of the site and its static files. */
function styleSources(): string[] {
  return ['src', 'public']
    .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true }).map((name) => join(ROOT, dir, String(name))))
    .filter((file) => /\.(?:css|astro|xsl)$/u.test(file));
}

/** The declaration blocks of a stylesheet (innermost `{…}`) with three or more declarations, each normalised. */
function blocks(css: string): string[] {
  return [...css.replace(/\/\*[^]*?\*\//gu, '').matchAll(/\{([^{}]*)\}/gu)]
    .map((m) =>
      (m[1] ?? '')
        .split(';')
        .map((d) => d.trim().replace(/\s+/gu, ' '))
        .filter(Boolean)
        .sort(),
    )
    .filter((declarations) => declarations.length >= 3)
    .map((declarations) => declarations.join('; '));
}

describe("the site's colours and fonts", () => {
  it('are declared in src/styles/tokens.css alone, which the pages and the feed view both use', () => {
    const declaring = styleSources().filter((file) =>
      /--(?:paper|ink|accent|serif|sans)\s*:/u.test(readFileSync(file, 'utf8')),
    );
    // site.css sets the print colours over them, in its @media print block only.
    expect(declaring.map((file) => relative(ROOT, file)).sort()).toEqual([
      'src/styles/site.css',
      'src/styles/tokens.css',
    ]);
    const site = readFileSync(join(ROOT, 'src', 'styles', 'site.css'), 'utf8');
    expect(site).toMatch(/^(?:\/\*[^]*?\*\/\s*)*@import '\.\/tokens\.css';/u);
    expect(site.slice(0, site.indexOf('@media print'))).not.toMatch(/--(?:paper|ink|accent)\s*:/u);
    expect(readFileSync(join(ROOT, 'src', 'pages', 'feed.css.ts'), 'utf8')).toContain("'../styles/tokens.css?raw'");
  });
  it("are not repeated by a component's scoped style: no block of site.css is copied into one", () => {
    const site = new Set(blocks(readFileSync(join(ROOT, 'src', 'styles', 'site.css'), 'utf8')));
    expect(site.size).toBeGreaterThan(50);
    let checked = 0;
    for (const file of styleSources().filter((f) => f.endsWith('.astro') && f.includes(join('src', 'components')))) {
      for (const [, style = ''] of readFileSync(file, 'utf8').matchAll(/<style[^>]*>([^]*?)<\/style>/gu)) {
        for (const block of blocks(style)) {
          checked += 1;
          expect(site.has(block), `${relative(ROOT, file)}: ${block}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect, inject, it } from 'vitest';
import { filesUnder } from '../../helpers/site.ts';

/** The file a site path of `dist` is served from, or undefined. */
function target(dist: string, path: string): string | undefined {
  const file = join(dist, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

it.each([
  ['fixture site', inject('siteDist')],
  ['multi-day archive', inject('daysDist')],
])('resolves every internal link, asset and fragment of the %s', (_name, dist) => {
  const broken: string[] = [];
  const pages = filesUnder(dist).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(20);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('[id]')].map((el) => el.id));
      ids.set(file, set);
    }
    return set;
  };
  for (const page of pages) {
    const { document } = parseHTML(readFileSync(join(dist, page), 'utf8'));
    const base = new URL(`/${page.replace(/index\.html$/u, '')}`, 'http://site.test');
    const refs = [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
      .filter((ref) => !/^(?:https?:)?\/\/(?!site\.test)/u.test(ref) || ref.startsWith('http://localhost'));
    for (const ref of refs) {
      const url = new URL(ref, base);
      if (url.origin !== base.origin && !url.href.startsWith('http://localhost')) continue;
      const file = target(dist, url.pathname);
      if (!file) broken.push(`${page}: ${ref}`);
      else if (url.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1))))
        broken.push(`${page}: ${ref} (no such id)`);
    }
  }
  expect(broken).toEqual([]);
});

/**
 * The phrase index maps each article to its Pagefind fragment by reading the fragments: the same
 * answer in the calling thread and on every CPU, in the order of the bundles, and a clear error
 * for a file that is not a fragment.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readFragmentIds, readFragmentIdsOf } from '../../src/integrations/fragment-ids.ts';
import { folderWith, removeFolders } from '../helpers/temp-folder.ts';

afterEach(removeFolders);

/** A bundle's fragment folder of `count` fragments of articles `<prefix>-<n>`, and a page that is no article. */
function bundle(prefix: string, count: number) {
  const folder = folderWith('xinhua-fragments-', {});
  const files: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const file = `zh_${prefix}${String(n).padStart(6, '0')}.pf_fragment`;
    const json = JSON.stringify({
      url: `/base/articles/${encodeURIComponent(`${prefix}-${String(n)}`)}/`,
      content: '正文',
    });
    writeFileSync(join(folder, file), gzipSync(`pagefind_dcd${json}`));
    files.push(file);
  }
  writeFileSync(join(folder, 'zh_index.pf_fragment'), gzipSync('pagefind_dcd{"url":"/reporters/"}'));
  files.push('zh_index.pf_fragment');
  return { folder, files };
}

describe('reading which article each fragment is of', () => {
  it('gives each article id with its fragment hash, leaving out pages that are no article', () => {
    expect(readFragmentIds(bundle('新华', 2))).toEqual([
      ['新华-0', 'zh_新华000000'],
      ['新华-1', 'zh_新华000001'],
    ]);
  });

  it('gives the same answers, bundle by bundle, on every CPU as in one thread', async () => {
    const jobs = [bundle('a', 30), bundle('b', 10), bundle('c', 20)];
    const inline = await readFragmentIdsOf(jobs, 1);
    expect(await readFragmentIdsOf(jobs, 2)).toEqual(inline);
    expect(inline.map((ids) => ids.length)).toEqual([30, 10, 20]);
  });

  it('fails on a file that is not a Pagefind fragment, in a thread too', async () => {
    const broken = bundle('x', 3);
    writeFileSync(join(broken.folder, broken.files[0] ?? ''), gzipSync('{"url":"/articles/x/"}'));
    expect(() => readFragmentIds(broken)).toThrow(/is not a Pagefind fragment/u);
    await expect(readFragmentIdsOf([broken, bundle('y', 1)], 2)).rejects.toThrow(/is not a Pagefind fragment/u);
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { mapBlockPath, PHRASE_DIR } from '../search/phrase-codec.ts';
import { MAP_BLOCK } from '../search/phrase-build.ts';

/** Options of the phrase-index integration. */
export interface PhraseIndexOptions {
  /** The folder of the Pagefind bundles inside the built site (default `pagefind`). */
  bundle?: string;
}

/** Pagefind's signature in front of every decompressed file. */
const SIGNATURE = 'pagefind_dcd';

/** The article id in a fragment's URL (`/articles/<id>/`). */
const ARTICLE_URL = /\/articles\/([^/?#]+)\/?$/u;

/** Each indexed article's bundle and fragment hash, read from the fragments Pagefind wrote. */
function readFragments(root: string): Map<string, string> {
  const located = new Map<string, string>();
  for (const bundle of readdirSync(root, { withFileTypes: true })) {
    const folder = join(root, bundle.name, 'fragment');
    if (!bundle.isDirectory() || !existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (!file.endsWith('.pf_fragment')) continue;
      const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
      if (!text.startsWith(SIGNATURE)) throw new Error(`${join(folder, file)} is not a Pagefind fragment.`);
      const { url } = JSON.parse(text.slice(SIGNATURE.length)) as { url: string };
      const id = ARTICLE_URL.exec(url)?.[1];
      if (id) located.set(decodeURIComponent(id), `${bundle.name} ${file.slice(0, -'.pf_fragment'.length)}`);
    }
  }
  return located;
}

/**
 * Completes the phrase index after Pagefind has written its bundles: the map from item number to
 * the bundle and fragment of the item's page (`/search-index/m/<block>.txt`, one line
 * `<bundle> <hash>` per item, `MAP_BLOCK` items a file), so that the browser loads the fragments
 * of the results it shows and nothing else. Must run after the Pagefind integration.
 */
export function phraseIndex({ bundle = 'pagefind' }: PhraseIndexOptions = {}): AstroIntegration {
  return {
    name: 'xinhua-phrase-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const folder = fileURLToPath(new URL(`${PHRASE_DIR}/`, dir));
        const itemsFile = join(folder, 'items.txt');
        if (!existsSync(itemsFile)) {
          throw new Error(`The phrase index has no ${itemsFile}: check that src/pages/search-index/ was built.`);
        }
        const ids = readFileSync(itemsFile, 'utf8').split('\n').filter(Boolean);
        const located = readFragments(fileURLToPath(new URL(`${bundle}/`, dir)));
        const missing = ids.filter((id) => !located.has(id));
        if (missing.length > 0) {
          throw new Error(
            `Pagefind indexed no page for ${missing.length} item(s) of the phrase index (first: ${missing[0] ?? ''}); list the phrase-index integration after the Pagefind one.`,
          );
        }
        rmSync(join(folder, 'm'), { recursive: true, force: true });
        for (let start = 0; start < ids.length; start += MAP_BLOCK) {
          const file = join(folder, mapBlockPath(start / MAP_BLOCK));
          mkdirSync(dirname(file), { recursive: true });
          const lines = ids.slice(start, start + MAP_BLOCK).map((id) => located.get(id) ?? '');
          writeFileSync(file, `${lines.join('\n')}\n`);
        }
        rmSync(itemsFile);
        logger.info(
          `Mapped ${ids.length} items to their Pagefind fragments in ${Math.ceil(ids.length / MAP_BLOCK)} blocks`,
        );
      },
    },
  };
}

/**
 * Search bundles kept between builds: a bundle whose pages are byte for byte what they were
 * (same digest) is not indexed again. It is left in place when the site folder still holds it
 * exactly as written (same files, sizes and modification times), else brought back from the
 * cache; so an edit to one period's pages re-indexes that bundle only.
 *
 * The cache holds a bundle as hard links to the files Pagefind wrote in the site (a copy where
 * the file system cannot link), so keeping a bundle writes none of its bytes again. Pagefind
 * always writes a bundle into an emptied folder, so new files never change cached ones; a cached
 * file changed in place through its other name (an edit of the built site) no longer matches the
 * fingerprint taken when it was stored, and the bundle is indexed again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderFingerprint, listFiles } from './file-fingerprint.ts';
import { linkFiles } from './link-files.ts';

/** The cache folder of one bundle: the digest it was built from, the bundle's files, and the fingerprints of both copies. */
function paths(
  cacheDir: string,
  name: string,
): { folder: string; digest: string; files: string; stored: string; placed: string } {
  const folder = join(cacheDir, name);
  return {
    folder,
    digest: join(folder, 'digest'),
    files: join(folder, 'bundle'),
    stored: join(folder, 'stored'),
    placed: join(folder, 'placed'),
  };
}

/** How a bundle was brought back: left in the site as it was, or put there again from the cache. */
export type Restored = 'kept' | 'copied';

/** Whether `file` holds exactly `text`. */
function holds(file: string, text: string): boolean {
  return existsSync(file) && readFileSync(file, 'utf8') === text;
}

/**
 * Brings the cached bundle `name` to `outputPath` if it was built from `digest`: leaves it when
 * the site already holds that copy untouched, else puts it there again from the cache. False
 * when the bundle must be indexed; a cache entry that cannot be read whole, or whose files
 * changed since they were stored, is ignored.
 */
export function restoreBundle(cacheDir: string, name: string, digest: string, outputPath: string): Restored | false {
  const cached = paths(cacheDir, name);
  if (!existsSync(cached.files) || !holds(cached.digest, digest)) return false;
  if (existsSync(outputPath) && holds(cached.placed, folderFingerprint(outputPath))) return 'kept';
  if (!holds(cached.stored, folderFingerprint(cached.files))) return false;
  try {
    rmSync(outputPath, { recursive: true, force: true });
    linkFiles(cached.files, outputPath, listFiles(cached.files));
    writeFileSync(cached.placed, folderFingerprint(outputPath));
    return 'copied';
  } catch {
    rmSync(outputPath, { recursive: true, force: true });
    return false;
  }
}

/** Keeps the bundle written at `outputPath` as the cached bundle `name`, built from `digest`. */
export function storeBundle(cacheDir: string, name: string, digest: string, outputPath: string): void {
  const cached = paths(cacheDir, name);
  rmSync(cached.folder, { recursive: true, force: true });
  mkdirSync(cached.folder, { recursive: true });
  linkFiles(outputPath, cached.files, listFiles(outputPath));
  writeFileSync(cached.stored, folderFingerprint(cached.files));
  writeFileSync(cached.placed, folderFingerprint(outputPath));
  // Written last: a store cut short leaves no digest, and is never restored.
  writeFileSync(cached.digest, digest);
}

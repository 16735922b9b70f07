/**
 * Search bundles kept between builds: a bundle whose pages are byte for byte what they were
 * (same digest) is not indexed again. It is left in place when the site folder still holds it
 * exactly as written (same files, sizes and modification times), else copied from the cache;
 * so an edit to one period's pages re-indexes that bundle only.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderFingerprint } from './file-fingerprint.ts';

/** The cache folder of one bundle: the digest it was built from, the bundle's files, and the fingerprint of its copy in the site. */
function paths(cacheDir: string, name: string): { folder: string; digest: string; files: string; placed: string } {
  const folder = join(cacheDir, name);
  return { folder, digest: join(folder, 'digest'), files: join(folder, 'bundle'), placed: join(folder, 'placed') };
}

/** How a bundle was brought back: left in the site as it was, or copied from the cache. */
export type Restored = 'kept' | 'copied';

/**
 * Brings the cached bundle `name` to `outputPath` if it was built from `digest`: leaves it when
 * the site already holds that copy untouched, else copies it. False when the bundle must be
 * indexed; a cache entry that cannot be read whole is ignored.
 */
export function restoreBundle(cacheDir: string, name: string, digest: string, outputPath: string): Restored | false {
  const cached = paths(cacheDir, name);
  if (!existsSync(cached.digest) || !existsSync(cached.files)) return false;
  if (readFileSync(cached.digest, 'utf8') !== digest) return false;
  if (
    existsSync(cached.placed) &&
    existsSync(outputPath) &&
    readFileSync(cached.placed, 'utf8') === folderFingerprint(outputPath)
  ) {
    return 'kept';
  }
  try {
    rmSync(outputPath, { recursive: true, force: true });
    cpSync(cached.files, outputPath, { recursive: true });
    placedBundle(cacheDir, name, outputPath);
    return 'copied';
  } catch {
    rmSync(outputPath, { recursive: true, force: true });
    return false;
  }
}

/** Records the copy of bundle `name` now at `outputPath` in the site, so the next build can leave it there. */
function placedBundle(cacheDir: string, name: string, outputPath: string): void {
  writeFileSync(paths(cacheDir, name).placed, folderFingerprint(outputPath));
}

/** Keeps the bundle written at `outputPath` as the cached bundle `name`, built from `digest`. */
export function storeBundle(cacheDir: string, name: string, digest: string, outputPath: string): void {
  const cached = paths(cacheDir, name);
  rmSync(cached.folder, { recursive: true, force: true });
  mkdirSync(cached.folder, { recursive: true });
  cpSync(outputPath, cached.files, { recursive: true });
  placedBundle(cacheDir, name, outputPath);
  // Written last: a copy cut short leaves no digest, and is never restored.
  writeFileSync(cached.digest, digest);
}

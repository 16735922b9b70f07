/**
 * Search bundles kept between builds: a bundle whose pages are byte for byte what they were
 * (same digest) is copied from the cache instead of being indexed again, so an edit to one
 * year's seeds re-indexes that year only.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The cache folder of one bundle: the digest it was built from, and the bundle's files. */
function paths(cacheDir: string, name: string): { folder: string; digest: string; files: string } {
  const folder = join(cacheDir, name);
  return { folder, digest: join(folder, 'digest'), files: join(folder, 'bundle') };
}

/**
 * Copies the cached bundle `name` to `outputPath` if it was built from `digest`; true when it
 * was. A cache entry that cannot be read whole is ignored, and the bundle is indexed again.
 */
export function restoreBundle(cacheDir: string, name: string, digest: string, outputPath: string): boolean {
  const cached = paths(cacheDir, name);
  if (!existsSync(cached.digest) || !existsSync(cached.files)) return false;
  if (readFileSync(cached.digest, 'utf8') !== digest) return false;
  try {
    rmSync(outputPath, { recursive: true, force: true });
    cpSync(cached.files, outputPath, { recursive: true });
    return true;
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
  cpSync(outputPath, cached.files, { recursive: true });
  // Written last: a copy cut short leaves no digest, and is never restored.
  writeFileSync(cached.digest, digest);
}

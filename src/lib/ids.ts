import { createHash } from 'node:crypto';

/** A short, stable digest of a string (hex). */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * Makes a seed id URL- and file-safe: lower-case ASCII letters, digits, `_` and `-` only.
 * Anything else (`../`, `/`, spaces, Han characters) becomes `-`; when characters had to be
 * replaced, a digest of the original keeps distinct names distinct.
 */
export function safeId(name: string): string {
  const lowered = name.normalize('NFKC').toLowerCase();
  const cleaned = lowered
    .replace(/[^a-z0-9_-]+/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/^[-_]+|-+$/gu, '');
  if (cleaned === lowered && cleaned !== '') return cleaned;
  return cleaned === '' ? `seed-${digest(name)}` : `${cleaned}-${digest(name)}`;
}

/** The seed id of a file: its name without directory and extension, made safe. */
export function seedIdFromFile(file: string): string {
  const base = file.split(/[\\/]/u).at(-1) ?? file;
  return safeId(base.replace(/\.[^.]*$/u, ''));
}

/** The id of an item: `<seed id>-<order>`, stable when the item's text is corrected. */
export function articleId(seedId: string, order: number): string {
  return `${seedId}-${order}`;
}

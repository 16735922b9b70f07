/**
 * Sizes of a built site as a build and the benchmark report them, and the limit of the host the
 * workflow publishes to.
 */

/** GitHub Pages publishes sites of at most 1 GB (its usage limits), counted here in decimal units. */
export const GITHUB_PAGES_BYTES = 1e9;

/** Bytes as MB (10^6) or GB (10^9): `173.2 MB`, `1.64 GB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

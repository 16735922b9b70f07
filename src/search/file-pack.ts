/**
 * Many small files as one: a build writes a period's phrase shards as a single pack (one route of
 * Astro's instead of one per shard, each of which Astro would also copy into its cache folder),
 * and the phrase-index integration writes the shard files out of it. The format is a line
 * `xinhua-pack 1`, a line of JSON `[[name, byteLength], …]`, then the files' bytes one after
 * another in that order. No Astro import: the route, the integration and the tests share it.
 */

/** The first line of every pack. */
const MAGIC = 'xinhua-pack 1\n';

/** A file inside a pack: its name (a path relative to where the pack is unpacked) and its bytes. */
export type PackedFile = [name: string, bytes: Uint8Array];

/** A name a pack may hold: relative, `/`-separated, no empty, `.` or `..` segment, no backslash. */
function safeName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.includes('\\') &&
    !name.includes('\0') &&
    name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** The files as one pack; throws on a name that could leave the folder it is unpacked in, or that comes twice. */
export function packFiles(files: readonly PackedFile[]): Uint8Array {
  const seen = new Set<string>();
  for (const [name] of files) {
    if (!safeName(name)) throw new Error(`A pack cannot hold a file named "${name}": names are relative paths.`);
    if (seen.has(name)) throw new Error(`A pack cannot hold "${name}" twice.`);
    seen.add(name);
  }
  const head = new TextEncoder().encode(
    `${MAGIC}${JSON.stringify(files.map(([name, bytes]) => [name, bytes.length]))}\n`,
  );
  const out = new Uint8Array(head.length + files.reduce((sum, [, bytes]) => sum + bytes.length, 0));
  out.set(head, 0);
  let at = head.length;
  for (const [, bytes] of files) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/** The files of a pack, in the order they were packed; throws when `pack` is not a whole pack. */
export function unpackFiles(pack: Uint8Array): PackedFile[] {
  const magic = new TextEncoder().encode(MAGIC);
  if (pack.length < magic.length || magic.some((byte, i) => pack[i] !== byte)) {
    throw new Error('Not a pack: it does not start with "xinhua-pack 1".');
  }
  const end = pack.indexOf(0x0a, magic.length);
  if (end < 0) throw new Error('Not a whole pack: its list of files has no end.');
  let list: unknown;
  try {
    list = JSON.parse(new TextDecoder().decode(pack.subarray(magic.length, end)));
  } catch {
    throw new Error('Not a whole pack: its list of files is not JSON.');
  }
  if (
    !Array.isArray(list) ||
    !list.every(
      (entry): entry is [string, number] =>
        Array.isArray(entry) &&
        typeof entry[0] === 'string' &&
        safeName(entry[0]) &&
        Number.isSafeInteger(entry[1]) &&
        (entry[1] as number) >= 0,
    )
  ) {
    throw new Error('Not a pack: its list of files is not [[name, byteLength], …] with relative names.');
  }
  let at = end + 1;
  const files = list.map(([name, length]): PackedFile => {
    const bytes = pack.subarray(at, at + length);
    at += length;
    return [name, bytes];
  });
  if (at !== pack.length) {
    throw new Error(
      `Not a whole pack: its list of files names ${at - end - 1} bytes, it holds ${pack.length - end - 1}.`,
    );
  }
  return files;
}

/**
 * The rendering contract that keeps incremental builds from serving a stale page: a dynamic
 * route computes in `getStaticPaths()` exactly the props it renders, and its `cacheKey` is the
 * digest of those props and params. Astro (`experimental.incrementalBuild`) reuses a page only
 * when its key, the code it is built from, the configuration and the lock file are unchanged;
 * since a page reads nothing but its props, an equal key means an equal page.
 */
import { createHash } from 'node:crypto';

/** One `getStaticPaths()` entry before it is keyed. */
export interface StaticPath<Params, Props> {
  /** The route's parameters. */
  params: Params;
  /** Everything the page renders besides its URL and the site's configuration. */
  props: Props;
}

/**
 * Appends `value` to `parts` as canonical JSON: object keys sorted, `undefined` members left out
 * (a page renders them as absent). Anything a digest could not see whole fails: a Map, a Set, a
 * Date, a function or a class instance as a prop would let two different pages share a key.
 * `path` holds the keys and indexes leading to `value`, joined only to name it in an error
 * (every route's props pass through here, so nothing is built for the values that pass).
 */
function canonical(value: unknown, path: (string | number)[], parts: string[]): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    parts.push(JSON.stringify(value));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${where(path)} is ${value}: a page prop must be JSON.`);
    parts.push(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((item: unknown, index) => {
      if (index > 0) parts.push(',');
      path.push(index);
      canonical(item === undefined ? null : item, path, parts);
      path.pop();
    });
    parts.push(']');
  } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    parts.push('{');
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) parts.push(',');
      first = false;
      parts.push(JSON.stringify(key), ':');
      path.push(key);
      canonical(member, path, parts);
      path.pop();
    }
    parts.push('}');
  } else {
    const kind =
      typeof value === 'object'
        ? Object.getPrototypeOf(value) === null
          ? 'null-prototype object'
          : value.constructor.name
        : typeof value;
    throw new TypeError(
      `${where(path)} is a ${kind}: page props must be plain JSON data (objects, arrays, strings, numbers, booleans, null) so that the page's cacheKey covers all of them. Convert it in getStaticPaths().`,
    );
  }
}

/** A value's place as code would write it: `props.items[3].date`. */
function where([root, ...steps]: (string | number)[]): string {
  return steps.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
    String(root),
  );
}

/** The SHA-256 digest (hex) of `value` as canonical JSON; throws on a value that is not plain JSON data. */
export function digestOf(value: unknown, name = 'value'): string {
  const parts: string[] = [];
  canonical(value, [name], parts);
  return createHash('sha256').update(parts.join('')).digest('hex');
}

/**
 * `getStaticPaths()` entries with their `cacheKey`: the digest of each entry's params and
 * props, which must be everything its page renders.
 */
export function keyed<Params, Props>(
  paths: readonly StaticPath<Params, Props>[],
): (StaticPath<Params, Props> & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: digestOf({ params: path.params, props: path.props }, 'props') }));
}

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
 * `value` as plain JSON data with every object's keys in sorted order, so that the JSON text of
 * equal props is equal whatever order they were built in (`undefined` members are left out and
 * `undefined` array items become `null`, as `JSON.stringify` writes them). Anything a digest
 * could not see whole fails: a Map, a Set, a Date, a function or a class instance as a prop would
 * let two different pages share a key. `path` holds the keys and indexes leading to `value`,
 * joined only to name it in an error (every route's props pass through here, so nothing is built
 * for the values that pass).
 */
function canonical(value: unknown, path: (string | number)[]): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${where(path)} is ${value}: a page prop must be JSON.`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => {
      path.push(index);
      const copy = canonical(item === undefined ? null : item, path);
      path.pop();
      return copy;
    });
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      path.push(key);
      copy[key] = canonical(member, path);
      path.pop();
    }
    return copy;
  }
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

/** A value's place as code would write it: `props.items[3].date`. */
function where([root, ...steps]: (string | number)[]): string {
  return steps.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
    String(root),
  );
}

/** The SHA-256 digest (hex) of `value` as canonical JSON; throws on a value that is not plain JSON data. */
export function digestOf(value: unknown, name = 'value'): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(value, [name])))
    .digest('hex');
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

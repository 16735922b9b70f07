/**
 * Search bundles indexed while the pages render, in a build that has no index to reuse: Astro
 * renders on one core, and Pagefind, which would otherwise start when the last page is written,
 * indexes each bundle on the other as its pages come.
 *
 * A wrapper around Astro's prerenderer puts the routes in path order and sees every page it
 * renders. The archive's index of months (`api/v1/archive.json`, rendered before the article
 * pages) gives the plan of bundles and how many pages each holds; each page that marks content to
 * index then goes to its bundle's worker process as it comes (after a short wait that puts the
 * few pages rendered side by side back in path order), and a bundle is written as soon as its
 * last page is in. A bundle is started only while the pages of the bundles in flight stay within
 * a budget, so memory stays bounded; a bundle left out, or whose pages did not come as planned,
 * is indexed from the built site after the build, as in any other build.
 *
 * Nothing here is trusted blindly: after the build the Pagefind integration takes a bundle
 * indexed here only if it holds exactly the pages, in the same order and with the same digests,
 * that it finds for that bundle in the built site. Pagefind indexes pages in the order given,
 * and both ways give them in path order, so such a bundle is the same bytes either way.
 */
import { join } from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { bundlePlan, type BundlePlan } from '../site/search-bundles.ts';
import { indexedMonth, pageDigest, type KnownPages } from './bundle-pages.ts';
import { startBundleProcess, type BundleProcess } from './bundle-process.ts';

/** The archive's index of months with their counts (src/pages/api/v1/archive.json.ts). */
const PLAN_FILE = 'api/v1/archive.json';

/** Pages held back to restore path order among those rendered side by side. */
const REORDER = 32;

/** Pages held before the plan is known; past it, nothing is indexed while rendering. */
const BEFORE_PLAN = 2_000;

/** A bundle indexed while its pages rendered. */
export interface RenderedBundle {
  /** Its pages in the order Pagefind was given them, with their digests (`pageDigest`). */
  pages: [path: string, digest: string][];
  /** Where its worker wrote it. */
  outputPath: string;
}

/** A bundle whose pages are being handed to its worker. */
interface Filling {
  /** How many pages the plan gives it. */
  expected: number;
  /** The pages handed over so far. */
  pages: [path: string, digest: string][];
  /** Its worker. */
  worker: BundleProcess;
}

/** The plan of bundles and how many pages each holds. */
interface Plan {
  /** The bundle of a month. */
  bundleOf: BundlePlan['bundleOf'];
  /** Pages per bundle. */
  expected: Map<string, number>;
}

/** The plan made of the archive's index of months (`{ months: [{ month, count }] }`), or undefined when it is not one. */
function planOf(json: string): Plan | undefined {
  const index = JSON.parse(json) as { months?: { month?: unknown; count?: unknown }[] };
  if (!Array.isArray(index.months)) return undefined;
  const months: string[] = [];
  for (const { month, count } of index.months) {
    if (typeof month !== 'string' || typeof count !== 'number') return undefined;
    for (let n = 0; n < count; n += 1) months.push(month);
  }
  const { bundleOf } = bundlePlan(months);
  const expected = new Map<string, number>();
  for (const month of months) {
    const name = bundleOf(month);
    expected.set(name, (expected.get(name) ?? 0) + 1);
  }
  return { bundleOf, expected };
}

/** The file a page is written to, relative to the site (directory format), or undefined outside `base`. */
function fileOf(url: string, base: string): string | undefined {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(base)) return undefined;
  const path = decodeURIComponent(pathname.slice(base.length));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Indexes search bundles while their pages render; see the module's description. */
export interface RenderIndex {
  /** Wraps Astro's prerenderer so that it hands over the pages it renders. */
  wrap: (prerenderer: AstroPrerenderer) => AstroPrerenderer;
  /** Waits for the bundles being written; the bundles written, by name. */
  finish: () => Promise<Map<string, RenderedBundle>>;
}

/**
 * Indexes the bundles of a build into `folder` (one folder per bundle) while its pages render,
 * with at most `budget` pages in the bundles in flight; `base` is the site's base path.
 */
export function renderIndex(folder: string, base: string, budget: number): RenderIndex {
  let plan: Plan | undefined;
  let off = false;
  /** Pages waiting to be handed over, in path order. */
  const held: { path: string; html: string }[] = [];
  const filling = new Map<string, Filling>();
  /** Pages of the bundles being written. */
  let writing = 0;
  /** Bundles left to the build's end: over the budget, or not coming as planned. */
  const left = new Set<string>();
  const written = new Map<string, Promise<RenderedBundle | undefined>>();

  const leave = (name: string): void => {
    left.add(name);
    filling.get(name)?.worker.stop();
    filling.delete(name);
  };

  const handOver = ({ path, html }: { path: string; html: string }, { bundleOf, expected }: Plan): void => {
    const month = indexedMonth(html);
    if (month === null) return;
    const name = bundleOf(month);
    if (left.has(name)) return;
    if (written.has(name)) {
      // A page more than planned: the bundle written is not the bundle of the site.
      written.set(name, Promise.resolve(undefined));
      left.add(name);
      return;
    }
    let bundle = filling.get(name);
    if (!bundle) {
      const planned = expected.get(name) ?? 0;
      const inFlight = writing + [...filling.values()].reduce((sum, { expected: pages }) => sum + pages, 0);
      if (inFlight > 0 && inFlight + planned > budget) {
        left.add(name);
        return;
      }
      bundle = { expected: planned, pages: [], worker: startBundleProcess() };
      filling.set(name, bundle);
    }
    const last = bundle.pages.at(-1)?.[0];
    if (last !== undefined && path <= last) {
      leave(name);
      return;
    }
    bundle.worker.send({ kind: 'page', path, html });
    bundle.pages.push([path, pageDigest(html)]);
    if (bundle.pages.length < bundle.expected) return;
    const outputPath = join(folder, name);
    const { pages, worker } = bundle;
    worker.send({ kind: 'write', outputPath });
    filling.delete(name);
    writing += pages.length;
    written.set(
      name,
      worker.answer.then(
        () => ({ pages, outputPath }),
        () => undefined,
      ),
    );
    void worker.answer
      .catch(() => undefined)
      .finally(() => {
        writing -= pages.length;
      });
  };

  /** Hands over the held pages beyond `keep`, lowest path first. */
  const release = (keep: number): void => {
    if (!plan) return;
    while (held.length > keep) {
      const page = held.shift();
      if (page) handOver(page, plan);
    }
  };

  const see = async (path: string, response: Response): Promise<void> => {
    const type = response.headers.get('content-type') ?? '';
    if (path === PLAN_FILE) {
      plan = planOf(await response.clone().text());
      if (!plan) off = true;
      return;
    }
    if (!type.startsWith('text/html')) return;
    const html = await response.clone().text();
    if (indexedMonth(html) === null) return;
    const at = held.findIndex((page) => page.path > path);
    held.splice(at === -1 ? held.length : at, 0, { path, html });
    if (!plan && held.length > BEFORE_PLAN) off = true;
    release(REORDER);
  };

  const stop = (): void => {
    off = true;
    held.length = 0;
    for (const name of [...filling.keys()]) leave(name);
  };

  return {
    wrap: (prerenderer) => ({
      ...prerenderer,
      name: `${prerenderer.name} (indexing while rendering)`,
      getStaticPaths: async () =>
        // Path order, so that each bundle's pages come in the order Pagefind is given them.
        [...(await prerenderer.getStaticPaths())].sort((a, b) =>
          a.pathname < b.pathname ? -1 : a.pathname > b.pathname ? 1 : 0,
        ),
      render: async (request, options) => {
        const result = await prerenderer.render(request, options);
        const path = off ? undefined : fileOf(request.url, base);
        if (path !== undefined) {
          try {
            await see(path, result instanceof Response ? result : result.response);
          } catch {
            stop();
          }
        }
        return result;
      },
      teardown: async () => {
        if (!off) release(0);
        // A bundle still filling did not get the pages planned: it is left to the build's end.
        for (const name of [...filling.keys()]) leave(name);
        await prerenderer.teardown?.();
      },
    }),
    finish: async () => {
      stop();
      const done = new Map<string, RenderedBundle>();
      for (const [name, bundle] of written) {
        const rendered = await bundle;
        if (rendered) done.set(name, rendered);
      }
      return done;
    },
  };
}

/** Whether a bundle indexed while rendering holds exactly `pages` (in path order) with the digests the site's files have now. */
export function holdsPages(rendered: RenderedBundle, pages: readonly string[], known: KnownPages): boolean {
  return (
    rendered.pages.length === pages.length &&
    rendered.pages.every(([path, digest], n) => path === pages[n] && digest === known[path]?.[3])
  );
}

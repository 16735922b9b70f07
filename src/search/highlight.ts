/**
 * On an article page opened from a search result (`?pagefind-highlight=…`), marks the terms
 * with Pagefind's highlight script, loaded only then.
 */

/**
 * The parameter that carries the terms: `HIGHLIGHT_PARAM` of `params.ts` (a unit test holds them
 * equal). Written out here, with the base path below, so that this script and the search page's
 * share no module: a shared module would become a chunk of its own, one more round trip before
 * either page's script runs.
 */
const PARAM = 'pagefind-highlight';

/** The site's base path, as `src/site/urls.ts` has it. */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Pagefind's highlight class, as `pagefind-highlight.js` exports it. */
interface HighlightModule {
  default: new (options: Record<string, unknown>) => unknown;
}

/** Loads Pagefind's highlight script and marks the terms named in the URL, if any. */
export async function highlightFromUrl(): Promise<void> {
  if (new URLSearchParams(window.location.search).getAll(PARAM).length === 0) return;
  // Every bundle ships the same script; the integration keeps a copy at the top of their folder,
  // whose path does not change when periods merge (src/integrations/pagefind.ts).
  const url = `${BASE}pagefind/pagefind-highlight.js`;
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ url)) as HighlightModule;
  // The site's own `mark` style applies; Pagefind's inline style would break the CSP.
  new PagefindHighlight({ highlightParam: PARAM, addStyles: false, markContext: null });
}

void highlightFromUrl();

/**
 * On an article page opened from a search result (`?pagefind-highlight=…`), marks the terms
 * with Pagefind's highlight script, loaded only then.
 */
import { href } from '../site/urls.ts';
import { HIGHLIGHT_PARAM } from './params.ts';

/** Pagefind's highlight class, as `pagefind-highlight.js` exports it. */
interface HighlightModule {
  default: new (options: Record<string, unknown>) => unknown;
}

/** Loads Pagefind's highlight script and marks the terms named in the URL, if any. */
export async function highlightFromUrl(): Promise<void> {
  if (new URLSearchParams(window.location.search).getAll(HIGHLIGHT_PARAM).length === 0) return;
  // Every bundle ships the script; the page's own bundle is the one its index loaded.
  const bundle = document.querySelector<HTMLElement>('[data-search-bundle]')?.dataset.searchBundle;
  if (!bundle) return;
  const url = href(`pagefind/${bundle}/pagefind-highlight.js`);
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ url)) as HighlightModule;
  // The site's own `mark` style applies; Pagefind's inline style would break the CSP.
  new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markContext: null });
}

void highlightFromUrl();

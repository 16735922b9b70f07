/**
 * The search page: reads the state from the URL, searches as the reader types or changes a
 * filter, keeps the URL in step (`history.replaceState`), and renders the results.
 */
import { href } from '../site/urls.ts';
import { ArchiveSearch } from './engine.ts';
import type { Hit } from './hits.ts';
import type { PagefindApi } from './pagefind-api.ts';
import { renderHit } from './render.ts';
import { FILTER_KEYS, readState, writeState, type SearchState } from './state.ts';
import { SORT_ORDERS, type SortOrder } from './rank.ts';

/** Results shown at first and added by each press of "more". */
const PAGE_SIZE = 20;

let pagefind: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind's search API once: the first bundle the form names (the newest year) is the
 * primary index, and the others are merged into it (one bundle per year, see
 * `src/site/search-bundles.ts`). A failed load is undone, so the next search tries again.
 */
function loadPagefind(bundles: readonly string[]): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const [primary, ...others] = bundles;
    if (!primary) throw new Error('The search page names no index bundle.');
    const options = { baseUrl: href(), excerptLength: 30 };
    const api = (await import(/* @vite-ignore */ href(`pagefind/${primary}/pagefind.js`))) as PagefindApi;
    try {
      await api.options(options);
      for (const bundle of others) await api.mergeIndex(href(`pagefind/${bundle}/`), options);
      await api.init();
      return api;
    } catch (error) {
      // Pagefind keeps the bundles merged so far: start from nothing next time.
      await api.destroy();
      throw error;
    }
  })();
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

/** Finds a required element of the page, of the expected kind. */
function required<T extends Element>(selector: string, kind: new () => T): T {
  const found = document.querySelector(selector);
  if (!(found instanceof kind)) throw new Error(`The search page has no ${selector}.`);
  return found;
}

const form = required('#search-form', HTMLFormElement);
const bundles = (form.dataset.searchBundles ?? '').split(' ').filter(Boolean);
const input = required('#q', HTMLInputElement);
const status = required('#search-status', HTMLElement);
const list = required('#search-results', HTMLOListElement);
const more = required('#search-more', HTMLButtonElement);
const sortSelect = required('#search-sort', HTMLSelectElement);
const exactBox = required('#search-exact', HTMLInputElement);
const selects = Object.fromEntries(
  FILTER_KEYS.map((key) => [key, required(`#filter-${key}`, HTMLSelectElement)]),
) as Record<(typeof FILTER_KEYS)[number], HTMLSelectElement>;

/** The state shown by the form. */
function formState(): SearchState {
  const sort = sortSelect.value as SortOrder;
  return {
    q: input.value,
    filters: Object.fromEntries(FILTER_KEYS.map((key) => [key, selects[key].value])) as SearchState['filters'],
    sort: SORT_ORDERS.includes(sort) ? sort : 'relevance',
    exact: exactBox.checked,
  };
}

/** Puts a state into the form (an unknown filter value falls back to "any"). */
function showState(state: SearchState): void {
  input.value = state.q;
  for (const key of FILTER_KEYS) {
    const select = selects[key];
    select.value = state.filters[key];
    if (select.value !== state.filters[key]) select.value = '';
  }
  sortSelect.value = state.sort;
  exactBox.checked = state.exact;
  const header = document.querySelector<HTMLInputElement>('#site-search');
  if (header) header.value = state.q;
}

/** The search whose results are on the page, and whether only phrase matches are shown. */
let current: { search: ArchiveSearch; state: SearchState } | undefined;
let visible = 0;

/** The results of the current search that can be shown, in order. */
function shownHits(): Hit[] {
  if (!current) return [];
  const ready = current.search.ready;
  return current.state.exact ? ready.filter((hit) => hit.exact) : ready;
}

/** The status line for the current search. */
function describe(): string {
  if (!current) return '';
  const { search, state } = current;
  const typed = state.q.trim().replace(/\s+/gu, ' ');
  const quoted = `“${typed}”`;
  const converted = search.query !== typed ? `（按“${search.query}”检索）` : '';
  const count = shownHits().length;
  if (!search.done)
    return `${quoted}${converted}：已找到 ${search.exactCount} 篇包含完整词句的稿件，按“显示更多结果”继续查找。`;
  if (count === 0) return `${quoted}${converted}：没有找到稿件。`;
  const exact = !state.exact && search.exactCount < count ? `，其中 ${search.exactCount} 篇包含完整词句，排在前面` : '';
  const partial = search.complete ? '' : '（候选过多，只检查了一部分）';
  return `${quoted}${converted}：找到 ${count} 篇${exact}。${partial}`;
}

let generation = 0;

/** Shows a failed search in the status line, unless a newer search has started. */
function showError(run: number, error: unknown): void {
  if (run !== generation) return;
  status.textContent = `检索出错：${error instanceof Error ? error.message : String(error)}`;
  status.dataset.state = 'error';
}

/**
 * Shows a page more of results, appending them as each batch of candidates is checked (so the
 * first ones show before the page is full), and updates the status; `run` is the search's
 * generation, so a newer search wins.
 */
async function showMore(run: number): Promise<void> {
  if (!current) return;
  const { search } = current;
  more.disabled = true;
  status.dataset.state = 'busy';
  const wanted = visible + PAGE_SIZE;
  try {
    for (;;) {
      const next = shownHits().slice(visible, wanted);
      list.append(...next.map(renderHit));
      visible += next.length;
      if (visible >= wanted || search.done) break;
      await search.fill(visible + 1, () => run === generation);
      if (run !== generation) return;
    }
  } finally {
    more.disabled = false;
  }
  more.hidden = search.done && visible >= shownHits().length;
  status.textContent = describe();
  status.dataset.state = 'done';
}

/** Runs the search for the form's state and shows the first page of results. */
async function run(): Promise<void> {
  const state = formState();
  const params = writeState(state).toString();
  history.replaceState(null, '', params ? `?${params}` : window.location.pathname);
  const mine = ++generation;
  current = undefined;
  visible = 0;
  list.replaceChildren();
  more.hidden = true;
  if (!state.q.trim()) {
    status.textContent = '';
    status.dataset.state = 'idle';
    return;
  }
  status.textContent = '正在检索…';
  status.dataset.state = 'busy';
  try {
    const search = await ArchiveSearch.start(await loadPagefind(bundles), {
      query: state.q,
      filters: state.filters,
      sort: state.sort,
    });
    if (mine !== generation) return;
    current = { search, state };
    await showMore(mine);
  } catch (error) {
    showError(mine, error);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Runs the search after the reader pauses typing. */
function runSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 250);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void run();
});
input.addEventListener('input', runSoon);
form.addEventListener('change', (event) => {
  if (event.target !== input) void run();
});
more.addEventListener('click', () => {
  const mine = generation;
  showMore(mine).catch((error: unknown) => {
    showError(mine, error);
  });
});

showState(readState(new URLSearchParams(window.location.search)));
if (input.value.trim()) void run();
else {
  status.dataset.state = 'idle';
  // Load the index while the reader types the first query; a failure shows when they search.
  loadPagefind(bundles).catch(() => undefined);
}

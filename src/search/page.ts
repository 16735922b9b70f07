/**
 * The search page: reads the state from the URL, searches as the reader types or changes a
 * filter, gives each query its own history entry (`?q=…`), and renders the results. A query is
 * answered by the phrase index (`phrase-search.ts`) and, for what it cannot answer, by Pagefind,
 * which is loaded only then: the empty page loads no index at all.
 */
import { href } from '../site/urls.ts';
import type { Hit } from './hits.ts';
import type { PagefindApi } from './pagefind-api.ts';
import { PHRASE_VERSION, type PhraseManifest } from './phrase-codec.ts';
import { httpFetcher, PhraseIndexClient } from './phrase-index.ts';
import { PhraseSearch } from './phrase-search.ts';
import { renderHit } from './render.ts';
import type { RunningSearch } from './running.ts';
import { FILTER_KEYS, readState, writeState, type SearchState } from './state.ts';
import { SORT_ORDERS, type SortOrder } from './rank.ts';

/** Results shown at first and added by each press of "more". */
const PAGE_SIZE = 10;

let pagefind: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind's search API once: the first bundle the form names is the primary index, and
 * the others are merged into it (see `src/site/search-bundles.ts`). A failed load is undone,
 * so the next search tries again.
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

/** Asks the browser to fetch Pagefind's script ahead of need (once), without running it. */
function preloadPagefind(bundles: readonly string[]): void {
  const url = bundles[0] && href(`pagefind/${bundles[0]}/pagefind.js`);
  if (!url || document.querySelector(`link[href="${url}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = url;
  document.head.append(link);
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
const options = required('#search-options', HTMLDetailsElement);
const sortSelect = required('#search-sort', HTMLSelectElement);
const exactBox = required('#search-exact', HTMLInputElement);

/** A filter's field: a list of choices (month, kind) or a name typed with suggestions (reporter, place). */
function filterField(key: string): HTMLSelectElement | HTMLInputElement {
  const found = document.querySelector(`#filter-${key}`);
  if (found instanceof HTMLSelectElement || found instanceof HTMLInputElement) return found;
  throw new Error(`The search page has no #filter-${key}.`);
}

const fields = Object.fromEntries(FILTER_KEYS.map((key) => [key, filterField(key)])) as Record<
  (typeof FILTER_KEYS)[number],
  HTMLSelectElement | HTMLInputElement
>;

/** The phrase index the page names, or null when it names none of this version (Pagefind then answers alone). */
function phraseIndex(): PhraseIndexClient | null {
  try {
    const manifest = JSON.parse(form.dataset.phraseIndex ?? 'null') as PhraseManifest | null;
    if (manifest?.version !== PHRASE_VERSION) return null;
    return new PhraseIndexClient(manifest, httpFetcher(href()), href());
  } catch {
    return null;
  }
}

const index = phraseIndex();

/** Suggestions shown for a name typed into a filter field. */
const SUGGESTIONS = 30;

/** The complete list of a name filter's values, by path, fetched once. */
const nameLists = new Map<string, Promise<string[]>>();

/**
 * Suggests names for a filter field from the index's complete list (fetched when the reader
 * first focuses or types in it): those holding what is typed, the most frequent first. The page
 * itself carries only the most frequent few, so it does not grow with the archive.
 */
function suggest(field: HTMLInputElement): void {
  const path = field.dataset.filterList;
  const datalist = field.list;
  if (!path || !datalist || !index) return;
  let names = nameLists.get(path);
  if (!names) {
    names = index.lines(path);
    nameLists.set(path, names);
    names.catch(() => nameLists.delete(path));
  }
  names
    .then((all) => {
      const typed = field.value.trim();
      const matches = (typed ? all.filter((name) => name.includes(typed)) : all).slice(0, SUGGESTIONS);
      datalist.replaceChildren(...matches.map((name) => new Option(name, name)));
    })
    .catch(() => undefined);
}

for (const field of Object.values(fields)) {
  if (!(field instanceof HTMLInputElement)) continue;
  const update = (): void => {
    suggest(field);
  };
  field.addEventListener('focus', update);
  field.addEventListener('input', update);
}

/** The state shown by the form. */
function formState(): SearchState {
  const sort = sortSelect.value as SortOrder;
  return {
    q: input.value,
    filters: Object.fromEntries(FILTER_KEYS.map((key) => [key, fields[key].value.trim()])) as SearchState['filters'],
    sort: SORT_ORDERS.includes(sort) ? sort : 'relevance',
    exact: exactBox.checked,
  };
}

/** Puts a state into the form (a value a list does not offer falls back to "any"); opens the options when one is set. */
function showState(state: SearchState): void {
  input.value = state.q;
  for (const key of FILTER_KEYS) {
    const field = fields[key];
    field.value = state.filters[key];
    if (field.value !== state.filters[key]) field.value = '';
  }
  sortSelect.value = state.sort;
  exactBox.checked = state.exact;
  if (FILTER_KEYS.some((key) => state.filters[key]) || state.sort !== 'relevance' || state.exact) options.open = true;
  const header = document.querySelector<HTMLInputElement>('#site-search');
  if (header) header.value = state.q;
}

/** The search whose results are on the page, and the state it was asked for. */
let current: { search: RunningSearch; state: SearchState } | undefined;
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
  const exact = search.exactCount;
  const shown = shownHits();
  if (!search.countKnown) {
    const found = exact > 0 ? `已找到 ${exact} 篇包含完整词句的稿件，` : '';
    const next = search instanceof PhraseSearch ? '正在统计……' : '按“显示更多结果”继续查找。';
    return `${quoted}${converted}：${found}${next}`;
  }
  if (shown.length === 0 && search.done) return `${quoted}${converted}：没有找到稿件。`;
  const whole = exact > 0 ? `找到 ${exact} 篇包含完整词句的稿件` : '没有稿件包含完整词句';
  if (state.exact || !search.done) {
    const next = state.exact || exact === 0 ? '' : '，排在前面';
    return `${quoted}${converted}：${whole}${next}。`;
  }
  const apart = shown.length - shown.filter((hit) => hit.exact).length;
  const rest = apart > 0 ? `${exact > 0 ? '，另有' : '；'} ${apart} 篇包含全部词语但不相连` : '';
  const partial = search.complete ? '' : '（候选过多，只检查了一部分）';
  return `${quoted}${converted}：${whole}${rest}。${partial}`;
}

let generation = 0;

/** Shows a failed search in the status line, unless a newer search has started. */
function showError(run: number, error: unknown): void {
  if (run !== generation) return;
  status.textContent = `检索出错：${error instanceof Error ? error.message : String(error)}`;
  status.dataset.state = 'error';
}

/**
 * Shows a page more of results, appending them as each batch is confirmed (so the first ones
 * show before the page is full), then completes the count; `run` is the search's generation,
 * so a newer search wins.
 */
async function showMore(run: number): Promise<void> {
  if (!current) return;
  const { search } = current;
  more.disabled = true;
  status.dataset.state = 'busy';
  const wanted = visible + PAGE_SIZE;
  /** Appends the results that have become ready, up to a page. */
  const append = (): void => {
    if (run !== generation) return;
    const next = shownHits().slice(visible, wanted);
    list.append(...next.map(renderHit));
    visible += next.length;
  };
  try {
    for (;;) {
      append();
      if (visible >= wanted || search.done) break;
      // The whole page's candidates are asked for at once; each shows as soon as it is confirmed.
      await search.fill(search.ready.length + wanted - visible, () => run === generation, append);
      if (run !== generation) return;
    }
    if (search instanceof PhraseSearch && !search.countKnown) {
      status.textContent = describe();
      await search.count();
      if (run !== generation) return;
    }
  } finally {
    more.disabled = false;
  }
  more.hidden = search.done && visible >= shownHits().length;
  status.textContent = describe();
  status.dataset.state = 'done';
  preloadPagefind(bundles);
}

/** Starts the search for `state`: through the phrase index when it can answer, else through Pagefind alone. */
async function start(state: SearchState): Promise<RunningSearch> {
  const request = { query: state.q, filters: state.filters, sort: state.sort };
  const viaIndex = index
    ? await PhraseSearch.start(index, () => loadPagefind(bundles), request, { phraseOnly: state.exact })
    : null;
  if (viaIndex) return viaIndex;
  // Pagefind alone (a one-character term): its search code is a chunk of its own, loaded only now.
  const [{ ArchiveSearch }, api] = await Promise.all([import('./engine.ts'), loadPagefind(bundles)]);
  return ArchiveSearch.start(api, request);
}

/**
 * Runs the search for the form's state and shows the first page of results. `history` says
 * how the URL follows: a new entry (`push`), the same entry (`replace`, while a query is being
 * typed) or none (the URL already holds the state, as after Back).
 */
async function run(history: 'push' | 'replace' | 'none'): Promise<void> {
  const state = formState();
  const params = writeState(state).toString();
  const url = params ? `?${params}` : window.location.pathname;
  if (history !== 'none' && `?${params}` !== window.location.search) {
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
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
  if (form.dataset.devServer) {
    // The dev server renders pages, not the index (Pagefind runs after a build): say so, no error.
    status.textContent = '开发服务器不提供检索（见上方说明）。';
    status.dataset.state = 'unavailable';
    return;
  }
  status.textContent = '正在检索……';
  status.dataset.state = 'busy';
  try {
    const search = await start(state);
    if (mine !== generation) return;
    current = { search, state };
    await showMore(mine);
  } catch (error) {
    showError(mine, error);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Whether the query being typed already has its history entry (later keystrokes replace it). */
let typing = false;

/** Runs the search after the reader pauses typing. */
function runSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void run(typing ? 'replace' : 'push');
    typing = true;
  }, 250);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void run(typing ? 'replace' : 'push');
  typing = false;
});
input.addEventListener('input', runSoon);
form.addEventListener('change', (event) => {
  if (event.target === input) return;
  typing = false;
  void run('push');
});
more.addEventListener('click', () => {
  const mine = generation;
  showMore(mine).catch((error: unknown) => {
    showError(mine, error);
  });
});
window.addEventListener('popstate', () => {
  clearTimeout(timer);
  typing = false;
  showState(readState(new URLSearchParams(window.location.search)));
  void run('none');
});

// On a phone the options fold away, so that the first results show above the keyboard.
if (window.matchMedia('(max-width: 40rem)').matches) options.open = false;
showState(readState(new URLSearchParams(window.location.search)));
if (input.value.trim()) void run('none');
else status.dataset.state = 'idle';

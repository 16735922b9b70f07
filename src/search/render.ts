/** DOM for the results list. Excerpts and titles are HTML built by `text.ts` (escaped, `<mark>` only). */
import { formatDate } from '../site/format.ts';
import type { Hit } from './hits.ts';

/** The meta line of a result: date, place, printed page. */
export function metaLine(hit: Pick<Hit, 'date' | 'place' | 'page'>): string {
  const date = hit.date ? formatDate(hit.date) : '';
  // The page label may open with the issue date; do not say the same date twice.
  const page = date && hit.page?.startsWith(`${date} `) ? hit.page.slice(date.length + 1) : (hit.page ?? '');
  return [date, hit.place ?? '', page].filter(Boolean).join(' · ');
}

/** Creates an element with a class and, optionally, HTML content. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', html = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (html) node.innerHTML = html;
  return node;
}

/** One result as a list item. */
export function renderHit(hit: Hit): HTMLLIElement {
  const item = element('li', 'search-hit');
  item.dataset.exact = String(hit.exact);
  if (hit.date) item.dataset.date = hit.date;
  const heading = element('h2', 'item-heading');
  if (hit.kind === '图片') heading.append(element('span', 'tag', '图片'));
  const link = element('a', 'item-title', hit.titleHtml || '（无题）');
  link.href = hit.url;
  heading.append(link);
  item.append(heading);
  const meta = element('span', 'item-meta');
  meta.textContent = metaLine(hit);
  if (!hit.exact) meta.append(element('span', 'search-partial', '词语分散'));
  item.append(meta);
  if (hit.excerpt) item.append(element('p', 'item-excerpt', hit.excerpt));
  if (hit.sections.length > 0) {
    const list = element('ul', 'search-sections');
    for (const section of hit.sections) {
      const entry = element('li');
      const anchor = element('a');
      anchor.href = section.url;
      anchor.textContent = section.title;
      entry.append(anchor, element('span', 'search-section-excerpt', section.excerpt));
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

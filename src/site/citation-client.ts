/**
 * The citation block in the browser: BibTeX, RIS and CSL-JSON made from the page's `citation_*`
 * tags and the block's `data-*` attributes by the same functions the tests pin with goldens,
 * each with a button to copy it and one to download it as a file; and a button to copy the
 * printed GB/T 7714 line. Without JavaScript none of this appears and the block says so.
 */
import { CITATION_FORMATS, type CitationFormat } from './citation-formats.ts';
import { citationFromPage, type MetaTag } from './citation-tags.ts';
import type { CitationSource } from './citation.ts';

/** Tells screen readers and sighted readers what a button did. */
function announce(block: Element, message: string): void {
  const status = block.querySelector('[data-citation-status]');
  if (status) status.textContent = message;
}

/** Copies a text, falling back to selecting it when the clipboard is not available. */
async function copy(block: Element, source: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(source.textContent);
    announce(block, '已复制');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    announce(block, '已选中，请按 Ctrl+C 复制');
  }
}

/** Downloads a text as a file. */
function download(block: Element, text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
  announce(block, `已下载 ${name}`);
}

/** A button that runs `action` when pressed. */
function button(label: string, action: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', action);
  return element;
}

/** A format's heading, its text, and its copy and download buttons. */
function formatBlock(block: Element, format: CitationFormat, source: CitationSource): HTMLElement {
  const text = format.text(source);
  const name = `${source.id}.${format.extension}`;
  const container = document.createElement('div');
  container.className = 'citation-format';
  const heading = document.createElement('h3');
  heading.textContent = format.label;
  const pre = document.createElement('pre');
  pre.id = `citation-${format.key}`;
  pre.textContent = text;
  container.append(
    heading,
    pre,
    button('复制', () => void copy(block, pre)),
    button(`下载 .${format.extension}`, () => {
      download(block, text, name, format.type);
    }),
  );
  return container;
}

const tags = [...document.querySelectorAll<HTMLMetaElement>('head meta[name]')].map((meta): MetaTag => [
  meta.name,
  meta.content,
]);
for (const block of document.querySelectorAll<HTMLElement>('[data-citation]')) {
  const source = citationFromPage(tags, block.dataset);
  const gbt = block.querySelector<HTMLElement>('#citation-gbt');
  if (!source || !gbt) continue;
  gbt.after(button('复制', () => void copy(block, gbt)));
  const details = document.createElement('details');
  details.className = 'citation-formats';
  const summary = document.createElement('summary');
  summary.textContent = 'BibTeX、RIS、CSL-JSON';
  details.append(summary, ...CITATION_FORMATS.map((format) => formatBlock(block, format, source)));
  block.querySelector('.citation-hint')?.after(details);
}

/**
 * The citation block's buttons: copy a citation text to the clipboard, or download it as a file
 * made in the browser from the text already in the page. Without JavaScript the buttons stay
 * hidden and the texts can be selected by hand.
 */

/** Tells screen readers and sighted readers what a button did. */
function announce(block: Element, message: string): void {
  const status = block.querySelector('[data-citation-status]');
  if (status) status.textContent = message;
}

/** Copies a text, falling back to selecting it when the clipboard is not available. */
async function copy(block: Element, source: HTMLElement): Promise<void> {
  const text = source.textContent;
  try {
    await navigator.clipboard.writeText(text);
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
function download(block: Element, source: HTMLElement, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([source.textContent], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
  announce(block, `已下载 ${name}`);
}

for (const block of document.querySelectorAll('[data-citation]')) {
  for (const button of block.querySelectorAll<HTMLButtonElement>('button[data-target]')) {
    const source = document.getElementById(button.dataset.target ?? '');
    if (!source) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const { file, type } = button.dataset;
      if (file && type) download(block, source, file, type);
      else void copy(block, source);
    });
  }
}

/**
 * The benchmark's Hugo peer: the same records as the baseline, one bare page each, built by
 * `hugo` (when installed) and indexed by the Pagefind CLI, as a user choosing Hugo would.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineRecord } from './baseline.ts';

/** The site's configuration: only the pages, no lists, feeds or sitemap. */
const CONFIG = `baseURL = "http://localhost/"
languageCode = "zh-cn"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "section", "home", "robotsTXT", "404"]
`;

/** The layout of a record's page, like the baseline's. */
const SINGLE = `<!DOCTYPE html>
<html lang="zh-cn">
  <head><meta charset="utf-8" /><title>{{ .Title }}</title></head>
  <body>
    <main data-pagefind-body>
      <h1>{{ .Title }}</h1>
      {{ .Content }}
    </main>
  </body>
</html>
`;

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Writes the Hugo site into `dir` (replacing it): config, layout, one HTML content file per record. */
export function writeHugoSite(dir: string, records: readonly BaselineRecord[]): void {
  rmSync(dir, { recursive: true, force: true });
  const content = join(dir, 'content', 'articles');
  mkdirSync(content, { recursive: true });
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), CONFIG);
  writeFileSync(join(dir, 'layouts', '_default', 'single.html'), SINGLE);
  for (const record of records) {
    const body = record.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
    writeFileSync(join(content, `${record.id}.html`), `${JSON.stringify({ title: record.headline })}\n${body}\n`);
  }
}

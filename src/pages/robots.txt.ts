import type { APIContext } from 'astro';
import { href } from '../site/urls.ts';

/** robots.txt: everything may be crawled; the sitemap says what there is. */
export function GET(context: APIContext): Response {
  const sitemap = new URL(href('sitemap-index.xml'), context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

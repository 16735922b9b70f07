import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allRecords } from '../site/collection.ts';
import { ARCHIVE_DESCRIPTION, ARCHIVE_NAME } from '../site/config.ts';
import { FEED_SIZE, feedItem } from '../site/feed.ts';
import { articleHref, href } from '../site/urls.ts';

/** RSS 2.0: the newest items, full text in `content:encoded`; the whole archive is in the JSON API. */
export async function GET(context: APIContext): Promise<Response> {
  const records = (await allRecords()).slice(0, FEED_SIZE);
  const self = new URL(href('feed.xml'), context.site).href;
  return rss({
    title: ARCHIVE_NAME,
    description: `${ARCHIVE_DESCRIPTION}本订阅源为最新 ${FEED_SIZE} 条；全部条目见 ${new URL(href('api/v1/archive.json'), context.site).href}。`,
    site: new URL(href(), context.site).href,
    stylesheet: href('feed.xsl'),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>zh-cn</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: records.map((record) => feedItem(record, new URL(articleHref(record.id), context.site).href)),
  });
}

import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allRecords } from '../site/collection.ts';
import { ARCHIVE_DESCRIPTION, ARCHIVE_NAME } from '../site/config.ts';
import { excerpt, itemTitle } from '../site/format.ts';
import { articleHref, href } from '../site/urls.ts';

/** RSS 2.0: one item per article, newest first. */
export async function GET(context: APIContext): Promise<Response> {
  const records = await allRecords();
  return rss({
    title: ARCHIVE_NAME,
    description: ARCHIVE_DESCRIPTION,
    site: new URL(href(), context.site).href,
    customData: '<language>zh-cn</language>',
    items: records.map((record) => ({
      title: itemTitle(record),
      link: articleHref(record.id),
      description: excerpt(record, 200),
      ...(record.date ? { pubDate: new Date(`${record.date}T00:00:00+08:00`) } : {}),
      ...(record.byline?.names.length ? { author: record.byline.names.join('、') } : {}),
      categories: [record.kind === 'photo' ? '图片' : '文章', ...(record.issue.section ? [record.issue.section] : [])],
    })),
  });
}

/** The archive's name, shown in every header and in feeds. */
export const ARCHIVE_NAME = '新华报纸档案';

/** One line on what the archive is, for descriptions and the feed. */
export const ARCHIVE_DESCRIPTION = '新华社报纸版面的静态档案：按日期、版面、记者和地点浏览，全文检索。';

/**
 * The newspaper the seeds were printed in, for citations (`PAPER_NAME` at build time); a seed's
 * front matter `paper:` names its own. Never guessed: undefined when neither says.
 */
export const PAPER_NAME: string | undefined = process.env.PAPER_NAME?.trim()
  ? process.env.PAPER_NAME.trim()
  : undefined;

/** The site image used for link previews (`og:image`) and as the publisher's logo, under public/. */
export const SITE_IMAGE = { path: 'og-image.png', width: 1200, height: 630 } as const;

/** A page's `<title>`: its own title, then the archive's name (the home page's title is the name alone). */
export function documentTitle(title: string): string {
  return title === ARCHIVE_NAME ? title : `${title} - ${ARCHIVE_NAME}`;
}

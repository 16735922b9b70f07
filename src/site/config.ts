/** The archive's name, shown in every header and in feeds. */
export const ARCHIVE_NAME = '新华报纸档案';

/** One line on what the archive is, for descriptions and the feed. */
export const ARCHIVE_DESCRIPTION = '新华社报纸版面的静态档案：按日期、版面、记者和地点浏览，全文检索。';

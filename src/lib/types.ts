/**
 * The record contract shared by the parser, the site, the JSON API and the tests.
 * See `schema.ts` for the zod schema that validates it.
 */

/**
 * Where an item's date came from: `text` when its month and day were printed in the item (its
 * dateline, or a date in its opening text), else the issue's date from `front-matter` or the
 * `file-name`, else `none`.
 */
export type DateSource = 'front-matter' | 'file-name' | 'text' | 'none';

/** Where the year of a date read from the text came from (the dateline rarely prints one). */
export type YearSource = 'front-matter' | 'file-name' | 'text';

/** One person a credit names, with the role printed before their name. */
export interface Person {
  /** The name as printed (a name padded for print, `王　鹏`, is joined: `王鹏`). */
  name: string;
  /** The role printed before the name: `记者`, `实习生`, `通讯员`, `特约记者`, … (`摄` for photographers). */
  role?: string;
}

/** A credit line: a byline (`新华社记者 胡喆`) or a photo credit (`新华社发（前方平摄）`). */
export interface Credit {
  /** The credit exactly as printed, brackets included. */
  raw: string;
  /** The news agency named, e.g. `新华社`. */
  agency?: string;
  /** The column brand named in the credit: `新华视点` of `新华视点记者 叶青` or `新华社“新华视点”记者`. */
  column?: string;
  /** The first role named: `记者`, `特约记者`, `通讯员`, `实习生`, or `摄` for photo credits. */
  role?: string;
  /** The people credited, in printed order; empty when the line names nobody. */
  names: string[];
  /** The same people, each with their own role (`（记者 郑远 实习生 刘畅）`). */
  people: Person[];
  /** Where a byline was printed: above the text, in brackets after the lead dateline, or at the end. Absent on photo credits. */
  position?: 'top' | 'lead' | 'end';
}

/** A dateline such as `新华社北京4月1日电`. */
export interface Dateline {
  /** The dateline exactly as printed. */
  raw: string;
  /** The agency, e.g. `新华社`. */
  agency: string;
  /** The place the story was filed from, e.g. `北京` or `华盛顿`. */
  place?: string;
  /** Month 1–12; absent for undated forms such as `据新华社电`. */
  month?: number;
  /** Day of month 1–31; absent for undated forms. */
  day?: number;
  /** The kind of dispatch: `电`, `专电`, `新媒体专电`. */
  kind: string;
  /** `lead` when it opens a paragraph, `end` when it closes the article. */
  position: 'lead' | 'end';
  /** The credit in brackets after a later dateline of a roundup (`（记者 …）`). */
  credit?: Credit;
}

/** A jump line: `（下转第三版）` (the item continues on page 3) or `（上接第一版）` (it began on page 1). */
export interface Jump {
  /** `to` for 下转/转 (continued on), `from` for 上接/紧接 (continued from). */
  direction: 'to' | 'from';
  /** The other page, as a number: `3` for 第三版. */
  page: string;
  /** The jump line exactly as printed, brackets included. */
  raw: string;
}

/** A run of paragraphs, headed by an in-body subhead except (usually) the first. */
export interface Section {
  /** The subhead printed above the section, as printed. */
  heading?: string;
  /** The paragraphs, as printed (a column break joined back into one). */
  paragraphs: string[];
}

/** A photo: its caption and its credit. */
export interface Photo {
  /** The caption; printed lines joined with `\n`. */
  caption: string;
  /** The photo credit, when printed. */
  credit?: Credit;
}

/** What a record knows of the printed page (the seed) it came from. */
export interface IssueInfo {
  /** ISO date of the issue from front matter or the file name, else null. */
  date: string | null;
  /** The printed page, from front matter (e.g. `3` or `A03`), else the file name (`20260420-03.txt` → `3`). */
  page?: string;
  /** The page's section, from front matter (e.g. `要闻`). */
  section?: string;
  /** The newspaper's name, from front matter (e.g. `新华每日电讯`). */
  paper?: string;
}

/** One item of a printed page: an article or a photo. */
export interface ArticleRecord {
  /** Stable, URL-safe id, unique across the archive: `<seed id>-<order>`. */
  id: string;
  /** The seed file name, e.g. `000_3fa1046521e36f31.txt`. */
  seed: string;
  /** The seed's URL-safe id: the file stem, or the front-matter `id`. */
  seedId: string;
  /** 1-based position of the item within its seed. */
  order: number;
  /** 1-based line in the seed where the item starts. */
  line: number;
  /** `photo` for an item of captions and credits only, else `article`. */
  kind: 'article' | 'photo';
  /** 栏目: the column label printed before the headline (`新华视点` of `新华视点丨…`), without its separator. */
  column?: string;
  /** 引题: the line printed above the headline. */
  kicker?: string;
  /** 主题: the headline; empty only when the seed printed none (a diagnostic says so). */
  headline: string;
  /** 副题: the line printed below the headline. */
  subheadline?: string;
  /** The byline. */
  byline?: Credit;
  /** The first dateline. */
  dateline?: Dateline;
  /** A roundup's later datelines, which open paragraphs (their text stays there), with their credits. */
  datelines?: Dateline[];
  /** Jump lines: where the item continues or began on another page of the issue. */
  jumps?: Jump[];
  /** ISO yyyy-mm-dd of the dateline, else of the issue, else null. */
  date: string | null;
  /** Where `date` came from (its month and day). */
  dateSource: DateSource;
  /** Where the year of a `text` date came from; absent unless `dateSource` is `text`. */
  yearSource?: YearSource;
  /** The body, split at in-body subheads. */
  sections: Section[];
  /** Photos with their captions and credits. */
  photos: Photo[];
  /** The printed page the item belongs to. */
  issue: IssueInfo;
}

/** A problem found in a seed: never thrown, always reported with its place. */
export interface Diagnostic {
  /** The seed file, as given to the parser. */
  file: string;
  /** 1-based line (0 when the problem is the whole file). */
  line: number;
  /** Stable rule id, e.g. `dateline/unparsed`. */
  rule: string;
  /** `error` fails `--strict` and the CLI; `warning` is reported only. */
  severity: 'error' | 'warning';
  /** What happened, why, and what to do. */
  message: string;
}

/** The parser's output for one or more seeds. */
export interface ParseResult {
  /** The items, in seed order then print order. */
  articles: ArticleRecord[];
  /** Everything worth telling the archivist. */
  diagnostics: Diagnostic[];
}

/** One seed given to the parser. */
export interface SeedInput {
  /** The file name or path, used in diagnostics; its base name becomes `seed`. */
  file: string;
  /** The raw bytes, or text already decoded. */
  content: Uint8Array | string;
}

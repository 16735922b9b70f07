/**
 * The record contract shared by the parser, the site, the JSON API and the tests.
 * See `schema.ts` for the zod schema that validates it.
 */

/** Where an item's date (its year above all) came from. */
export type DateSource = 'front-matter' | 'file-name' | 'text' | 'none';

/** A credit line: a byline (`新华社记者 胡喆`) or a photo credit (`新华社发（前方平摄）`). */
export interface Credit {
  /** The credit exactly as printed, brackets included. */
  raw: string;
  /** The news agency named, e.g. `新华社`. */
  agency?: string;
  /** The first role named: `记者`, `特约记者`, `通讯员`, `实习生`, or `摄` for photo credits. */
  role?: string;
  /** The people credited, in printed order; empty when the line names nobody. */
  names: string[];
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
  /** `lead` when it opens the first paragraph, `end` when it closes the article. */
  position: 'lead' | 'end';
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
  /** The printed page, from front matter (e.g. `3` or `A03`). */
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
  /** 引题: the line printed above the headline. */
  kicker?: string;
  /** 主题: the headline; empty only when the seed printed none (a diagnostic says so). */
  headline: string;
  /** 副题: the line printed below the headline. */
  subheadline?: string;
  /** The byline. */
  byline?: Credit;
  /** The dateline. */
  dateline?: Dateline;
  /** ISO yyyy-mm-dd of the dateline, else of the issue, else null. */
  date: string | null;
  /** Where `date` came from. */
  dateSource: DateSource;
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

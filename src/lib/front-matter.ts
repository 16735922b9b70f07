import matter from 'gray-matter';
import type { DiagnosticSink } from './diagnostics.ts';

/** What a seed's optional YAML front matter may set. */
export interface FrontMatter {
  /** The issue date, ISO yyyy-mm-dd. */
  date?: string;
  /** The printed page, e.g. `3` or `A03`. */
  page?: string;
  /** The page's section, e.g. `要闻`. */
  section?: string;
  /** The newspaper's name, e.g. `新华每日电讯`, for citations. */
  paper?: string;
  /** The seed id, overriding the file stem (made URL-safe by the caller). */
  id?: string;
}

/** The front matter and the body that follows it. */
export interface SplitSeed {
  /** The recognised front-matter fields. */
  data: FrontMatter;
  /** The text after the front matter. */
  body: string;
  /** How many lines precede the body, to map body lines back to file lines. */
  lineOffset: number;
}

const KNOWN_KEYS = new Set(['date', 'page', 'section', 'paper', 'id']);

/** Reads a YAML value as a trimmed, non-empty string, or undefined. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads a YAML date (a Date or a `yyyy-mm-dd` string, full-width digits and hyphens allowed:
 * `２０２６－０４－２０`) as ISO yyyy-mm-dd.
 */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value.normalize('NFKC').trim());
  if (!match) return undefined;
  const date = new Date(`${match[0]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0] ? undefined : match[0];
}

/**
 * Splits optional YAML front matter (`---` … `---`) from a seed's text with gray-matter and keeps
 * the keys the archive knows; malformed YAML, wrong types and unknown keys become diagnostics.
 */
export function splitFrontMatter(text: string, sink: DiagnosticSink): SplitSeed {
  // Front matter needs both delimiters: a page that merely opens with a `---` line has none.
  if (!/^---[ \t]*\n(?:[\s\S]*?\n)?---[ \t]*(?:\n|$)/u.test(text)) return { data: {}, body: text, lineOffset: 0 };
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    // Passing options turns off gray-matter's cache, which would share objects between calls.
    parsed = matter(text, { excerpt: false });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = (mark?.line ?? 0) + 2;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    sink.report(line, 'front-matter/invalid-yaml', reason ?? '');
    const end = /\n---[ \t]*(?:\n|$)/u.exec(text.slice(3));
    const bodyStart = end ? 3 + end.index + end[0].length : 0;
    return { data: {}, body: text.slice(bodyStart), lineOffset: text.slice(0, bodyStart).split('\n').length - 1 };
  }
  const lineOffset = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
  const raw: unknown = parsed.data;
  const data: FrontMatter = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    sink.report(1, 'front-matter/invalid');
    return { data, body: parsed.content, lineOffset };
  }
  const lineOf = (key: string): number => {
    const index = text.split('\n').findIndex((line, i) => i > 0 && i < lineOffset && line.startsWith(`${key}:`));
    return index < 0 ? 1 : index + 1;
  };
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      sink.report(lineOf(key), 'front-matter/unknown-key', key);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (key === 'date') {
      const date = isoDate(value);
      if (date) data.date = date;
      else sink.report(lineOf(key), 'front-matter/invalid-date', String(value));
      continue;
    }
    const text = scalar(value);
    if (text === undefined) {
      sink.report(lineOf(key), 'front-matter/invalid-value', key);
    } else if (key === 'page') {
      // Full-width forms (`３`, `Ａ０５`) are the same page as their ASCII forms.
      data.page = text.normalize('NFKC');
    } else if (key === 'section' || key === 'paper' || key === 'id') {
      data[key] = text;
    }
  }
  return { data, body: parsed.content, lineOffset };
}

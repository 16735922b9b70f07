import { length, NAME_SEPARATOR, trimPad } from './chars.ts';
import type { Credit, Person } from './types.ts';

/**
 * Roles a byline may name, longest first so `特约记者` wins over `记者`; a later role may repeat
 * the agency (`新华社特约记者 A 新华社通讯员 B`), which is not a name.
 */
const ROLES = /(?:新华社|新华网)?(特约记者|摄影记者|见习记者|记者|实习生|通讯员)/u;

/**
 * Who a credit comes from, before its first role: an agency (`新华社`, `新华网`, `据新华社`) with an
 * optional column brand (`新华社“新华视点”`, `新华社中国网事`), or a Xinhua column brand alone
 * (`新华视点`, `新华全媒+`). The brand is the shortest run that a role follows.
 */
const SOURCE =
  /^(?:(?:据)?(?<agency>新华社|新华网)(?<brand>“[^”]{1,12}”|"[^"]{1,12}"|[\p{Script=Han}+＋]{2,8}?)??|(?<own>新华[\p{Script=Han}+＋]{1,6}?))(?=特约记者|摄影记者|见习记者|记者|实习生|通讯员)/u;

/** One personal name: Han characters and the interpunct of transliterated names. */
const NAME = /^[\p{Script=Han}·•．]{1,8}$/u;

/** A credit in full-width or half-width brackets. */
const BRACKETED = /^[（(](.*)[）)]$/u;

/**
 * Splits a run of names on spaces, U+3000, `、` and `，`. Two single characters in a row are one
 * name padded for print (`王　鹏` → `王鹏`). Returns undefined when a part is not a name.
 */
export function splitNames(text: string): string[] | undefined {
  const parts = trimPad(text).split(NAME_SEPARATOR).filter(Boolean);
  if (!parts.every((part) => NAME.test(part))) return undefined;
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (length(part) === 1 && next !== undefined && length(next) === 1) {
      names.push(part + next);
      i += 1;
    } else {
      names.push(part);
    }
  }
  return names;
}

/**
 * Reads a byline: an agency and/or a column brand, then a role, then names, the role repeating
 * before each group of names it covers — `新华社记者 胡喆`, `新华社记者`, `（记者王隼 张晔洁）`,
 * `新华社“新华视点”记者 A、B`, `新华视点记者 A B`, `新华社中国网事记者 A`, `（记者 A 实习生 B）`.
 * Returns undefined when the line is not a byline.
 */
export function parseByline(raw: string): Credit | undefined {
  const text = trimPad(raw);
  if (length(text) > 60 || /摄[）)]?$/u.test(text)) return undefined;
  const inner = trimPad(BRACKETED.exec(text)?.[1] ?? text);
  const source = SOURCE.exec(inner);
  const rest = inner.slice(source?.[0].length ?? 0);
  const parts = rest.split(ROLES);
  // parts: [before, role, names, role, names, …]; nothing may come before the first role.
  if (parts.length < 3 || trimPad(parts[0] ?? '') !== '') return undefined;
  const people: Person[] = [];
  for (let i = 2; i < parts.length; i += 2) {
    const segment = splitNames(parts[i] ?? '');
    if (segment === undefined) return undefined;
    const role = parts[i - 1];
    people.push(...segment.map((name) => (role ? { name, role } : { name })));
  }
  if (people.length === 0 && (!source || parts.length > 3)) return undefined;
  const agency = source?.groups?.agency;
  const column = (source?.groups?.brand ?? source?.groups?.own)?.replace(/^[“"]|[”"]$/gu, '');
  return {
    raw: text,
    ...(agency ? { agency } : {}),
    ...(column ? { column } : {}),
    role: parts[1] ?? '记者',
    names: people.map((person) => person.name),
    people,
  };
}

/** Credits each name as a photographer (`摄`). */
function photographers(names: readonly string[]): Person[] {
  return names.map((name) => ({ name, role: '摄' }));
}

/** `新华社发`, `新华社发（A、B 摄）`, `新华社发 A 摄`. */
const AGENCY_RELEASE = /^新华社发(?:[\s\u3000]*[（(](.*?)[\s\u3000]*摄[）)]|[\s\u3000]+(.*?)[\s\u3000]*摄)?$/u;

/** `新华社记者 鞠鹏 摄`, `（新华社记者 A 摄）`, `新华社特约记者 A 摄`, `（A 摄）`. */
const PHOTOGRAPHER = /^(新华社)?(特约记者|摄影记者|记者|通讯员)?[\s\u3000]*(.+?)[\s\u3000]*摄$/u;

/**
 * Reads a photo credit: `新华社发（前方平摄）`, `新华社记者 鞠鹏 摄`,
 * `新华社发（孙凡越、赵子硕 摄）`. Returns undefined when the text is not a photo credit.
 */
export function parsePhotoCredit(raw: string): Credit | undefined {
  const text = trimPad(raw);
  if (length(text) > 60) return undefined;
  const release = AGENCY_RELEASE.exec(text);
  if (release) {
    const names = splitNames(release[1] ?? release[2] ?? '');
    if (names === undefined) return undefined;
    return {
      raw: text,
      agency: '新华社',
      ...(names.length > 0 ? { role: '摄' } : {}),
      names,
      people: photographers(names),
    };
  }
  const bracketed = BRACKETED.exec(text)?.[1];
  const photographer = PHOTOGRAPHER.exec(trimPad(bracketed ?? text));
  if (!photographer || (!photographer[1] && !photographer[2] && bracketed === undefined)) return undefined;
  const names = splitNames(photographer[3] ?? '');
  if (names === undefined || names.length === 0) return undefined;
  return {
    raw: text,
    ...(photographer[1] ? { agency: photographer[1] } : {}),
    role: '摄',
    names,
    people: photographers(names),
  };
}

/** Where a credit printed at the end of a caption line starts. */
const CREDIT_START =
  /(?:新华社(?:发|记者|特约记者|摄影记者|通讯员)|[（(](?:新华社|[\p{Script=Han}·]{2,8}[\s\u3000]*摄))/gu;

/**
 * Splits a caption line that ends with its photo credit (`…驶入港口。新华社记者 鞠鹏 摄`)
 * into caption and credit. Returns undefined when the line does not end with a credit.
 */
export function splitCaptionCredit(line: string): { caption: string; credit: Credit } | undefined {
  for (const match of line.matchAll(CREDIT_START)) {
    const credit = parsePhotoCredit(line.slice(match.index));
    if (credit) return { caption: trimPad(line.slice(0, match.index)), credit };
  }
  return undefined;
}

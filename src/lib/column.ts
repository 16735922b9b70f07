/** Column labels (栏目) printed before a headline. */

/**
 * A column label printed before a headline: `新华视点丨`, `综述｜`, `记者观察 | `, `新华全媒+丨`.
 * The label is 2–10 characters of Han (and `+`), the separator 丨 (U+4E28), ｜ or |.
 */
const COLUMN_LABEL = /^(\p{Script=Han}[\p{Script=Han}+＋·]{1,9}?)[ \u3000]*[丨｜|][ \u3000]*(?=\S)/u;

/** Splits a column label off a headline or kicker: `新华视点丨…` → `新华视点` and the rest. */
export function splitColumnLabel(text: string): { column: string; rest: string } | undefined {
  const match = COLUMN_LABEL.exec(text);
  if (!match?.[1]) return undefined;
  return { column: match[1], rest: text.slice(match[0].length) };
}

/**
 * Speakers of a printed Q&A (`问：` / `答：`, `记者：` / `张桂兰：`): the text stays as printed, the
 * site marks the label so a reader can follow who speaks.
 */

/** Labels that make an item an interview on their own. */
const INTERVIEW_LABELS = new Set(['问', '答', '记者', '主持人']);

/** A label opening a paragraph: a role or a name of 1–5 Han characters (`·` for transliterations), then a colon. */
const LABEL = /^([\p{Script=Han}·]{1,5})[：:]/u;

/** A paragraph split into its speaker label (with its colon, as printed) and what follows. */
export interface Turn {
  /** `问：`, `张桂兰：`; absent for a paragraph no speaker opens. */
  speaker?: string;
  /** The rest of the paragraph. */
  text: string;
}

/**
 * The speaker labels of an item's paragraphs. An item is an interview when `问`, `答`, `记者` or
 * `主持人` opens one paragraph and labels open at least two; then those labels and every name
 * that opens two or more paragraphs are speakers. A name and a colon seen once (`他表示：`) is not.
 */
export function speakerLabels(paragraphs: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    const label = LABEL.exec(paragraph)?.[1];
    if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const labelled = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (labelled < 2 || ![...counts.keys()].some((label) => INTERVIEW_LABELS.has(label))) return new Set();
  return new Set([...counts].filter(([label, count]) => INTERVIEW_LABELS.has(label) || count >= 2).map(([l]) => l));
}

/** Splits a paragraph at its speaker label, when the label is one of `speakers`. */
export function speakerTurn(paragraph: string, speakers: ReadonlySet<string>): Turn {
  const match = LABEL.exec(paragraph);
  if (!match?.[1] || !speakers.has(match[1])) return { text: paragraph };
  return { speaker: match[0], text: paragraph.slice(match[0].length) };
}

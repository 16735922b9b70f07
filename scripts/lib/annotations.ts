/** GitHub Actions workflow commands for diagnostics, so problems show on the seed's line in a run. */
import type { Diagnostic } from '../../src/lib/index.ts';

/** Escapes a workflow command's message (`%`, CR, LF). */
function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** Escapes a workflow command's property value (the above, plus `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

/**
 * A diagnostic as a GitHub Actions annotation:
 * `::warning file=seeds/x.txt,line=12,title=paragraph/column-break::message`. Line 0 (the whole
 * file) is left out, as GitHub numbers lines from 1.
 */
export function annotation(d: Diagnostic): string {
  const properties = [
    `file=${escapeProperty(d.file)}`,
    ...(d.line > 0 ? [`line=${d.line}`] : []),
    `title=${escapeProperty(d.rule)}`,
  ];
  return `::${d.severity} ${properties.join(',')}::${escapeData(d.message)}`;
}

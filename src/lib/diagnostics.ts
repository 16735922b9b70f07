import { diagnostic, type RuleArgs, type RuleId } from './rules.ts';
import type { Diagnostic } from './types.ts';

/** Collects the diagnostics of one seed, all carrying its file name. */
export class DiagnosticSink {
  /** Diagnostics in the order they were reported. */
  readonly list: Diagnostic[] = [];

  /** The seed file name every diagnostic names. */
  readonly file: string;

  /** @param file the seed file name every diagnostic names */
  constructor(file: string) {
    this.file = file;
  }

  /** Reports one occurrence of a catalogued rule at a line; severity and hint come from the catalogue. */
  report<Id extends RuleId>(line: number, id: Id, ...args: RuleArgs<Id>): void {
    this.list.push(diagnostic(this.file, line, id, ...args));
  }
}

/** Whether any diagnostic counts as an error (warnings too when `strict`). */
export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || strict);
}

/** Formats a diagnostic as `file:line: severity rule: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity} ${d.rule}: ${d.message}`;
}

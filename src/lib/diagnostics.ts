import type { Diagnostic } from './types.ts';

/** Collects the diagnostics of one seed, all carrying its file name. */
export class DiagnosticSink {
  /** Diagnostics in the order they were reported. */
  readonly list: Diagnostic[] = [];

  /** @param file the seed file name every diagnostic names */
  constructor(readonly file: string) {}

  /** Reports a warning: the seed still renders, but someone should look. */
  warn(line: number, rule: string, message: string): void {
    this.list.push({ file: this.file, line, rule, severity: 'warning', message });
  }

  /** Reports an error: the seed is wrong; `--strict` and the CLI fail on it. */
  error(line: number, rule: string, message: string): void {
    this.list.push({ file: this.file, line, rule, severity: 'error', message });
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

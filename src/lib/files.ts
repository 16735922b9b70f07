import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic } from './rules.ts';
import type { Diagnostic, SeedInput } from './types.ts';

/** File extensions read as seeds. */
const SEED_EXTENSIONS = /\.(?:txt|md)$/iu;

/** Whether a file found in a seeds folder is read as a seed (`.txt` or `.md`). */
export function isSeedFileName(path: string): boolean {
  return SEED_EXTENSIONS.test(path);
}

/** The seed files named by `paths`: files as given, folders searched (sorted, recursively). */
export function listSeedFiles(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visit = (path: string, named: boolean): void => {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      diagnostics.push(unreadable(path, error));
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!entry.startsWith('.')) visit(join(path, entry), false);
      }
    } else if (named || isSeedFileName(path)) {
      files.push(path);
    }
  };
  for (const path of paths) visit(path, true);
  return { files, diagnostics };
}

/** A diagnostic for a file that could not be read. */
function unreadable(file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return diagnostic(file, 0, 'decode/unreadable', reason);
}

/** Reads a seed file's bytes; an unreadable file becomes an error diagnostic instead. */
export function readSeedFile(file: string): SeedInput | Diagnostic {
  try {
    return { file, content: readFileSync(file) };
  } catch (error) {
    return unreadable(file, error);
  }
}

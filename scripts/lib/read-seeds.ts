/** Reading seeds named on a command line, shared by the command-line entry points. */
import { listSeedFiles, readSeedFile, type Diagnostic, type SeedInput } from '../../src/lib/index.ts';

/** Seeds read from files and folders, with a diagnostic for each path that could not be read. */
export interface ReadSeeds {
  /** The seed files found, in order. */
  files: string[];
  /** The seeds that could be read. */
  inputs: SeedInput[];
  /** Problems with paths and files (missing, unreadable). */
  diagnostics: Diagnostic[];
}

/** Reads every seed named by `paths` (files as given, folders searched recursively and sorted). */
export function readSeeds(paths: readonly string[]): ReadSeeds {
  const listed = listSeedFiles(paths);
  const inputs: SeedInput[] = [];
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  for (const file of listed.files) {
    const read = readSeedFile(file);
    if ('content' in read) inputs.push(read);
    else diagnostics.push(read);
  }
  return { files: listed.files, inputs, diagnostics };
}

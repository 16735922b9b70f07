import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Reads command-line arguments with `node:util` `parseArgs` (options and positional paths); on a
 * usage mistake (an unknown option, a missing value) prints what went wrong and the usage line to
 * stderr and exits 2.
 */
export function readArgs<const Options extends NonNullable<ParseArgsConfig['options']>>(
  options: Options,
  usage: string,
): ReturnType<typeof parseArgs<{ options: Options; allowPositionals: true }>> {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nUsage: ${usage}\n`);
    process.exit(2);
  }
}

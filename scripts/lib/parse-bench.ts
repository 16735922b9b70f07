/**
 * Parse throughput: the archive's `parseSeed` against a bare `unified().use(remarkParse).parse`
 * of the same files, both starting from the file bytes, in one process, in interleaved rounds
 * (the order alternating each round) after one untimed warm-up pass of each.
 */
import { performance } from 'node:perf_hooks';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseSeed, type SeedInput } from '../../src/lib/index.ts';

/** One parser's timing. */
export interface ParserTiming {
  /** Median wall time of one pass over all files, ms. */
  medianMs: number;
  /** Throughput at the median, MB/s (10^6 bytes). */
  mbPerSecond: number;
}

/** The parse benchmark's result. */
export interface ParseBench {
  /** Files parsed per pass. */
  files: number;
  /** Bytes parsed per pass. */
  bytes: number;
  /** Timed rounds (each parser once per round). */
  rounds: number;
  /** The archive's parser. */
  ours: ParserTiming;
  /** Bare remark-parse. */
  bare: ParserTiming;
  /** ours / bare throughput. */
  ratio: number;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Times one pass of `run` over all inputs, in ms. */
function timePass(inputs: readonly SeedInput[], run: (input: SeedInput) => unknown): number {
  const start = performance.now();
  for (const input of inputs) run(input);
  return performance.now() - start;
}

/** Measures both parsers over `inputs` (whose contents are bytes) in `rounds` interleaved rounds. */
export function benchParse(inputs: readonly (SeedInput & { content: Uint8Array })[], rounds = 5): ParseBench {
  const bareProcessor = unified().use(remarkParse);
  const decoder = new TextDecoder();
  const ours = (input: SeedInput): unknown => parseSeed(input);
  const bare = (input: SeedInput): unknown =>
    bareProcessor.parse(typeof input.content === 'string' ? input.content : decoder.decode(input.content));
  const bytes = inputs.reduce((sum, input) => sum + input.content.byteLength, 0);
  timePass(inputs, ours);
  timePass(inputs, bare);
  const times = { ours: [] as number[], bare: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      times.ours.push(timePass(inputs, ours));
      times.bare.push(timePass(inputs, bare));
    } else {
      times.bare.push(timePass(inputs, bare));
      times.ours.push(timePass(inputs, ours));
    }
  }
  const timing = (list: number[]): ParserTiming => {
    const medianMs = median(list);
    return { medianMs, mbPerSecond: bytes / 1e6 / (medianMs / 1000) };
  };
  const result = { files: inputs.length, bytes, rounds, ours: timing(times.ours), bare: timing(times.bare) };
  return { ...result, ratio: result.ours.mbPerSecond / result.bare.mbPerSecond };
}

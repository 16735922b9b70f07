/**
 * Runs a command and measures it: wall time, the arrival time of each output line, and the
 * peak memory of its whole process tree (VmRSS of every descendant, summed, sampled from
 * /proc every 200 ms), plus the exact peak of its largest process from GNU time when present.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';

/** GNU time, which reports the maximum RSS of the largest process it waited for. */
const GNU_TIME = '/usr/bin/time';

/** How often the process tree's memory is sampled. */
export const SAMPLE_MS = 200;

/** One line of output and when it arrived, in ms after the command started. */
export interface TimedLine {
  /** Milliseconds since the command started. */
  ms: number;
  /** The line, colour codes removed. */
  text: string;
}

/** One process of a tree and its resident memory. */
export interface ProcessRss {
  /** Process id. */
  pid: number;
  /** Command name (from /proc/<pid>/status). */
  name: string;
  /** VmRSS in bytes. */
  rss: number;
}

/** A process tree's resident memory: the sum and each process. */
export interface TreeRss {
  /** Summed VmRSS in bytes. */
  total: number;
  /** Every process of the tree. */
  processes: ProcessRss[];
}

/** What a measured run gave. */
export interface MeasuredRun {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** Wall time in ms. */
  ms: number;
  /** Peak of the summed VmRSS of the process tree, in bytes (sampled). */
  peakTreeRss: number;
  /** The processes at that peak, largest first. */
  peakProcesses: ProcessRss[];
  /** Exact peak RSS of the largest single process, in bytes, when GNU time is installed. */
  peakProcessRss: number | undefined;
  /** Every stdout and stderr line with its arrival time. */
  lines: TimedLine[];
  /** True when the tree was killed for passing `maxTreeRss`. */
  killedForMemory: boolean;
}

/** Options of a measured run. */
export interface MeasureOptions {
  /** Working directory. */
  cwd: string;
  /** Environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Called with each line as it arrives (for progress output). */
  onLine?: (line: TimedLine) => void;
  /** Kills the whole process tree when its summed RSS passes this many bytes. */
  maxTreeRss?: number;
}

/** The parent pid of every process, read from /proc/<pid>/stat. */
function parentPids(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces and brackets): state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  return children;
}

/** Resident memory (bytes, 0 when it has gone) and command name of one process. */
function processRss(pid: number): ProcessRss {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+) kB/mu.exec(status)?.[1];
    return { pid, name: /^Name:\s+(.*)$/mu.exec(status)?.[1] ?? '?', rss: rss === undefined ? 0 : Number(rss) * 1024 };
  } catch {
    return { pid, name: '?', rss: 0 };
  }
}

/** The resident memory of a process and all its descendants. */
export function treeRss(root: number): TreeRss {
  const children = parentPids();
  const processes: ProcessRss[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    processes.push(processRss(pid));
    pending.push(...(children.get(pid) ?? []));
  }
  return { total: processes.reduce((sum, p) => sum + p.rss, 0), processes };
}

/** Runs `command args` and measures time, output line times and peak memory. */
export function runMeasured(command: string, args: readonly string[], options: MeasureOptions): Promise<MeasuredRun> {
  const timeDir = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'bench-time-')) : undefined;
  const timeFile = timeDir === undefined ? undefined : join(timeDir, 'rss');
  const [file, argv] =
    timeFile === undefined ? [command, args] : [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]];
  const start = performance.now();
  // Its own process group, so that the whole tree can be stopped at once when it outgrows the limit.
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: TimedLine[] = [];
  let peakTreeRss = 0;
  let peakProcesses: ProcessRss[] = [];
  let killedForMemory = false;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const tree = treeRss(child.pid);
    if (tree.total > peakTreeRss) {
      peakTreeRss = tree.total;
      peakProcesses = tree.processes.filter((p) => p.rss > 0).sort((a, b) => b.rss - a.rss);
    }
    if (options.maxTreeRss !== undefined && peakTreeRss > options.maxTreeRss && !killedForMemory) {
      killedForMemory = true;
      process.kill(-child.pid, 'SIGKILL');
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (raw) => {
      const line = { ms: performance.now() - start, text: stripVTControlCharacters(raw) };
      lines.push(line);
      options.onLine?.(line);
    });
  }
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      const ms = performance.now() - start;
      clearInterval(timer);
      let peakProcessRss: number | undefined;
      if (timeFile !== undefined && existsSync(timeFile)) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
        if (Number.isFinite(kb) && kb > 0) peakProcessRss = kb * 1024;
      }
      if (timeDir !== undefined) rmSync(timeDir, { recursive: true, force: true });
      lines.sort((a, b) => a.ms - b.ms);
      resolve({ code, ms, peakTreeRss, peakProcesses, peakProcessRss, lines, killedForMemory });
    });
  });
}

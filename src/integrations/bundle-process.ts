/** A search bundle's worker process (`bundle-worker.ts`), seen from the build. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BundleMessage, BundleReply } from './bundle-worker.ts';
import { IndexingError, RETRY_HINT } from './index-bundle.ts';

/** The script that indexes one bundle in a process of its own. */
const WORKER = fileURLToPath(new URL('./bundle-worker.ts', import.meta.url));

/** A running worker: what it is sent, and its answer. */
export interface BundleProcess {
  /** Sends the worker a message. */
  send: (message: BundleMessage) => void;
  /** Resolves when the worker answers that the bundle is written; rejects with its reason otherwise. */
  answer: Promise<void>;
  /** Ends the worker without waiting for its answer (the answer then rejects). */
  stop: () => void;
}

/** Starts a worker process for one bundle. */
export function startBundleProcess(): BundleProcess {
  const child = fork(WORKER, [], {
    // Node strips the worker's types itself from 22.18 and 23.6 on; before, it needs the flag.
    execArgv: process.features.typescript ? [] : ['--experimental-strip-types'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answer = new Promise<void>((resolve, reject) => {
    let reply: BundleReply | undefined;
    child.once('message', (message) => {
      reply = message as BundleReply;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply?.ok) resolve();
      else if (reply) reject(new IndexingError(reply.error, reply.hint));
      else
        reject(
          new IndexingError(`The indexing process ended (${signal ?? String(code)}) before it answered.`, RETRY_HINT),
        );
    });
  });
  return {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    answer,
    stop: () => {
      child.kill();
    },
  };
}

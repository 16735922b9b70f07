/**
 * The process that indexes one search bundle (`index-bundle.ts`), started by the Pagefind
 * integration with `fork`. It is given either one `BundleJob` (the bundle's pages are read from
 * the built site) or the bundle's pages one by one as they render (`render-index.ts`) and then
 * where to write; it answers `{ ok: true }` or `{ ok: false, error, hint }` and exits, ending
 * its Pagefind service with it.
 */
import * as pagefind from 'pagefind';
import {
  indexBundle,
  IndexingError,
  openBundleIndex,
  RETRY_HINT,
  type BundleIndex,
  type BundleJob,
} from './index-bundle.ts';

/** What the worker is sent. */
export type BundleMessage =
  | { kind: 'job'; job: BundleJob }
  | { kind: 'page'; path: string; html: string }
  | { kind: 'write'; outputPath: string };

/** What the worker answers. */
export type BundleReply = { ok: true } | { ok: false; error: string; hint: string };

// A build that ended (or failed) without waiting for this process takes it down with it.
process.once('disconnect', () => process.exit(1));

/** Whether the worker has answered: it answers once, then only exits. */
let answered = false;

/** Answers once and exits. */
function reply(message: BundleReply): void {
  if (answered) return;
  answered = true;
  process.send?.(message, () => process.exit(message.ok ? 0 : 1));
}

/** Answers with the failure. */
function fail(error: unknown): void {
  reply({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
    hint: error instanceof IndexingError ? error.hint : RETRY_HINT,
  });
}

/** The index that pages handed over one by one go to, opened with the first. */
let streamed: Promise<BundleIndex> | undefined;
/** The messages in the order they came: each waits for the one before. */
let queue = Promise.resolve();

/** Handles one message after those before it. */
async function handle(message: BundleMessage): Promise<void> {
  if (answered) return;
  if (message.kind === 'job') {
    await indexBundle(message.job);
    reply({ ok: true });
    return;
  }
  streamed ??= openBundleIndex();
  const index = await streamed;
  if (message.kind === 'page') {
    await index.add(message.path, message.html);
    return;
  }
  try {
    await index.write(message.outputPath);
  } finally {
    await pagefind.close();
  }
  reply({ ok: true });
}

process.on('message', (message: BundleMessage) => {
  queue = queue.then(() => handle(message)).catch(fail);
});

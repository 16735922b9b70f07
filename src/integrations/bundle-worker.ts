/**
 * The process that indexes one search bundle (`index-bundle.ts`): started by the Pagefind
 * integration with `fork`, it receives one `BundleJob`, answers `{ ok: true }` or
 * `{ ok: false, error }`, and exits, ending its Pagefind service with it.
 */
import { indexBundle, IndexingError, RETRY_HINT, type BundleJob } from './index-bundle.ts';

/** What the worker answers. */
export type BundleReply = { ok: true } | { ok: false; error: string; hint: string };

// A build that ended (or failed) without waiting for this process takes it down with it.
process.once('disconnect', () => process.exit(1));

process.once('message', (job: BundleJob) => {
  const reply = (message: BundleReply) => {
    process.send?.(message, () => process.exit(message.ok ? 0 : 1));
  };
  indexBundle(job).then(
    () => {
      reply({ ok: true });
    },
    (error: unknown) => {
      reply({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        hint: error instanceof IndexingError ? error.hint : RETRY_HINT,
      });
    },
  );
});

/**
 * The thread that fingerprints a folder (`folderFingerprint`) beside the build's own work: it
 * receives the folder as its `workerData`, answers the fingerprint and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { folderFingerprint } from './file-fingerprint.ts';

parentPort?.postMessage(folderFingerprint(String(workerData)));

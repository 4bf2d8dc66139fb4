/**
 * The body of a feed-parsing worker thread (see `FeedParsePool`): parses each feed body it
 * is sent and answers with the cleaned items, or with the `FeedError` kind and message.
 */
import { parentPort } from 'node:worker_threads';
import { parseFeedBytes, type FeedBytes } from './parse-feed-bytes';
import { FeedError } from './feed-error';
import type { ParseAnswer, ParseWorkerReady } from './feed-parse-pool';

const port = parentPort;
if (port) {
  // The modules above are loaded: the pool may send bodies from now on.
  port.postMessage({ ready: true } satisfies ParseWorkerReady);
  port.on('message', (task: { id: number; input: FeedBytes }) => {
    parseFeedBytes(task.input).then(
      (result) => port.postMessage({ id: task.id, ok: true, result } satisfies ParseAnswer),
      (error: unknown) => {
        const e = error instanceof FeedError ? error : undefined;
        const answer: ParseAnswer = e
          ? { id: task.id, ok: false, kind: e.kind, message: e.message, ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}) }
          : { id: task.id, ok: false, message: (error as Error)?.stack ?? String(error) };
        port.postMessage(answer);
      },
    );
  });
}

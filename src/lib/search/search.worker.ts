/// <reference lib="webworker" />
// The search worker: builds the index from IndexedDB off the main thread, keeps it in step with
// syncs (it hears the same 'folio-sync' channel as the pages), and answers queries.
import { getDb } from '../db';
import { listen } from '../channel';
import { isToWorker, type FromWorker } from './protocol';
import { SearchService } from './service';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromWorker): void {
  self.postMessage(message);
}

/** How long the reader must stop querying before a loaded index is reconciled (service.ts). */
const QUIET_BEFORE_RECONCILE_MS = 2_000;

const service = new SearchService(
  getDb,
  (report) => {
    if (report.status === 'ready') service.warmUp();
    post({ type: 'status', ...report });
  },
  { quietBeforeReconcile: QUIET_BEFORE_RECONCILE_MS },
);

/** A sync stores pages and bodies in many small steps: re-index once they settle. */
const SETTLE_MS = 500;
let settle: ReturnType<typeof setTimeout> | undefined;

listen((message) => {
  if (message.type !== 'content-changed') return;
  clearTimeout(settle);
  settle = setTimeout(() => void service.refresh(), SETTLE_MS);
});

self.onmessage = (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWorker(message)) return;
  if (message.type === 'refresh') {
    void service.refresh();
    return;
  }
  const { id, request } = message;
  void service.query(request).then((answer) => post({ type: 'results', id, ...answer }));
};

void service.refresh();

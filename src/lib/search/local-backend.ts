// The search service in this thread, behind the same interface as the worker: for tests, which
// run in jsdom without workers, over fake-indexeddb.
import type { FolioDB } from '../db';
import type { SearchBackend } from './backend';
import { SearchService, type StatusReport } from './service';

export function localBackend(db: () => Promise<FolioDB>): SearchBackend & {
  refresh(): Promise<void>;
} {
  const listeners = new Set<(report: StatusReport) => void>();
  const service = new SearchService(db, (report) => {
    for (const listener of listeners) listener(report);
  });
  void service.refresh();
  return {
    query: (request) => service.query(request),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: () => service.refresh(),
  };
}

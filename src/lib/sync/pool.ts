/**
 * Runs `task` over `items` with at most `limit` in flight. A task that returns 'stop' ends the
 * run: items not yet started are left alone.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void | 'stop'>,
): Promise<void> {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const item = items[next++] as T;
      if ((await task(item)) === 'stop') stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

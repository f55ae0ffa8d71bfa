/** What a pool call gets besides its item: its place in the queue, and a way to queue more work. */
export interface PoolStep<T> {
  index: number;
  /** Queue one more item (a folder walk finds folders as it goes); it starts as soon as a slot is free. */
  push(item: T): void;
}

/**
 * The one concurrency limiter: call `fn` on each queued item, in queue order, with at most `limit` calls in
 * flight. After a call throws, no further item starts; once the calls in flight have settled, the first
 * error is thrown. A slot is refilled as soon as a call ends, so items pushed late still run `limit` wide.
 */
export function runPool<T>(options: { items: Iterable<T>; limit: number; fn: (item: T, step: PoolStep<T>) => Promise<void> }): Promise<void> {
  const { fn } = options;
  const queue = [...options.items];
  const limit = Math.max(1, options.limit);
  let next = 0;
  let active = 0;
  let failure: { error: unknown } | undefined;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const push = (item: T): void => {
      queue.push(item);
      pump();
    };
    const ended = (): void => {
      active--;
      pump();
    };
    const failed = (error: unknown): void => {
      failure ??= { error };
      ended();
    };
    function pump(): void {
      while (failure === undefined && active < limit && next < queue.length) {
        const index = next++;
        active++;
        let call: Promise<void>;
        try {
          call = fn(queue[index] as T, { index, push });
        } catch (error) {
          call = Promise.reject(error);
        }
        call.then(ended, failed);
      }
      if (settled || active > 0 || (failure === undefined && next < queue.length)) return;
      settled = true;
      if (failure !== undefined) reject(failure.error);
      else resolve();
    }
    pump();
  });
}

/**
 * Map over items with at most `limit` calls in flight; results keep the order of `items`. For reading
 * big folders without opening hundreds of files at once.
 */
export async function mapLimit<T, R>(options: { items: readonly T[]; limit: number; fn: (item: T, index: number) => Promise<R> }): Promise<R[]> {
  const results = new Array<R>(options.items.length);
  await runPool({
    items: options.items,
    limit: options.limit,
    fn: async (item, { index }) => {
      results[index] = await options.fn(item, index);
    },
  });
  return results;
}

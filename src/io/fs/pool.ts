/**
 * Map over items with at most `limit` calls in flight; results keep the order of `items`. For reading
 * big folders without opening hundreds of files at once.
 */
export async function mapLimit<T, R>(options: { items: readonly T[]; limit: number; fn: (item: T, index: number) => Promise<R> }): Promise<R[]> {
  const { items, fn } = options;
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.limit, items.length)) }, worker));
  return results;
}

// Bounded concurrency for connectors: a limiter, an in-order bounded map, and a merge of streams.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs at most `max` tasks at a time; the rest wait in order. */
export function createLimiter(max: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter so a newcomer cannot slip in between.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * Interleaves several async iterables as their items arrive. The first error stops the others and
 * is rethrown; stopping early (break, return) stops them all too.
 */
export async function* mergeAsync<T>(sources: AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = sources.map((source) => source[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) => {
    const next = iterators[index]!.next().then((result) => ({ index, result }));
    next.catch(() => undefined); // rejections are seen through Promise.race below
    pending.set(index, next);
  };
  iterators.forEach((_, index) => pull(index));
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      if (result.done) {
        pending.delete(index);
        continue;
      }
      pull(index);
      yield result.value;
    }
  } finally {
    // Not awaited: a source may be mid-request, and its owner is about to close the connection.
    for (const index of pending.keys()) iterators[index]!.return?.()?.catch(() => undefined);
  }
}

/** Maps an async stream with at most `limit` calls in flight, yielding results in input order.
 * The first failure stops the stream; calls already in flight finish but are ignored. */
export async function* mapBounded<T, R>(items: AsyncIterable<T> | Iterable<T>, limit: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  for await (const item of items) {
    const promise = work(item);
    // Observed here so a failure that happens while an earlier call is awaited is not "unhandled".
    promise.catch(() => undefined);
    inFlight.push(promise);
    if (inFlight.length >= limit) yield await (inFlight.shift() as Promise<R>);
  }
  while (inFlight.length > 0) yield await (inFlight.shift() as Promise<R>);
}

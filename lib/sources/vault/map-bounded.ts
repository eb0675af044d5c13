// Maps an async stream with at most `limit` calls in flight, yielding results in input order.
// The first failure stops the stream; calls already in flight finish but are ignored.
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

// A CSV download pulled one keyset page at a time as the client reads, so an export of any size
// never sits in memory. The first page is fetched before the stream exists: a filter or cursor
// that fails does so as a problem answer, not after a 200 and a header row. A page that fails
// later errors the stream (the route's wrapper records and logs it, lib/http/audited-stream.ts).
// No I/O of its own: the DAL hands it the page reader.
import { csvRow } from "@/lib/domain/csv";

type Cell = string | number | null | undefined;
type Page<T> = { items: T[]; nextCursor: string | null };

export async function streamCsvPages<T>({ header, fetchPage, toRow }: { header: string[]; fetchPage: (cursor: string | undefined) => Promise<Page<T>>; toRow: (item: T) => Cell[] }): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const render = (page: Page<T>) => encoder.encode(page.items.map((item) => csvRow(toRow(item))).join(""));
  const first = await fetchPage(undefined);
  const firstChunk = Buffer.concat([encoder.encode(csvRow(header)), render(first)]);
  let cursor = first.nextCursor;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(firstChunk);
      if (!cursor) controller.close();
    },
    async pull(controller) {
      const page = await fetchPage(cursor ?? undefined);
      if (page.items.length) controller.enqueue(render(page));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}

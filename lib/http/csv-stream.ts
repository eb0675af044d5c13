// A CSV download pulled one keyset page at a time as the client reads, so an export of any size
// never sits in memory.
import { csvRow } from "@/lib/domain/csv";

type Cell = string | number | null | undefined;
type Page<T> = { items: T[]; nextCursor: string | null };

export function streamCsvPages<T>({ header, fetchPage, toRow }: { header: string[]; fetchPage: (cursor: string | undefined) => Promise<Page<T>>; toRow: (item: T) => Cell[] }) {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(header)));
      }
      const page = await fetchPage(cursor);
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map((item) => csvRow(toRow(item))).join("")));
      if (!page.nextCursor) controller.close();
      cursor = page.nextCursor ?? undefined;
    },
  });
}

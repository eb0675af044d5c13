// Shared by the CloudTrail parser tests: feed bytes in chunks, collect outcomes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { cloudTrailParser } from "@/lib/ingest/cloudtrail/parser";
import { collect } from "@/lib/ingest/testing";
import type { NormalizedEvent, ParseOutcome } from "@/lib/ingest/types";

export const FIXTURES = path.join(import.meta.dirname, "fixtures");
export const deliveryFile = readFileSync(path.join(FIXTURES, "records.json"));
export const records = (JSON.parse(deliveryFile.toString("utf8")) as { Records: Record<string, unknown>[] }).Records;

export const parseChunks = (chunks: (string | Uint8Array)[], file = "trail.json"): Promise<ParseOutcome[]> => collect(cloudTrailParser, chunks, file);

export const parse = (input: string | Uint8Array) => parseChunks([input]);
export const eventsOf = (out: ParseOutcome[]): NormalizedEvent[] => out.flatMap((o) => (o.kind === "event" ? [o.event] : []));
export const quarantinedOf = (out: ParseOutcome[]) => out.flatMap((o) => (o.kind === "quarantined" ? [{ reason: o.reason, ...o.location }] : []));

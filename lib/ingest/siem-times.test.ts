// Every parser reads its times with lib/ingest/log-time.ts: a SIEM export's "YYYY-MM-DD HH:MM:SS.fffffffff"
// (UTC) is read by each, and kept to the microsecond.
import { describe, expect, it } from "vitest";
import { azureParser } from "@/lib/ingest/azure/parser";
import { records } from "@/lib/ingest/cloudtrail/test-helpers";
import { cloudTrailParser } from "@/lib/ingest/cloudtrail/parser";
import { gcpParser } from "@/lib/ingest/gcp/parser";
import { collect, fixture } from "@/lib/ingest/testing";
import type { LogParser } from "@/lib/ingest/types";
import { vaultParser } from "@/lib/ingest/vault/parser";

const SIEM = "2026-11-20 09:15:02.123456789";
const firstLine = (dir: "gcp" | "azure", name: string) => JSON.parse(fixture(dir, name).toString("utf8").split("\n")[0]!) as Record<string, unknown>;
const vaultLines = () => {
  const request = { id: "req-siem", operation: "read", mount_type: "kv", path: "kv/data/payments/stripe", remote_address: "10.0.4.12" };
  const auth = { display_name: "approle", entity_id: "entity-1", policies: ["default"], token_type: "service" };
  return ["request", "response"].map((type) => JSON.stringify({ time: SIEM, type, auth, request })).join("\n");
};

const cases: [string, LogParser, string][] = [
  ["vault", vaultParser, vaultLines()],
  ["cloudtrail", cloudTrailParser, JSON.stringify({ Records: [{ ...records.find((r) => r.eventName === "GetSecretValue"), eventTime: SIEM }] })],
  ["gcp", gcpParser, JSON.stringify({ ...firstLine("gcp", "sink-secretmanager.jsonl"), timestamp: SIEM })],
  ["azure", azureParser, JSON.stringify({ ...firstLine("azure", "kv-auditevent.jsonl"), time: SIEM })],
];

describe("SIEM export times in every parser", () => {
  it.each(cases)("%s reads a space-separated UTC time with nine fraction digits, to the microsecond", async (_format, parser, text) => {
    const outcomes = await collect(parser, text);
    expect(outcomes.filter((o) => o.kind === "event").map((o) => o.kind === "event" && o.event.occurredAt)).toEqual(["2026-11-20T09:15:02.123456Z"]);
  });
});

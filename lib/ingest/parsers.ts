// Every audit-log format Keyledger reads, by name.
import { azureParser } from "@/lib/ingest/azure/parser";
import { cloudTrailParser } from "@/lib/ingest/cloudtrail/parser";
import { gcpParser } from "@/lib/ingest/gcp/parser";
import { vaultParser } from "@/lib/ingest/vault/parser";
import type { LogFormat, LogParser } from "@/lib/ingest/types";

export const PARSERS: Partial<Record<LogFormat, LogParser>> = {
  vault: vaultParser,
  cloudtrail: cloudTrailParser,
  gcp: gcpParser,
  azure: azureParser,
};

export function getParser(format: LogFormat): LogParser {
  const parser = PARSERS[format];
  if (!parser) throw new Error(`no parser for ${format}`);
  return parser;
}

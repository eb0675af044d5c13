// Every audit-log format Keyledger reads, by name.
import type { LogFormat, LogParser } from "@/lib/ingest/types";

export const PARSERS: Partial<Record<LogFormat, LogParser>> = {};

export function getParser(format: LogFormat): LogParser {
  const parser = PARSERS[format];
  if (!parser) throw new Error(`no parser for ${format}`);
  return parser;
}

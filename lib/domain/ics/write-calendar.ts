// A small RFC 5545 writer: components of properties, serialized as folded CRLF content lines.
// Values are given already typed: `text` is escaped here, `raw` (dates, URIs, durations, numbers)
// is written as is. Nothing here knows about rotation tasks (see rotation-feed.ts).
import { CRLF, escapeText, foldLine } from "@/lib/domain/ics/content-line";

export type IcsValue = { text: string } | { texts: string[] } | { raw: string };
export type IcsProperty = { name: string; params?: Record<string, string>; value: IcsValue };
export type IcsComponent = { name: string; properties: IcsProperty[]; components?: IcsComponent[] };

export const text = (value: string): IcsValue => ({ text: value });
export const raw = (value: string | number): IcsValue => ({ raw: String(value) });

function serializeValue(value: IcsValue): string {
  if ("text" in value) return escapeText(value.text);
  if ("texts" in value) return value.texts.map(escapeText).join(",");
  return value.raw.replace(/[\r\n]/g, "");
}

function serializeProperty({ name, params = {}, value }: IcsProperty): string {
  const paramText = Object.entries(params)
    .map(([key, v]) => `;${key}=${/[;:,]/.test(v) ? `"${v.replace(/"/g, "")}"` : v}`)
    .join("");
  return foldLine(`${name}${paramText}:${serializeValue(value)}`);
}

function serializeComponent(component: IcsComponent): string[] {
  return [
    `BEGIN:${component.name}`,
    ...component.properties.map(serializeProperty),
    ...(component.components ?? []).flatMap(serializeComponent),
    `END:${component.name}`,
  ];
}

/** The whole iCalendar object: every line (folded) ends in CRLF, the last one included. */
export function writeCalendar(calendar: IcsComponent): string {
  return serializeComponent(calendar).join(CRLF) + CRLF;
}

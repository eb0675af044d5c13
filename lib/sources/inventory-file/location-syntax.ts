// A declared location in one entry:
//
//   kind: place [<person e-mail>] [(unsanctioned) | (sanctioned) | !]
//
//   saas_tool: 1Password · Founders vault
//   laptop: MacBook of Dana <dana@acme.example> (unsanctioned)
//   chat: #eng-payments!
//
// kind is one of the location kinds; the place is free text (it may contain `:`); `<e-mail>` links
// the person whose laptop or account it is (`<>`: nobody, for a place that itself ends in <…>);
// a location is sanctioned unless marked otherwise.
import { LOCATION_KINDS } from "@/lib/domain/registry-values";
import type { DeclaredLocation, LocationKind } from "@/lib/sources/inventory-file/format";
import { quote } from "@/lib/sources/inventory-file/problems";
import { parseEmail, vocabularyValue, type Parsed } from "@/lib/sources/inventory-file/values";

const KINDS: readonly LocationKind[] = LOCATION_KINDS;
const FLAG = /\s*\((un)?sanctioned\)$/i;
const PERSON = /\s*<([^<>]*)>$/;
const HINT = `write kind: place, e.g. "saas_tool: 1Password · Eng vault" or "laptop: MacBook of Dana <dana@example.com> (unsanctioned)"; kinds: ${KINDS.join(", ")}`;

export function parseLocation(entry: string): Parsed<DeclaredLocation> {
  const fail = (why: string): Parsed<never> => ({ ok: false, message: `${quote(entry)} ${why}` });
  let rest = entry.trim();
  let sanctioned = true;
  const flag = rest.match(FLAG);
  if (flag) {
    sanctioned = !flag[1];
    rest = rest.slice(0, flag.index);
  } else if (rest.endsWith("!")) {
    sanctioned = false;
    rest = rest.slice(0, -1).trimEnd();
  }
  let personEmail: string | null = null;
  const person = rest.match(PERSON);
  if (person && person[1] === "") {
    rest = rest.slice(0, person.index); // `<>`: explicitly nobody, for a place that ends in <...>
  } else if (person) {
    const email = parseEmail(person[1] ?? "");
    if (!email.ok) return fail(`names a person as <${person[1]}>, which is not an e-mail address`);
    personEmail = email.value;
    rest = rest.slice(0, person.index);
  }
  const colon = rest.indexOf(":");
  if (colon < 0) return fail(`has no kind: ${HINT}`);
  const kind = vocabularyValue(KINDS, rest.slice(0, colon));
  if (!kind) return fail(`has an unknown location kind ${quote(rest.slice(0, colon).trim())}: ${HINT}`);
  const place = rest.slice(colon + 1).trim();
  if (!place) return fail(`has no place after "${kind}:": ${HINT}`);
  return { ok: true, value: { kind, place, sanctioned, personEmail } };
}

/** The canonical form parseLocation reads back to the same location. */
export function formatLocation(location: DeclaredLocation): string {
  let text = `${location.kind}: ${location.place}`;
  // A place that itself ends like a marker gets an explicit one, so it is not read as the marker.
  if (location.personEmail) text += ` <${location.personEmail}>`;
  else if (PERSON.test(text)) text += " <>";
  if (!location.sanctioned) return `${text} (unsanctioned)`;
  return text.endsWith("!") || FLAG.test(text) ? `${text} (sanctioned)` : text;
}

export function locationKey(location: Pick<DeclaredLocation, "kind" | "place">): string {
  return `${location.kind}\u0000${location.place}`;
}

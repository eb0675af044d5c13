// The token in every reminder's unsubscribe link: a person id and a channel, signed with an HMAC of
// the installation's NEXTAUTH_SECRET, so following the link needs no session and cannot be forged
// for someone else. It does not expire: an unsubscribe link in an old e-mail must keep working.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ReminderChannel } from "@/lib/domain/reminders/types";

export type UnsubscribeClaim = { personId: string; channel: ReminderChannel };

const PATTERN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(email|slack)\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, { personId, channel }: UnsubscribeClaim): Buffer {
  // A purpose prefix keeps this HMAC from ever matching one the same secret signs elsewhere.
  return createHmac("sha256", secret).update(`keyledger:reminder-unsubscribe:v1:${personId}:${channel}`).digest();
}

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  return `${claim.personId.toLowerCase()}.${claim.channel}.${signature(secret, { ...claim, personId: claim.personId.toLowerCase() }).toString("base64url")}`;
}

/** The claim a token carries, or null for anything malformed or not signed with `secret`. */
export function verifyUnsubscribeToken(secret: string, token: string | null | undefined): UnsubscribeClaim | null {
  const match = token ? PATTERN.exec(token) : null;
  if (!match) return null;
  const claim = { personId: match[1]!, channel: match[2] as ReminderChannel };
  const given = Buffer.from(match[3]!, "base64url");
  const expected = signature(secret, claim);
  return given.length === expected.length && timingSafeEqual(given, expected) ? claim : null;
}

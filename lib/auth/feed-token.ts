// Calendar feed tokens: `klc_` + 32 random bytes (base64url), carried in the feed URL. Only the
// SHA-256 is stored (the same hash as API tokens); the URL is shown once, when made.
import { hashToken, newToken } from "@/lib/auth/api-token";

const FEED_TOKEN_PREFIX = "klc_";
const TOKEN_SHAPE = /^klc_[A-Za-z0-9_-]{43}$/;

export const newFeedToken = () => newToken(FEED_TOKEN_PREFIX);

/** The hash to look a presented token up by, or null when it cannot be one of ours. */
export function feedTokenHash(token: string): string | null {
  return TOKEN_SHAPE.test(token) ? hashToken(token) : null;
}

/** The subscription URLs for a token: https for copying, webcal for one-click subscribing. */
export function feedUrls({ baseUrl, token }: { baseUrl: string; token: string }): { url: string; webcalUrl: string } {
  const url = `${baseUrl.replace(/\/+$/, "")}/api/v1/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:\/\//, "webcal://") };
}

// API tokens: `klt_` + 32 random bytes. Only the SHA-256 is stored; comparing hashes found by an
// indexed lookup leaks nothing useful about the token through timing.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "klt_";

/** A fresh token — `scheme` (klt_; calendar feeds use klc_) + 32 random bytes — with the part to show and the hash to store. */
export function newToken(scheme: string = TOKEN_PREFIX): { token: string; prefix: string; hash: string } {
  const token = `${scheme}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 12), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

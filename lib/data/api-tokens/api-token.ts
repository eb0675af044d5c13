// API tokens: `klt_` + 32 random bytes. Only the SHA-256 is stored; comparing hashes found by an
// indexed lookup leaks nothing useful about the token through timing.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "klt_";

export function newToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 12), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

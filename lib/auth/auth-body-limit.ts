// The most a next-auth endpoint reads of a request body: its forms are a few hundred bytes.
// Plain module (no server-only), as the web server (scripts/web-server.ts) refuses past it too.
import type { BodyLimit } from "@/lib/byte-limit";

export const AUTH_BODY_LIMIT: BodyLimit = { maxBytes: 64 * 1024, setting: "the fixed limit of the sign-in endpoints" };

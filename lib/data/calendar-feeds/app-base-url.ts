import "server-only";
import { env } from "@/lib/env";

/** Where people reach Keyledger, for links that leave the app: NEXTAUTH_URL, else this request's origin. */
export function appBaseUrl(request: { nextUrl: { origin: string } }): string {
  return (env().NEXTAUTH_URL ?? request.nextUrl.origin).replace(/\/+$/, "");
}

// Where a person may be sent after signing in: only a path on Keyledger itself. Browsers drop tabs
// and newlines from URLs and read a backslash as a slash, so "/\evil.example" or "/\t/evil.example"
// would leave the site; the candidate is parsed the way a browser would, kept only when it stays on
// our origin, and handed back as a clean path that cannot be read as another host (docs/security.md).

/** A same-origin path ("/inventory?tier=1"), or "/" for anything else. */
export function safeCallbackPath(candidate: string | null | undefined, baseUrl: string): string {
  if (!candidate) return "/";
  const base = new URL(baseUrl);
  let parsed: URL;
  try {
    parsed = new URL(candidate, base);
  } catch {
    return "/";
  }
  if (parsed.origin !== base.origin) return "/";
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a Location header would read as a host.
  return /^[/\\]{2}/.test(path) ? "/" : path;
}

/** The same, as the absolute URL next-auth's redirect callback must return. */
export function safeCallbackUrl(candidate: string | null | undefined, baseUrl: string): string {
  return `${new URL(baseUrl).origin}${safeCallbackPath(candidate, baseUrl)}`;
}

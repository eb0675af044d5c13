import { describe, expect, it } from "vitest";
import { log, redact } from "@/lib/log";

describe("log redaction", () => {
  it.each([
    ["AWS key AKIAIOSFODNN7EXAMPLE leaked", "AWS key [redacted] leaked"],
    ["token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "token [redacted]"],
    ["stripe sk_live_51Habcdefghijklmnop", "stripe [redacted]"],
    ["vault hvs.CAESIabcdefghijklmnopqrstuvwxyz", "vault [redacted]"],
    ["slack xoxb-1234567890-abcdefghij", "slack [redacted]"],
    ["password=hunter2hunter2 next", "password=[redacted] next"],
    ['{"api_key": "abcd1234efgh"}', '{"api_key": "[redacted]"}'],
    ["postgresql://keyledger:s3cret@127.0.0.1:5432/db", "postgresql://keyledger:[redacted]@127.0.0.1:5432/db"],
    ["smtps://mailer:pa55word@smtp.example.com:465", "smtps://mailer:[redacted]@smtp.example.com:465"],
    ["GET /api/v1/calendar/klc_Zx9-abcdefghijklmnopqrstuvwxyz0123456789.ics", "GET /api/v1/calendar/[redacted].ics"],
    ["Bearer klt_abcdefghijklmnopqrstuvwxyz012345", "Bearer [redacted]"],
    ["posting to https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX failed", "posting to https://hooks.slack.com/[redacted] failed"],
  ])("hides %s", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it("hides a private key block", () => {
    expect(redact("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----")).toBe("[redacted]");
  });

  it("leaves ordinary text alone", () => {
    expect(redact("synced 172 secrets from AWS Secrets Manager · production")).toBe("synced 172 secrets from AWS Secrets Manager · production");
  });
});

describe("log lines", () => {
  const capture = (run: () => void): string => {
    const original = process.stderr.write;
    let written = "";
    process.stderr.write = ((chunk: string) => ((written += chunk), true)) as typeof process.stderr.write;
    try {
      run();
    } finally {
      process.stderr.write = original;
    }
    return written;
  };

  it("logs an error field by name, message and stack, redacted", () => {
    const line = capture(() => log.error("sync failed", { error: new TypeError("bad token ghp_abcdefghijklmnopqrstuvwxyz0123456789") }));
    expect(line).toMatch(/"error":\{"name":"TypeError","message":"bad token \[redacted\]","stack":"TypeError: bad token \[redacted\]\\n {4}at /);
  });

  it("never throws on a field JSON cannot hold", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(capture(() => log.warn("odd", { cyclic, count: 1n }))).toContain('warn  odd {"unserializable":["cyclic","count"]');
  });
});

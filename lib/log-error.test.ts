import { describe, expect, it } from "vitest";
import { describeError, errorText } from "@/lib/log-error";

// Shaped like pg's DatabaseError (lib/log-error.integration.test.ts gets real ones from Postgres).
const pgError = (code: string, message: string, detail?: string) => Object.assign(new Error(message), { name: "error", code, severity: "ERROR", detail });

describe("describeError", () => {
  it.each([
    ["23505", "Key (email)=(maya@lumenpay.example) already exists.", "Key (email)=([redacted]) already exists."],
    ["23503", 'Key (person_id)=(8d0c…) is not present in table "people".', 'Key (person_id)=([redacted]) is not present in table "people".'],
    ["23505", "Key (lower(email))=(maya@lumenpay.example) already exists.", "Key ([redacted])"],
    ["23502", "Failing row contains (1, maya@lumenpay.example, null).", "Failing row contains ([redacted])."],
    ["22P02", 'Token "hunter2" is invalid.', 'Token "[redacted]" is invalid.'],
  ])("takes the values out of a %s detail", (code, detail, expected) => {
    expect(describeError(pgError(code, "violation", detail)).detail).toBe(expected);
  });

  it("takes the input out of a data exception's message, not a constraint's name", () => {
    expect(describeError(pgError("22P02", 'invalid input syntax for type uuid: "maya"')).message).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(describeError(pgError("23505", 'duplicate key value violates unique constraint "people_email_key"')).message).toContain('"people_email_key"');
  });

  it("keeps neither the SQL nor the parameters of a failed query, only where it failed and why", () => {
    const cause = pgError("57014", "canceling statement due to statement timeout");
    const failed = Object.assign(new Error("Failed query: select * from secrets where name = $1\nparams: stripe"), { query: "select …", params: ["stripe"], cause });
    const text = errorText(failed);
    expect(text).toMatch(/^DrizzleQueryError: database query failed\n\s+at /);
    expect(text).toContain("[cause] error 57014: canceling statement due to statement timeout");
    expect(text).not.toMatch(/stripe|select/);
  });

  it("keeps Next's digest and a system error's code", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", digest: "1234567" });
    expect(errorText(error)).toMatch(/^Error ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:1 \{digest 1234567\}/);
  });
});

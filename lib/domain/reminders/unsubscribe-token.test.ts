import { describe, expect, it } from "vitest";
import { reminderLinks } from "@/lib/domain/reminders/links";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/domain/reminders/unsubscribe-token";

const SECRET = "s".repeat(32);
const personId = "0b5c3f8e-58d5-4a5e-9a2d-3f4b9c1d2e7a";

describe("unsubscribe tokens", () => {
  it("round-trips a person and a channel", () => {
    const token = signUnsubscribeToken(SECRET, { personId, channel: "slack" });
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ personId, channel: "slack" });
  });

  it("refuses a token signed with another secret, for another channel or person, or malformed", () => {
    const token = signUnsubscribeToken(SECRET, { personId, channel: "email" });
    expect(verifyUnsubscribeToken("t".repeat(32), token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.replace(".email.", ".slack."))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.replace(personId, "1b5c3f8e-58d5-4a5e-9a2d-3f4b9c1d2e7a"))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "")).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, null)).toBeNull();
  });

  it("puts the token in the page and the one-click links, URL-safe", () => {
    const links = reminderLinks({ baseUrl: "https://kl.example.com/", secret: SECRET });
    expect(links.task("abc")).toBe("https://kl.example.com/rotation?task=abc");
    const page = new URL(links.unsubscribePage(personId, "email"));
    expect(page.pathname).toBe("/unsubscribe");
    expect(verifyUnsubscribeToken(SECRET, page.searchParams.get("token"))).toEqual({ personId, channel: "email" });
    expect(new URL(links.unsubscribeOneClick(personId, "email")).pathname).toBe("/api/v1/reminders/unsubscribe");
  });
});

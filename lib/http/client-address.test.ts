import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/http/client-address";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  it("reads the address the web server set", () => {
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8::7" }))).toBe("2001:db8::7");
  });
  it("never believes X-Forwarded-For itself: the web server decides what to trust", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.9" }))).toBeNull();
  });
  it("answers null for a missing header or one that is not an address", () => {
    expect(clientAddress(headers({}))).toBeNull();
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9, 1.2.3.4" }))).toBeNull();
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "evil.example" }))).toBeNull();
  });
});

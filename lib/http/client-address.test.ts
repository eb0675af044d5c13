import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-address";

const headers = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(headers("203.0.113.9"), 0)).toBeNull();
  });
  it("takes the address the last trusted proxy saw, not what the client wrote", () => {
    // The client forged "1.2.3.4"; the one trusted proxy appended the real peer.
    expect(clientAddress(headers("1.2.3.4, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers("1.2.3.4, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });
  it("answers null for a chain shorter than the hops or an entry that is not an address", () => {
    expect(clientAddress(headers("203.0.113.9"), 2)).toBeNull();
    expect(clientAddress(headers("not-an-ip"), 1)).toBeNull();
    expect(clientAddress(headers(), 1)).toBeNull();
  });
});

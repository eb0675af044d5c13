import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { forwardedClient, peerAddress, stampClientAddress } from "@/scripts/peer-address";

const request = (headers: Record<string, string>, remoteAddress = "198.51.100.20") =>
  ({
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawHeaders: Object.entries(headers).flat(),
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;

describe("forwardedClient", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(forwardedClient("203.0.113.9", 0)).toBeNull();
  });
  it("takes the address the last trusted proxy saw, not what the client wrote", () => {
    // The client forged "1.2.3.4"; the one trusted proxy appended the real peer.
    expect(forwardedClient("1.2.3.4, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(forwardedClient("1.2.3.4, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(forwardedClient(["1.2.3.4", "203.0.113.9"], 1)).toBe("203.0.113.9");
  });
  it("answers null for a chain shorter than the hops or an entry that is not an address", () => {
    expect(forwardedClient("203.0.113.9", 2)).toBeNull();
    expect(forwardedClient("not-an-ip", 1)).toBeNull();
    expect(forwardedClient(undefined, 1)).toBeNull();
  });
});

describe("peerAddress and stampClientAddress", () => {
  it("uses the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(peerAddress(request({ "X-Forwarded-For": "203.0.113.9" }), 0)).toBe("198.51.100.20");
    expect(peerAddress(request({}, "::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(peerAddress(request({}, "::1"), 0)).toBe("::1");
  });

  it("replaces a client-address header the client forged, in both header forms", () => {
    const forged = request({ "X-Keyledger-Client-Address": "203.0.113.66", Host: "localhost" });
    stampClientAddress(forged, 0);
    expect(forged.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.20");
    expect(forged.rawHeaders).toEqual(["Host", "localhost", CLIENT_ADDRESS_HEADER, "198.51.100.20"]);
  });

  it("removes the header when the address is unknown", () => {
    const behindProxy = request({ "x-keyledger-client-address": "203.0.113.66" });
    stampClientAddress(behindProxy, 1);
    expect(behindProxy.headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();
    expect(behindProxy.rawHeaders).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { isLinkLocalOrMetadata } from "@/lib/sources/link-local";
import { addressRefusal, assertReachable, type Lookup } from "@/lib/sources/store-address";
import { failure } from "@/lib/sources/testing";

const closed = { allowLinkLocal: false };
const open = { allowLinkLocal: true };
const resolvesTo = (answers: Record<string, string[]>): Lookup => async (host) => {
  const addresses = answers[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

describe("link-local and cloud-metadata hosts", () => {
  it("are recognised in every spelling the URL parser or a resolver hands over", () => {
    for (const host of [
      "169.254.169.254", "169.254.0.1", "169.254.255.255", "100.100.100.200", "168.63.129.16",
      "[fe80::1]", "fe80::abcd:1", "febf::1", "[fd00:ec2::254]", "fd00:ec2:0:0:0:0:0:254",
      "[::ffff:a9fe:a9fe]", "::ffff:169.254.169.254", "[::a9fe:a9fe]", "[64:ff9b::a9fe:a9fe]", "::ffff:0:a9fe:a9fe",
      "metadata", "metadata.google.internal", "METADATA.Google.Internal.", "fe80::1%eth0",
    ]) {
      expect(isLinkLocalOrMetadata(host), host).toBe(true);
    }
  });

  it("leave loopback, private networks and ordinary names alone", () => {
    for (const host of ["127.0.0.1", "localhost", "10.0.0.8", "192.168.1.20", "172.16.0.1", "100.64.0.1", "169.253.255.255", "169.255.0.1", "[::1]", "::", "fd00::1", "fec0::1", "[::ffff:7f00:1]", "vault.internal", "metadata.example.com"]) {
      expect(isLinkLocalOrMetadata(host), host).toBe(false);
    }
  });
});

describe("a store address", () => {
  it("refuses metadata addresses in decimal, octal, hex and IPv4-mapped form", () => {
    for (const raw of ["http://169.254.169.254/", "http://2852039166/", "http://0xA9FEA9FE/", "http://0251.0376.0251.0376/", "http://169.254.43518/", "http://[::ffff:169.254.169.254]/", "https://metadata.google.internal/", "http://100.100.100.200/latest/meta-data"]) {
      expect(addressRefusal(raw, closed), raw).toMatch(/^169\.254\.169\.254 is a link-local|is a link-local or cloud-metadata address, which sources never reach: set KEYLEDGER_ALLOW_LINK_LOCAL=on/);
    }
  });

  it("allows them only when the operator sets KEYLEDGER_ALLOW_LINK_LOCAL=on", () => {
    expect(addressRefusal("http://169.254.169.254:8200", open)).toBeNull();
    expect(addressRefusal("http://[fe80::1]:8200", open)).toBeNull();
  });

  it("refuses credentials in the URL, other schemes and query strings", () => {
    expect(addressRefusal("http://user:pass@vault.internal:8200", closed)).toMatch(/must not carry a user name or password/);
    expect(addressRefusal("https://token@vault.internal", closed)).toMatch(/must not carry a user name or password/);
    expect(addressRefusal("file:///etc/passwd", closed)).toBe("must be an http:// or https:// URL");
    expect(addressRefusal("gopher://vault.internal", closed)).toBe("must be an http:// or https:// URL");
    expect(addressRefusal("not a url", closed)).toBe("must be an http:// or https:// URL");
    expect(addressRefusal("http://vault.internal", closed, { https: true })).toBe("must be an https:// URL");
    expect(addressRefusal("https://v/v1/kv/data/x?", closed)).toBe("must be a base address without ? or #");
  });

  it("keeps loopback and private networks, where stores often are", () => {
    for (const raw of ["http://127.0.0.1:8200", "http://localhost:8200", "https://10.1.2.3", "http://[::1]:8080", "https://ghe.internal/api/v3"]) expect(addressRefusal(raw, closed), raw).toBeNull();
  });
});

describe("before anything is sent", () => {
  it("refuses a name that resolves to a link-local address, whichever of its addresses it is", async () => {
    const lookup = resolvesTo({ "store.example": ["10.0.0.5", "169.254.169.254"], "v6.example": ["fe80::1"] });
    expect((await failure(assertReachable("https://store.example/", closed, lookup))).message).toBe(
      "store.example resolves to 169.254.169.254, a link-local or cloud-metadata address, which sources never reach: set KEYLEDGER_ALLOW_LINK_LOCAL=on for Keyledger if a store really lives there.",
    );
    expect((await failure(assertReachable("https://v6.example/", closed, lookup))).code).toBe("config");
    await expect(assertReachable("https://store.example/", open, lookup)).resolves.toBeUndefined();
  });

  it("lets a name through that resolves to loopback or a private network — localhost through the system resolver", async () => {
    await expect(assertReachable("https://vault.corp/", closed, resolvesTo({ "vault.corp": ["10.20.30.40"] }))).resolves.toBeUndefined();
    await expect(assertReachable("http://localhost:8200/", closed)).resolves.toBeUndefined();
  });

  it("fails closed when the name cannot be resolved, and refuses literal metadata addresses without a lookup", async () => {
    const unresolved = await failure(assertReachable("https://nowhere.example/", closed, resolvesTo({})));
    expect(unresolved).toMatchObject({ code: "unavailable", message: "nowhere.example could not be resolved (ENOTFOUND)." });
    const literal = await failure(assertReachable("http://0xA9FEA9FE/", closed, resolvesTo({})));
    expect(literal).toMatchObject({ code: "config" });
    expect(literal.message).toContain("169.254.169.254 is a link-local or cloud-metadata address");
  });
});

// Addresses a source may not point at unless the operator allows it (KEYLEDGER_ALLOW_LINK_LOCAL,
// docs/security.md): link-local networks and the cloud metadata services on them, which hand out
// the machine's own credentials. Loopback and private ranges stay allowed — stores often live there.
import { isIPv4, isIPv6 } from "node:net";

const METADATA_NAMES = new Set(["metadata", "metadata.google.internal"]);
// Metadata services outside 169.254.0.0/16: Alibaba Cloud, Azure's WireServer.
const METADATA_IPV4 = new Set(["100.100.100.200", "168.63.129.16"]);
const AWS_IPV6_METADATA = "fd00:ec2:0:0:0:0:0:254";

function ipv4LinkLocalOrMetadata(address: string): boolean {
  return address.startsWith("169.254.") || METADATA_IPV4.has(address);
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((group) => parseInt(group, 16));
}

/** The IPv4 address an IPv6 one carries: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d). */
function embeddedIpv4(groups: number[]): string | null {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const mapped = zeros(0, 5) && groups[5] === 0xffff;
  const translated = zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0;
  const compatible = zeros(0, 6) && (groups[6]! !== 0 || groups[7]! > 1);
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6);
  if (!mapped && !translated && !compatible && !nat64) return null;
  return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
}

/**
 * True for a link-local or cloud-metadata host: 169.254.0.0/16, fe80::/10, fd00:ec2::254,
 * metadata.google.internal, 100.100.100.200 … in any spelling the URL parser normalises to them
 * (decimal, octal, hex, IPv4-mapped IPv6). `host` is a URL hostname or a resolved address.
 */
export function isLinkLocalOrMetadata(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  if (METADATA_NAMES.has(name)) return true;
  if (isIPv4(name)) return ipv4LinkLocalOrMetadata(name);
  if (!isIPv6(name.split("%")[0]!)) return false;
  const groups = ipv6Groups(name);
  if ((groups[0]! & 0xffc0) === 0xfe80) return true;
  if (groups.map((g) => g.toString(16)).join(":") === AWS_IPV6_METADATA) return true;
  const v4 = embeddedIpv4(groups);
  return v4 !== null && ipv4LinkLocalOrMetadata(v4);
}

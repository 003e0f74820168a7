import ipaddr from "ipaddr.js";

/**
 * Which addresses the server may fetch pages from: public unicast addresses only, unless the operator's allow-list
 * (ARTICLE_FETCH_ALLOW: host names, addresses or CIDR ranges, comma-separated) names them. Loopback, private,
 * link-local (cloud metadata lives there), unique-local, multicast, reserved and unspecified addresses would let a
 * user reach the machine's own services through the app.
 */
export type TAddressPolicy = { allowHost: (host: string) => boolean; allowAddress: (address: string) => boolean };

type TRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseEntry(entry: string): { host: string } | { range: TRange } {
  if (entry.includes("/")) return { range: ipaddr.parseCIDR(entry) };
  if (ipaddr.isValid(entry)) {
    const address = ipaddr.parse(entry);
    return { range: [address, address.kind() === "ipv4" ? 32 : 128] };
  }
  return { host: entry.toLowerCase() };
}

/** The address as IPv4 when it is an IPv4-mapped IPv6 one (::ffff:127.0.0.1 is loopback too). */
function normalised(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

export function addressPolicy(allowList: string): TAddressPolicy {
  const entries = allowList
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)
    .map(parseEntry);
  const hosts = new Set(entries.flatMap((e) => ("host" in e ? [e.host] : [])));
  const ranges = entries.flatMap((e) => ("range" in e ? [e.range] : []));
  return {
    allowHost: (host) => hosts.has(host.toLowerCase()),
    allowAddress: (address) => {
      if (!ipaddr.isValid(address)) return false;
      const parsed = normalised(address);
      if (ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits))) return true;
      return parsed.range() === "unicast";
    },
  };
}

/** Whether the allow-list is well formed: each entry a host name, an address or a CIDR range. */
export function validAllowList(allowList: string): boolean {
  try {
    addressPolicy(allowList);
    return true;
  } catch {
    return false;
  }
}

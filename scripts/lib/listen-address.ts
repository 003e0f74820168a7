// Where the production server listens, from HOST and PORT. `next start` alone listens on every interface
// (it ignores HOSTNAME, which shells and containers set to the machine's name anyway); the app is meant to sit
// behind a reverse proxy, so the default is loopback and listening everywhere is a choice: HOST=0.0.0.0.
import net from "node:net";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 3000;

export type ListenAddress = { host: string; port: number };

// A DNS name such as "localhost" or "app.internal": letters, digits and hyphens in dot-separated labels.
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** HOST and PORT checked; an Error that names the variable and says what is expected otherwise. */
export function listenAddress(env: Record<string, string | undefined>): ListenAddress {
  const rawHost = env.HOST?.trim() || DEFAULT_HOST;
  // Bracketed IPv6 ("[::1]") is how people write it in URLs; next start wants it bare.
  const host = /^\[.*\]$/.test(rawHost) ? rawHost.slice(1, -1) : rawHost;
  if (!net.isIP(host) && !HOST_NAME.test(host)) {
    throw new Error(`HOST must be an IP address or a host name such as 127.0.0.1, 0.0.0.0, ::1 or localhost (got "${env.HOST}")`);
  }
  const rawPort = env.PORT?.trim() || String(DEFAULT_PORT);
  const port = /^\d{1,5}$/.test(rawPort) ? Number(rawPort) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`PORT must be a whole number from 1 to 65535 (got "${env.PORT}")`);
  return { host, port };
}

/** The arguments after `next`. */
export function nextStartArgs({ host, port }: ListenAddress): string[] {
  return ["start", "--hostname", host, "--port", String(port)];
}

/** What to tell the operator: the URL to open, and whether other machines can reach it. */
export function describeAddress({ host, port }: ListenAddress): string {
  const everywhere = host === "0.0.0.0" || host === "::";
  const shown = everywhere ? "localhost" : net.isIPv6(host) ? `[${host}]` : host;
  const reach = everywhere
    ? "on every network interface"
    : isLoopback(host)
      ? "on this machine only (HOST=0.0.0.0 to listen on every interface)"
      : `on ${host} only`;
  return `Serving http://${shown}:${port} ${reach}`;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}

import { describe, expect, it } from "vitest";
import { describeAddress, listenAddress, nextStartArgs } from "./listen-address";

describe("listenAddress", () => {
  it("defaults to loopback on port 3000, whatever HOSTNAME says", () => {
    expect(listenAddress({})).toEqual({ host: "127.0.0.1", port: 3000 });
    expect(listenAddress({ HOSTNAME: "0.0.0.0", HOST: "", PORT: " " })).toEqual({ host: "127.0.0.1", port: 3000 });
  });

  it("takes HOST and PORT as given", () => {
    expect(listenAddress({ HOST: "0.0.0.0", PORT: "8080" })).toEqual({ host: "0.0.0.0", port: 8080 });
    expect(listenAddress({ HOST: "::", PORT: "1" })).toEqual({ host: "::", port: 1 });
    expect(listenAddress({ HOST: "[::1]", PORT: "65535" })).toEqual({ host: "::1", port: 65535 });
    expect(listenAddress({ HOST: "localhost" })).toEqual({ host: "localhost", port: 3000 });
    expect(listenAddress({ HOST: "app-1.internal" })).toEqual({ host: "app-1.internal", port: 3000 });
  });

  it.each([
    ["http://0.0.0.0", /HOST must be/],
    ["0.0.0.0:3000", /HOST must be/],
    ["my host", /HOST must be/],
    ["-H", /HOST must be/],
    ["evil.example/path", /HOST must be/],
  ])("refuses HOST=%s", (HOST, message) => {
    expect(() => listenAddress({ HOST })).toThrow(message);
  });

  it.each(["0", "65536", "3000abc", "-1", "1e3", "0x50", "80.5"])("refuses PORT=%s", (PORT) => {
    expect(() => listenAddress({ PORT })).toThrow(/PORT must be a whole number from 1 to 65535/);
  });
});

describe("nextStartArgs", () => {
  it("always names the host, so next start never falls back to every interface", () => {
    expect(nextStartArgs({ host: "127.0.0.1", port: 3000 })).toEqual(["start", "--hostname", "127.0.0.1", "--port", "3000"]);
  });
});

describe("describeAddress", () => {
  it("says who can reach the server", () => {
    expect(describeAddress({ host: "127.0.0.1", port: 3000 })).toBe(
      "Serving http://127.0.0.1:3000 on this machine only (HOST=0.0.0.0 to listen on every interface)",
    );
    expect(describeAddress({ host: "0.0.0.0", port: 8080 })).toBe("Serving http://localhost:8080 on every network interface");
    expect(describeAddress({ host: "::1", port: 3000 })).toMatch(/^Serving http:\/\/\[::1\]:3000 on this machine only/);
    expect(describeAddress({ host: "10.0.0.5", port: 3000 })).toBe("Serving http://10.0.0.5:3000 on 10.0.0.5 only");
  });
});

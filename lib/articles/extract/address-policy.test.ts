import { describe, expect, it } from "vitest";
import { addressPolicy, validAllowList } from "./address-policy";

describe("addressPolicy", () => {
  const none = addressPolicy("");
  it("allows public addresses and refuses the machine's own and its network's", () => {
    expect(none.allowAddress("93.184.215.14")).toBe(true);
    expect(none.allowAddress("2606:2800:21f:cb07:6820:80da:af6b:8b2c")).toBe(true);
    for (const address of ["127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "100.64.0.1", "not an address"]) {
      expect({ address, allowed: none.allowAddress(address) }).toEqual({ address, allowed: false });
    }
  });

  it("allows what the operator lists: addresses, ranges and host names", () => {
    const p = addressPolicy(" 127.0.0.2 , 10.0.0.0/8, intranet.example ");
    expect(p.allowAddress("127.0.0.2")).toBe(true);
    expect(p.allowAddress("127.0.0.1")).toBe(false);
    expect(p.allowAddress("10.200.3.4")).toBe(true);
    expect(p.allowHost("Intranet.Example")).toBe(true);
    expect(p.allowHost("other.example")).toBe(false);
  });

  it("tells a malformed allow-list", () => {
    expect(validAllowList("10.0.0.0/8,news.example")).toBe(true);
    expect(validAllowList("10.0.0.0/99")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { clientAddress, withoutUntrustedForwarding } from "./client-address";

describe("clientAddress", () => {
  it("with no trusted proxy takes the one entry the server wrote, the socket's address", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "192.0.2.10" }), 0)).toBe("192.0.2.10");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" }, 0)).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "::1" }, 0)).toBe("::1");
  });

  it("never takes the client's own leftmost entry, nor X-Real-IP", () => {
    // Were proxy.ts not to drop it, the rightmost entry is still not the one a client writes first.
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 192.0.2.10" }, 0)).toBe("192.0.2.10");
    expect(clientAddress({ "x-real-ip": "6.6.6.6" }, 0)).toBeNull();
  });

  it("with N trusted proxies takes the N-th entry from the right", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("198.51.100.7");
    // Fewer entries than proxies: the furthest one a trusted proxy wrote.
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7" }, 3)).toBe("198.51.100.7");
    // Several header lines count as one list, in order.
    expect(clientAddress({ "x-forwarded-for": ["6.6.6.6", "198.51.100.7"] }, 1)).toBe("198.51.100.7");
  });

  it("answers null for anything that is not an address, so a header cannot smuggle text into the log", () => {
    expect(clientAddress({ "x-forwarded-for": "'; drop table x; --" }, 0)).toBeNull();
    expect(clientAddress({}, 0)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "[2001:db8::1]:443" }, 1)).toBe("2001:db8::1");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9:5123" }, 1)).toBe("203.0.113.9");
  });
});

describe("withoutUntrustedForwarding", () => {
  it("drops forwarded addresses unless proxies are trusted", () => {
    const sent = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", accept: "text/html" });
    const passed = withoutUntrustedForwarding(sent, 0);
    expect([...passed.keys()]).toEqual(["accept"]);
    expect(withoutUntrustedForwarding(sent, 1).get("x-forwarded-for")).toBe("6.6.6.6");
  });
});

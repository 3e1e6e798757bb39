import { afterEach, describe, expect, it, vi } from "vitest";

const decodeCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth/jwt")>();
  return {
    ...actual,
    decode: async (params: Parameters<typeof actual.decode>[0]) => {
      decodeCalls.count += 1;
      return actual.decode(params);
    },
  };
});

const { encode } = await import("next-auth/jwt");
const { decodeSessionToken } = await import("@/lib/auth/session-token-cache");

const secret = "a-test-secret-of-enough-length-for-hkdf";

describe("session token cache", () => {
  afterEach(() => {
    vi.useRealTimers();
    decodeCalls.count = 0;
  });

  it("decodes a cookie once and answers the same claims after", async () => {
    const token = await encode({ token: { sub: "u1", sid: "s1" }, secret, maxAge: 3600 });
    const first = await decodeSessionToken({ token, secret });
    const second = await decodeSessionToken({ token, secret });
    expect(first).toMatchObject({ sub: "u1", sid: "s1" });
    expect(second).toEqual(first);
    expect(decodeCalls.count).toBe(1);
  });

  it("refuses a forged cookie, a cookie under another secret and an absent one", async () => {
    const token = await encode({ token: { sub: "u2", sid: "s2" }, secret, maxAge: 3600 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "u2" });
    await expect(decodeSessionToken({ token, secret: "another-secret-of-enough-length-xx" })).rejects.toThrow();
    await expect(decodeSessionToken({ token: `${token.slice(0, -4)}AAAA`, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  it("stops answering from the cache once the token has expired", async () => {
    const token = await encode({ token: { sub: "u3", sid: "s3" }, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "u3" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
    expect(decodeCalls.count).toBe(2);
  });
});

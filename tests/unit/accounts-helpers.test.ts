import { describe, expect, it } from "vitest";
import { formatRateBps } from "@/lib/accounts/format";
import { signAccountLinkCookie, verifyAccountLinkCookie } from "@/lib/accounts/link-cookie";
import { describeUserAgent } from "@/lib/accounts/user-agent";
import { agreementVersionSchema, bpsToPercentText, percentToBps } from "@/lib/agreements/schemas";

const SECRET = "unit-tests-secret-0123456789abcdef0123";

describe("agreement rates", () => {
  it.each([
    ["1,25", 125],
    ["1.25", 125],
    ["1,25 %", 125],
    ["1,5", 150],
    ["0", 0],
    ["100", 10_000],
    ["12", 1200],
  ])("%s → %i bps", (text, bps) => {
    expect(percentToBps(text)).toBe(bps);
  });

  it.each(["1,255", "abc", "-1", "100,01", "1,2,3", ""])("refuses %j", (text) => {
    expect(percentToBps(text)).toBeNull();
  });

  it("prints basis points the French way", () => {
    expect(bpsToPercentText(125)).toBe("1,25");
    expect(bpsToPercentText(5)).toBe("0,05");
    expect(formatRateBps(1200)).toBe("12,00 %");
  });

  it("validates a version: rate required, network rate and months optional", () => {
    const ok = agreementVersionSchema.parse({ directRate: "1,25", networkRate: "", startsOn: "2026-01-01", entitlementMonths: "", notes: "  " });
    expect(ok).toEqual({ directRate: 125, networkRate: 0, startsOn: "2026-01-01", entitlementMonths: null, notes: null });
    const bad = agreementVersionSchema.safeParse({ directRate: "", networkRate: "x", startsOn: "2026-02-30", entitlementMonths: "0", notes: "" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["directRate", "entitlementMonths", "networkRate", "startsOn"]);
  });
});

describe("account link cookie", () => {
  it("vouches for the link id until it expires, and cannot be forged", () => {
    const now = new Date("2026-12-06T10:00:00Z");
    const value = signAccountLinkCookie("clinkid0000001", SECRET, now);
    expect(verifyAccountLinkCookie(value, SECRET, now)).toBe("clinkid0000001");
    expect(verifyAccountLinkCookie(value, SECRET, new Date(now.getTime() + 21 * 60_000))).toBeNull();
    expect(verifyAccountLinkCookie(value, "another-secret-0123456789abcdef0123", now)).toBeNull();
    expect(verifyAccountLinkCookie(value.replace("clinkid0000001", "clinkid0000002"), SECRET, now)).toBeNull();
  });
});

describe("describeUserAgent", () => {
  it("names the browser and system", () => {
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36")).toBe("Chrome sur Windows");
    expect(describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1")).toBe("Safari sur iOS");
    expect(describeUserAgent(null)).toBe("Appareil inconnu");
  });
});

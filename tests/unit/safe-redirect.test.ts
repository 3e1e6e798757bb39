import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";

describe("safeCallbackUrl", () => {
  it.each([
    ["/", "/"],
    ["/prospects", "/prospects"],
    ["/prospects?page=2&sort=name#contacts", "/prospects?page=2&sort=name#contacts"],
    ["/prospects/ckx1/actions", "/prospects/ckx1/actions"],
    ["/a/../b", "/b"],
  ])("keeps the local path %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.example/path"],
    ["backslash after the slash", "/\\evil.example"],
    ["backslash later on", "/foo\\..\\\\evil.example"],
    ["absolute http URL", "https://evil.example/"],
    ["absolute URL to this site", "http://localhost:3000/prospects"],
    ["javascript URL", "javascript:alert(1)"],
    ["data URL", "data:text/html,<script>alert(1)</script>"],
    ["relative path", "prospects"],
    ["tab hiding a second slash", "/\t/evil.example"],
    ["newline hiding a second slash", "/\n/evil.example"],
    ["empty string", ""],
    ["very long value", `/${"a".repeat(5000)}`],
  ])("refuses a %s", (_label, raw) => {
    expect(safeCallbackUrl(raw)).toBe("/");
  });

  it("refuses values that are not strings", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(null)).toBe("/");
    expect(safeCallbackUrl(["/prospects"])).toBe("/");
    expect(safeCallbackUrl(42)).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("//evil.example", "/tableau")).toBe("/tableau");
  });

  it("keeps percent-encoded slashes as a harmless path", () => {
    expect(safeCallbackUrl("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});

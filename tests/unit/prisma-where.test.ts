import { describe, expect, it } from "vitest";
import { isEmptyWhere } from "@/lib/prisma-where";

describe("isEmptyWhere", () => {
  it("sees nothing to filter in {} and ANDs of {}", () => {
    expect(isEmptyWhere({})).toBe(true);
    expect(isEmptyWhere({ AND: [{}, { AND: [{}] }] })).toBe(true);
  });

  it("sees any condition, however deep", () => {
    expect(isEmptyWhere({ partnerId: "p1" })).toBe(false);
    expect(isEmptyWhere({ AND: [{}, { AND: [{ id: { in: [] } }] }] })).toBe(false);
    expect(isEmptyWhere({ OR: [] })).toBe(false);
  });
});

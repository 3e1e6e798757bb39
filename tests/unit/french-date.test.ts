import { describe, expect, it } from "vitest";
import { formatFrenchDate, frenchDateToFormValue, maskFrenchDateInput, parseFrenchDate, shiftIsoDay } from "@/lib/forms/french-date";

describe("parseFrenchDate", () => {
  it("reads day/month/year, whatever the separator, and eight digits in a row", () => {
    expect(parseFrenchDate("15/01/2026")).toBe("2026-01-15");
    expect(parseFrenchDate(" 5/1/2026 ")).toBe("2026-01-05");
    expect(parseFrenchDate("05-01-2026")).toBe("2026-01-05");
    expect(parseFrenchDate("05.01.2026")).toBe("2026-01-05");
    expect(parseFrenchDate("05012026")).toBe("2026-01-05");
  });

  it("never reads the month first", () => {
    expect(parseFrenchDate("12/01/2026")).toBe("2026-01-12");
    expect(parseFrenchDate("01/13/2026")).toBeNull();
  });

  it("accepts a pasted ISO day", () => {
    expect(parseFrenchDate("2026-02-28")).toBe("2026-02-28");
  });

  it("refuses days that do not exist and partial input", () => {
    expect(parseFrenchDate("31/04/2026")).toBeNull();
    expect(parseFrenchDate("29/02/2026")).toBeNull();
    expect(parseFrenchDate("29/02/2028")).toBe("2028-02-29");
    expect(parseFrenchDate("2026-02-30")).toBeNull();
    expect(parseFrenchDate("15/01/26")).toBeNull();
    expect(parseFrenchDate("15/01")).toBeNull();
    expect(parseFrenchDate("")).toBeNull();
    expect(parseFrenchDate("demain")).toBeNull();
  });
});

describe("formatFrenchDate", () => {
  it("shows an ISO day as jj/mm/aaaa", () => {
    expect(formatFrenchDate("2026-01-05")).toBe("05/01/2026");
    expect(formatFrenchDate("2028-02-29")).toBe("29/02/2028");
  });

  it("leaves anything else as typed, and empty values empty", () => {
    expect(formatFrenchDate("15/0")).toBe("15/0");
    expect(formatFrenchDate("2026-02-30")).toBe("2026-02-30");
    expect(formatFrenchDate("")).toBe("");
    expect(formatFrenchDate(undefined)).toBe("");
    expect(formatFrenchDate(null)).toBe("");
  });

  it("round-trips with parseFrenchDate", () => {
    for (const day of ["2026-01-01", "2026-12-31", "2024-02-29"]) expect(parseFrenchDate(formatFrenchDate(day))).toBe(day);
  });
});

describe("frenchDateToFormValue", () => {
  it("gives the ISO day, empty for empty, and the raw text otherwise so the schema refuses it", () => {
    expect(frenchDateToFormValue("15/01/2026")).toBe("2026-01-15");
    expect(frenchDateToFormValue("  ")).toBe("");
    expect(frenchDateToFormValue("31/02/2026")).toBe("31/02/2026");
  });
});

describe("maskFrenchDateInput", () => {
  it("adds the slashes as digits are typed", () => {
    expect(maskFrenchDateInput("1", "15")).toBe("15/");
    expect(maskFrenchDateInput("15/0", "15/01")).toBe("15/01/");
    expect(maskFrenchDateInput("15", "150")).toBe("15/0");
    expect(maskFrenchDateInput("15/01", "15/012")).toBe("15/01/2");
    expect(maskFrenchDateInput("15/01/202", "15/01/2026")).toBe("15/01/2026");
  });

  it("never fights a deletion or a pasted value", () => {
    expect(maskFrenchDateInput("15/", "15")).toBe("15");
    expect(maskFrenchDateInput("15/01/", "15/01")).toBe("15/01");
    expect(maskFrenchDateInput("", "2026-01-15")).toBe("2026-01-15");
  });
});

describe("shiftIsoDay", () => {
  it("moves across months, years and leap days", () => {
    expect(shiftIsoDay("2026-01-31", 1)).toBe("2026-02-01");
    expect(shiftIsoDay("2026-01-01", -1)).toBe("2025-12-31");
    expect(shiftIsoDay("2028-02-28", 1)).toBe("2028-02-29");
  });
});

import { describe, expect, it } from "vitest";
import {
  dateTimeToFormValue,
  formatFrenchDate,
  frenchDateToFormValue,
  maskFrenchDateInput,
  maskTimeInput,
  parseFrenchDate,
  parseTime,
  shiftIsoDay,
  splitLocalDateTime,
} from "@/lib/forms/french-date";

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

describe("parseTime", () => {
  it("reads 24-hour times written the French way", () => {
    expect(parseTime("9:30")).toBe("09:30");
    expect(parseTime("09h30")).toBe("09:30");
    expect(parseTime("14h")).toBe("14:00");
    expect(parseTime("0930")).toBe("09:30");
    expect(parseTime("23:59")).toBe("23:59");
  });

  it("refuses what is not a time of day", () => {
    expect(parseTime("24:00")).toBeNull();
    expect(parseTime("12:60")).toBeNull();
    expect(parseTime("2 pm")).toBeNull();
    expect(parseTime("")).toBeNull();
  });
});

describe("maskTimeInput", () => {
  it("adds the colon while typing and never fights a deletion", () => {
    expect(maskTimeInput("0", "09")).toBe("09:");
    expect(maskTimeInput("09", "093")).toBe("09:3");
    expect(maskTimeInput("09:", "09")).toBe("09");
  });
});

describe("splitLocalDateTime and dateTimeToFormValue", () => {
  it("split a stored local date-time into its French halves and join them back", () => {
    expect(splitLocalDateTime("2026-12-01T10:00")).toEqual({ date: "01/12/2026", time: "10:00" });
    expect(splitLocalDateTime("")).toEqual({ date: "", time: "" });
    expect(dateTimeToFormValue("01/12/2026", "10:00")).toBe("2026-12-01T10:00");
    expect(dateTimeToFormValue("1/12/2026", "9h")).toBe("2026-12-01T09:00");
  });

  it("keep a half-typed value for the schema to refuse, and empty as empty", () => {
    expect(dateTimeToFormValue("", "")).toBe("");
    expect(dateTimeToFormValue("01/12/2026", "")).toBe("01/12/2026T");
    expect(dateTimeToFormValue("", "10:00")).toBe("T10:00");
    expect(dateTimeToFormValue("31/11/2026", "10:00")).toBe("31/11/2026T10:00");
  });
});

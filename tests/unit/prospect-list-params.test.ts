import { describe, expect, it } from "vitest";
import {
  parseProspectListParams,
  prospectListQuery,
  PROSPECT_DEFAULT_PER_PAGE,
  type ProspectListParams,
} from "@/lib/prospects/schemas";

const DEFAULTS: ProspectListParams = {
  page: 1,
  perPage: PROSPECT_DEFAULT_PER_PAGE,
  sort: "createdAt",
  dir: "desc",
  q: "",
  status: "",
  stage: "",
  type: "",
  owner: "",
  origin: "",
  partner: "",
  view: "",
};

describe("parseProspectListParams", () => {
  it("gives the default list for an empty query string", () => {
    expect(parseProspectListParams({})).toEqual(DEFAULTS);
  });

  it("keeps every valid value", () => {
    expect(
      parseProspectListParams({
        page: "3",
        perPage: "50",
        sort: "city",
        dir: "desc",
        q: "  Boulangerie  ",
        status: "READY_TO_START",
      }),
    ).toEqual({ ...DEFAULTS, page: 3, perPage: 50, sort: "city", dir: "desc", q: "Boulangerie", status: "READY_TO_START" });
  });

  it.each([
    ["page", "0"],
    ["page", "-2"],
    ["page", "1.5"],
    ["page", "abc"],
    ["page", "9999999999"],
    ["perPage", "7"],
    ["perPage", "1000"],
    ["perPage", "vingt"],
    ["sort", "passwordHash"],
    ["sort", "partner.name"],
    ["dir", "sideways"],
    ["status", "CLIENT"],
    ["status", "in_discussion"],
    ["stage", "LEAD"],
    ["stage", "client"],
    ["type", "a b"],
    ["owner", "x".repeat(41)],
    ["origin", "'; drop table"],
    ["partner", "../etc"],
    ["view", "all"],
    ["view", "MINE"],
  ])("falls back to the default when %s=%s", (key, value) => {
    const parsed = parseProspectListParams({ [key]: value });
    expect(parsed).toEqual(DEFAULTS);
  });

  it("keeps the internal filters: stage, type, rep, origin, partner and « Mes prospects »", () => {
    expect(
      parseProspectListParams({
        stage: "CLIENT",
        type: "cltype01",
        owner: "clowner01",
        origin: "cl_origin-1",
        partner: ["clpartner01", "other"],
        view: "mine",
      }),
    ).toEqual({
      ...DEFAULTS,
      stage: "CLIENT",
      type: "cltype01",
      owner: "clowner01",
      origin: "cl_origin-1",
      partner: "clpartner01",
      view: "mine",
    });
  });

  it("drops only the bad filter and keeps the others", () => {
    expect(parseProspectListParams({ stage: "NOPE", type: "t1", view: "everyone" })).toEqual({ ...DEFAULTS, type: "t1" });
  });

  it("sorts text columns A→Z and the creation date newest first when no direction is given", () => {
    expect(parseProspectListParams({ sort: "name" })).toMatchObject({ sort: "name", dir: "asc" });
    expect(parseProspectListParams({ sort: "createdAt" })).toMatchObject({ sort: "createdAt", dir: "desc" });
    expect(parseProspectListParams({ sort: "name", dir: "desc" })).toMatchObject({ sort: "name", dir: "desc" });
  });

  it("truncates the search text to 100 characters after trimming", () => {
    const parsed = parseProspectListParams({ q: `   ${"a".repeat(250)}   ` });
    expect(parsed.q).toBe("a".repeat(100));
  });

  it("takes the first value of a repeated key", () => {
    expect(parseProspectListParams({ page: ["4", "7"], status: ["NOT_INTERESTED", "x"] })).toMatchObject({
      page: 4,
      status: "NOT_INTERESTED",
    });
  });

  it("ignores unknown keys and non-string values", () => {
    expect(parseProspectListParams({ q: 42, foo: "bar", perPage: ["x"] })).toEqual(DEFAULTS);
  });

  it("never throws, whatever it is given", () => {
    for (const input of [null, undefined, "page=2", 12, [], { page: {} }, { q: { $ne: "" } }]) {
      expect(parseProspectListParams(input)).toEqual(DEFAULTS);
    }
  });
});

describe("prospectListQuery", () => {
  it("leaves defaults out of the URL", () => {
    expect(prospectListQuery(DEFAULTS)).toEqual({});
  });

  it("round-trips through the parser", () => {
    const params: ProspectListParams = {
      page: 2,
      perPage: 10,
      sort: "partner",
      dir: "desc",
      q: "Lyon",
      status: "IN_DISCUSSION",
      stage: "ONBOARDING",
      type: "t1",
      owner: "u1",
      origin: "o1",
      partner: "p1",
      view: "mine",
    };
    const query = prospectListQuery(params);
    expect(query).toEqual({
      page: "2",
      perPage: "10",
      sort: "partner",
      dir: "desc",
      q: "Lyon",
      status: "IN_DISCUSSION",
      stage: "ONBOARDING",
      type: "t1",
      owner: "u1",
      origin: "o1",
      partner: "p1",
      view: "mine",
    });
    expect(parseProspectListParams(query)).toEqual(params);
  });
});

import { describe, expect, it } from "vitest";
import {
  filtersOf,
  parseSchemeRegisterQuery,
  parseYearParam,
  schemeExportHref,
  schemeRegisterHref,
  stagesOf,
} from "./register-filter";

const NOW = new Date("2025-09-15T10:00:00.000Z");
const ORG = "5b1f7c3e-8a8d-4f51-9d7a-0c6f1b2a3d4e";
const WS = "0e9d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

describe("parseSchemeRegisterQuery", () => {
  it("defaults to the current financial year, identified schemes, code order, page 1 and no other filters", () => {
    expect(parseSchemeRegisterQuery({}, NOW)).toEqual({
      year: 2025,
      stage: "IDENTIFIED",
      sort: "code",
      dir: "asc",
      page: 1,
    });
    // 31 March 2026 is still 2025/26; 1 April 2026 starts 2026/27.
    expect(parseSchemeRegisterQuery({}, new Date("2026-03-31T12:00:00Z")).year).toBe(2025);
    expect(parseSchemeRegisterQuery({}, new Date("2026-04-01T00:00:00Z")).year).toBe(2026);
  });

  it("reads every filter", () => {
    const raw = {
      organisation: ORG,
      workstream: WS,
      stage: "IDENTIFIED",
      rag: "COMPLETE",
      category: "NON_PAY",
      recurrence: "non-recurrent",
      noUpdate: "7",
      year: "2024-25",
      q: "  theatre  ",
      sort: "inYear",
      dir: "desc",
      page: "3",
    };
    expect(parseSchemeRegisterQuery(raw, NOW)).toEqual({
      organisation: ORG,
      workstream: WS,
      stage: "IDENTIFIED",
      rag: "COMPLETE",
      category: "NON_PAY",
      recurrence: "non-recurrent",
      noUpdate: 7,
      year: 2024,
      q: "theatre",
      sort: "inYear",
      dir: "desc",
      page: 3,
    });
  });

  it.each([
    [{ organisation: "1; DROP TABLE scheme" }, {}],
    [{ stage: "LIVE" }, {}],
    [{ rag: "PURPLE" }, {}],
    [{ category: "pay" }, {}],
    [{ recurrence: "sometimes" }, {}],
    [{ noUpdate: "13" }, {}],
    [{ noUpdate: "M5" }, {}],
    [{ q: "   " }, {}],
    [{ q: "x".repeat(201) }, {}],
    [{ sort: "risk" }, { sort: "code" }],
    [{ dir: "sideways" }, { dir: "asc" }],
    [{ page: "0" }, { page: 1 }],
    [{ page: "2.5" }, { page: 1 }],
  ])("ignores a malformed value %o", (raw, expected) => {
    expect(parseSchemeRegisterQuery(raw as Record<string, string>, NOW)).toEqual({
      year: 2025,
      stage: "IDENTIFIED",
      sort: "code",
      dir: "asc",
      page: 1,
      ...expected,
    });
  });

  it("shows this year, with a notice, for a year it cannot read or does not hold", () => {
    expect(parseSchemeRegisterQuery({ year: "2025/27" }, NOW)).toMatchObject({
      year: 2025,
      yearNotice: '"2025/27" is not a financial year; showing 2025/26.',
    });
    const range = { first: 2010, last: 2030 };
    expect(parseSchemeRegisterQuery({ year: "2009-10" }, NOW, range)).toMatchObject({
      year: 2025,
      yearNotice: "2009/10 is outside the financial years this service holds (2010/11 to 2030/31); showing 2025/26.",
    });
    const first = parseSchemeRegisterQuery({ year: "2010-11" }, NOW, range);
    expect(first.year).toBe(2010);
    expect(first.yearNotice).toBeUndefined();
  });

  it("takes the first of a repeated parameter, and reads URLSearchParams too", () => {
    expect(parseSchemeRegisterQuery({ stage: ["PLANNING", "DELIVERY"] }, NOW).stage).toBe("PLANNING");
    expect(parseSchemeRegisterQuery(new URLSearchParams("stage=DELIVERY&stage=PLANNING&year=2023"), NOW)).toMatchObject(
      { stage: "DELIVERY", year: 2023 },
    );
  });
});

describe("parseYearParam", () => {
  it.each([
    ["2025", 2025],
    ["2025-26", 2025],
    ["2025/26", 2025],
    ["25-26", 2025],
    ["2025–26", 2025],
    ["2025-27", undefined],
    ["202", undefined],
    ["0099", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%s -> %s", (text, expected) => {
    expect(parseYearParam(text)).toBe(expected);
  });
});

describe("schemeRegisterHref", () => {
  it("writes the filters into the URL, leaving out defaults, always with the year", () => {
    expect(schemeRegisterHref({ year: 2025 })).toBe("/schemes?year=2025-26");
    expect(schemeRegisterHref({ year: 2025, sort: "code", dir: "asc", page: 1 })).toBe("/schemes?year=2025-26");
    expect(schemeRegisterHref({ year: 2099, workstream: WS, stage: "IDENTIFIED" })).toBe(
      `/schemes?workstream=${WS}&stage=IDENTIFIED&year=2099-00`,
    );
    expect(schemeRegisterHref({})).toBe("/schemes");
  });

  it("keeps a descending code sort, and any other sort", () => {
    expect(schemeRegisterHref({ year: 2025, sort: "code", dir: "desc" })).toBe(
      "/schemes?year=2025-26&sort=code&dir=desc",
    );
    expect(schemeRegisterHref({ year: 2025, sort: "rag", page: 2 })).toBe("/schemes?year=2025-26&sort=rag&page=2");
  });

  it("encodes text", () => {
    expect(schemeRegisterHref({ year: 2025, q: "a&b=100% #1" })).toBe("/schemes?year=2025-26&q=a%26b%3D100%25+%231");
  });

  it("round-trips through the parser", () => {
    const query = parseSchemeRegisterQuery(
      {
        organisation: ORG,
        rag: "NONE",
        recurrence: "recurrent",
        noUpdate: "12",
        year: "2024",
        q: "café & co",
        sort: "fye",
        dir: "desc",
        page: "4",
      },
      NOW,
    );
    const href = schemeRegisterHref(query);
    expect(parseSchemeRegisterQuery(new URL(href, "http://x").searchParams, NOW)).toEqual(query);
  });

  it("gives the export the same filters and order but no page", () => {
    expect(schemeExportHref({ year: 2025, category: "PAY", sort: "title", page: 3 })).toBe(
      "/api/schemes/export?category=PAY&year=2025-26&sort=title",
    );
  });
});

describe("filtersOf and stagesOf", () => {
  it("keeps only the filters", () => {
    expect(
      filtersOf({ year: 2025, lead: ORG, sort: "rag", dir: "desc", page: 7 } as Parameters<typeof filtersOf>[0]),
    ).toEqual({ year: 2025, lead: ORG });
  });
  it("expands 'identified' to the four gateway stages", () => {
    expect(stagesOf("IDENTIFIED")).toEqual(["OPPORTUNITY", "PLANNING", "DELIVERY", "COMPLETE"]);
    expect(stagesOf("ON_HOLD")).toEqual(["ON_HOLD"]);
    expect(stagesOf(undefined)).toBeUndefined();
    expect(stagesOf("ALL")).toBeUndefined();
    expect(stagesOf("NOT_IDENTIFIED")).toEqual(["ON_HOLD", "REJECTED", "WITHDRAWN"]);
  });

  it("shows every stage, or only the excluded ones, when asked", () => {
    expect(parseSchemeRegisterQuery({ stage: "ALL" }, NOW).stage).toBe("ALL");
    expect(parseSchemeRegisterQuery({ stage: "NOT_IDENTIFIED" }, NOW).stage).toBe("NOT_IDENTIFIED");
  });
});

import { describe, expect, it } from "vitest";
import { containsPattern, schemeOrderSql, schemeWhereSql } from "./scheme-filter-sql";

const ORG = "5b1f7c3e-8a8d-4f51-9d7a-0c6f1b2a3d4e";

describe("containsPattern", () => {
  it.each([
    ["theatre", "%theatre%"],
    ["100%", "%100\\%%"],
    ["a_b", "%a\\_b%"],
    ["back\\slash", "%back\\\\slash%"],
  ])("%s -> %s", (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});

describe("schemeWhereSql", () => {
  it("binds every value as a parameter, never as SQL text", () => {
    const sql = schemeWhereSql([ORG], {
      q: "'; DROP TABLE scheme; --",
      lead: ORG,
      recurrence: "non-recurrent",
      stage: "IDENTIFIED",
    });
    expect(sql.text).not.toContain("DROP");
    expect(sql.values).toEqual([
      [ORG],
      ["OPPORTUNITY", "PLANNING", "DELIVERY", "COMPLETE"],
      false,
      ORG,
      "%'; DROP TABLE scheme; --%",
      "%'; DROP TABLE scheme; --%",
      "%'; DROP TABLE scheme; --%",
    ]);
  });

  it("always applies the scope (the year is schemesOfYearSql's)", () => {
    const sql = schemeWhereSql([], {});
    expect(sql.text).toBe("s.organisation_id = ANY($1::uuid[])");
    expect(sql.values).toEqual([[]]);
  });
});

describe("schemeOrderSql", () => {
  it("adds a tie-break so pages never overlap", () => {
    expect(schemeOrderSql("inYear", "desc").text).toBe('f.in_year_value_pence DESC, f.code COLLATE "C" ASC, f.id ASC');
    expect(schemeOrderSql("code", "desc").text).toBe('f.code COLLATE "C" DESC, f.id ASC');
  });
});

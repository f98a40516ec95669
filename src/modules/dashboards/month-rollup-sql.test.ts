import { describe, expect, it } from "vitest";
import { rollupFilterOf } from "./month-rollup-sql";

describe("rollupFilterOf", () => {
  it("answers scope, stage and type from the category rows", () => {
    expect(rollupFilterOf({})).toEqual({ dimension: "category" });
    expect(rollupFilterOf({ stage: "IDENTIFIED", type: "QIPP" })).toEqual({
      dimension: "category",
      stages: ["OPPORTUNITY", "PLANNING", "DELIVERY", "COMPLETE"],
      type: "QIPP",
    });
    expect(rollupFilterOf({ stage: "ALL" })).toEqual({ dimension: "category" });
    // The organisation is already the scope.
    expect(rollupFilterOf({ organisation: "o1", stage: "DELIVERY" })).toEqual({
      dimension: "category",
      stages: ["DELIVERY"],
    });
  });

  it("reads one filtered dimension's rows by key", () => {
    expect(rollupFilterOf({ category: "PAY" })).toEqual({ dimension: "category", key: "PAY" });
    expect(rollupFilterOf({ division: "d1", stage: "IDENTIFIED" })).toMatchObject({ dimension: "division", key: "d1" });
    expect(rollupFilterOf({ workstream: "w1" })).toEqual({ dimension: "workstream", key: "w1" });
  });

  it("gives up on filters the roll-up does not group by", () => {
    expect(rollupFilterOf({ category: "PAY", division: "d1" })).toBeNull();
    expect(rollupFilterOf({ programme: "p1" })).toBeNull();
    expect(rollupFilterOf({ lead: "u1" })).toBeNull();
    expect(rollupFilterOf({ rag: "RED" })).toBeNull();
    expect(rollupFilterOf({ recurrence: "recurrent" })).toBeNull();
    expect(rollupFilterOf({ q: "theatre" })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { sqlInteger, sqlIntegerOrNull } from "./sql-numbers";

describe("sqlInteger", () => {
  it.each([
    [165_000_050n, 165_000_050],
    [-42n, -42],
    ["165000050", 165_000_050],
    [" -7 ", -7],
    [12, 12],
    [null, 0],
    [undefined, 0],
    [BigInt(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    [{ toString: () => "900719925474099" }, 900_719_925_474_099],
  ])("%s -> %s", (input, expected) => {
    expect(sqlInteger(input)).toBe(expected);
  });

  it("throws rather than round a value beyond Number.MAX_SAFE_INTEGER", () => {
    expect(() => sqlInteger(BigInt(Number.MAX_SAFE_INTEGER) + 1n, "in-year total")).toThrow(
      /in-year total 9007199254740992 is too large/,
    );
    expect(() => sqlInteger("9007199254740993")).toThrow(RangeError);
    expect(() => sqlInteger(-(2n ** 60n))).toThrow(RangeError);
    expect(() => sqlInteger(2 ** 53)).toThrow(RangeError);
  });

  it("refuses fractions and text that is not a number", () => {
    expect(() => sqlInteger("12.5")).toThrow(/not a whole number/);
    expect(() => sqlInteger("1e3")).toThrow(RangeError);
    expect(() => sqlInteger(0.5)).toThrow(RangeError);
    expect(() => sqlInteger(Number.NaN)).toThrow(RangeError);
  });

  it("keeps null apart from zero when asked", () => {
    expect(sqlIntegerOrNull(null)).toBeNull();
    expect(sqlIntegerOrNull(0n)).toBe(0);
  });
});

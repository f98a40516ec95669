import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS, odsCodeError, typeOfKind } from "./organisation-kinds";

describe("ODS codes by kind", () => {
  it.each([
    ["ACUTE", "RXN"],
    ["ACUTE", " r1h "],
    ["COMMUNITY", "RY6"],
    ["MENTAL_HEALTH", "TAF"],
    ["MENTAL_HEALTH", "RW5"],
    ["AMBULANCE", "RX7"],
    ["ICB", "QE1"],
    ["ICB", "qmf"],
  ] as const)("%s accepts %s", (kind, code) => {
    expect(odsCodeError(kind, code)).toBeNull();
  });

  it.each([
    ["ACUTE", "", "Enter the organisation's ODS code"],
    ["ACUTE", "LTH", "starting with R or T"],
    ["ACUTE", "QE1", "starting with R or T"],
    ["MENTAL_HEALTH", "RXNX", "3 characters"],
    ["AMBULANCE", "R-7", "3 characters"],
    ["ICB", "RXN", "starting with Q"],
    ["ICB", "Q1", "3 characters"],
    ["ICB", "15E", "starting with Q"],
  ] as const)("%s refuses %j", (kind, code, message) => {
    expect(odsCodeError(kind, code)).toContain(message);
  });
});

describe("kind and type", () => {
  it("an ICB is the only commissioner; every other kind is a trust", () => {
    expect(ORGANISATION_KINDS.map((k) => [k, typeOfKind(k)])).toEqual([
      ["ACUTE", "TRUST"],
      ["COMMUNITY", "TRUST"],
      ["MENTAL_HEALTH", "TRUST"],
      ["AMBULANCE", "TRUST"],
      ["ICB", "ICB"],
    ]);
  });
});

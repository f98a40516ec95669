import { expect } from "@playwright/test";

/** Reading the app's compact money ("£6.1m", "£450k", "£950") back into pence, for dashboard assertions. */

const UNIT_PENCE = { "": 100, k: 10_000, m: 10_000_000, bn: 10_000_000_000 } as const;
type Unit = keyof typeof UNIT_PENCE;

/**
 * "£6.1m" → { pence: 610000000, unit: "m", step: 10000000 }; "£950" → pounds; "£12,191,666.68" (an
 * exact figure of a table, pence shown when it has them) → pence. The step is what the last digit is worth.
 */
export function parseCompactMoney(text: string): { pence: number; unit: Unit; step: number } {
  const match = /^(-?)£([\d,]+)(?:\.(\d{1,2}))?(k|m|bn)?$/.exec(text.trim());
  expect(match, `a money figure: "${text}"`).not.toBeNull();
  const [, sign, whole, fraction, unit = ""] = match!;
  const wholeNumber = Number(whole!.replace(/,/g, ""));
  let pence: number;
  let step: number;
  if (unit === "") {
    pence = wholeNumber * 100 + Number((fraction ?? "").padEnd(2, "0"));
    step = fraction ? 1 : 100;
  } else {
    expect(fraction?.length ?? 1, `one decimal in a compact figure: "${text}"`).toBe(1);
    step = UNIT_PENCE[unit as Unit];
    pence = wholeNumber * step * 10 + Number(fraction ?? 0) * step;
  }
  return { pence: sign ? -pence : pence, unit: unit as Unit, step };
}

/** `after` is `before` + `delta`: exactly when both use one unit and the delta is whole steps of it, else within rounding. */
export function expectMovedBy(before: string, after: string, delta: number, what: string) {
  const b = parseCompactMoney(before);
  const a = parseCompactMoney(after);
  if (a.unit === b.unit && delta % b.step === 0) {
    expect(
      a.pence,
      `${what}: ${before} ${delta < 0 ? "-" : "+"} ${Math.abs(delta) / 100} pounds should read exactly ${after}`,
    ).toBe(b.pence + delta);
  } else {
    expect(
      Math.abs(a.pence - (b.pence + delta)),
      `${what}: ${before} → ${after}, expected a move of ${delta / 100} pounds`,
    ).toBeLessThanOrEqual((a.step + b.step) / 2);
  }
}

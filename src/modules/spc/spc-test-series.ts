import type { SpcInputPoint } from "./spc-types";

/** Test helper: monthly keys from April 2023 ("2023-01" = M1 2023/24), labelled "M1 2023/24". */
export function monthKey(i: number): string {
  return `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

export function series(values: readonly unknown[]): SpcInputPoint[] {
  return values.map((value, i) => {
    const fy = 2023 + Math.floor(i / 12);
    return { key: monthKey(i), label: `M${(i % 12) + 1} ${fy}/${String((fy + 1) % 100)}`, value };
  });
}

/**
 * Twelve points worked by hand: sum 600, mean 50; moving ranges 2,3,2,1,2,4,2,1,2,1,2 (sum 22,
 * mean 2); limits 50 +/- 5.32 = 44.68 and 55.32; near limits 50 +/- 3.5467 (46.4533, 53.5467).
 */
export const BASELINE_12 = [50, 52, 49, 51, 50, 48, 52, 50, 51, 49, 50, 48] as const;

import { quarterFromIndex, quarterIndex, type Timescale } from "@/lib/financial-year";

/** Timescale <-> the two quarter-index columns (so SQL can order and filter by quarter). */
export function timescaleToColumns(timescale: Timescale): { startQuarter: number | null; endQuarter: number | null } {
  switch (timescale.kind) {
    case "ongoing":
      return { startQuarter: null, endQuarter: null };
    case "quarter":
      return { startQuarter: quarterIndex(timescale.quarter), endQuarter: quarterIndex(timescale.quarter) };
    case "range":
      return { startQuarter: quarterIndex(timescale.from), endQuarter: quarterIndex(timescale.to) };
  }
}

export function timescaleFromColumns(startQuarter: number | null, endQuarter: number | null): Timescale {
  if (startQuarter === null || endQuarter === null) return { kind: "ongoing" };
  if (startQuarter === endQuarter) return { kind: "quarter", quarter: quarterFromIndex(startQuarter) };
  return { kind: "range", from: quarterFromIndex(startQuarter), to: quarterFromIndex(endQuarter) };
}

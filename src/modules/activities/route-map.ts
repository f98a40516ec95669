import { financialYearOf } from "@/lib/financial-year";

/**
 * Laying activities out across quarters (the "route map"). Quarters are indexes
 * (financial year * 4 + quarter - 1). Pure, so the layout is unit-tested.
 */
export interface QuarterSpan {
  startQuarter: number | null;
  endQuarter: number | null;
}

/**
 * The financial years to show: with a due filter, the years of its quarters (whatever years the
 * form still carries, so a due quarter is never filtered out by the years); else those asked
 * for; else this financial year and the next (issue 19: the default route map).
 */
export function routeMapYears(
  asOf: Date,
  requested?: { from?: number; to?: number },
  due?: { from: number; to: number },
): { from: number; to: number } {
  const current = financialYearOf(asOf);
  let from = due ? Math.floor(due.from / 4) : (requested?.from ?? current);
  let to = due ? Math.floor(due.to / 4) : (requested?.to ?? current + 1);
  if (to < from) [from, to] = [to, from];
  // A route map wider than 6 years is unreadable; keep the first 6.
  return { from, to: Math.min(to, from + 5) };
}

export type Bar =
  | { kind: "ongoing" }
  | { kind: "outside"; before: boolean }
  | { kind: "span"; firstColumn: number; columns: number; clippedStart: boolean; clippedEnd: boolean };

/** Where an activity's bar sits among the columns of financial years from..to (4 columns each). */
export function barFor(activity: QuarterSpan, years: { from: number; to: number }): Bar {
  if (activity.startQuarter === null || activity.endQuarter === null) return { kind: "ongoing" };
  const first = years.from * 4;
  const last = years.to * 4 + 3;
  if (activity.endQuarter < first) return { kind: "outside", before: true };
  if (activity.startQuarter > last) return { kind: "outside", before: false };
  const start = Math.max(activity.startQuarter, first);
  const end = Math.min(activity.endQuarter, last);
  return {
    kind: "span",
    firstColumn: start - first,
    columns: end - start + 1,
    clippedStart: activity.startQuarter < first,
    clippedEnd: activity.endQuarter > last,
  };
}

/** Groups rows by a key, keeping first-seen order. */
export function groupInOrder<T>(rows: T[], key: (row: T) => string): { key: string; rows: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return [...groups.entries()].map(([k, list]) => ({ key: k, rows: list }));
}

/** What an import creates, updates and leaves (pure: the import page's client code reads it too). */

export interface RiskCounts {
  create: number;
  update: number;
  unchanged: number;
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  /** Month rows (scheme, year, month) whose figures change. */
  months: number;
  /** Rows of the Risks sheet. */
  risks: RiskCounts;
}

/** Whether an import would write anything. */
export function changesAnything(counts: ImportCounts): boolean {
  return counts.create + counts.update + counts.risks.create + counts.risks.update > 0;
}

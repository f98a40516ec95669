/**
 * What a long import tells the page while it runs (issue 12 item 6): each phase as it ends, with
 * its count, in words a screen reader can announce, and how far along the steps it is.
 */

export type ImportPhase =
  "reading" | "parsed" | "validated" | "schemes written" | "months written" | "risks written" | "done";

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows read (reading, parsed), rows checked (validated), records written (the written phases). */
  done: number;
  total: number;
}

export type ImportStep = "preview" | "import";

const STEPS: Record<ImportStep, ImportPhase[]> = {
  preview: ["parsed", "validated"],
  import: ["parsed", "validated", "schemes written", "months written", "risks written", "done"],
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export function progressSentence(p: ImportProgress): string {
  switch (p.phase) {
    case "reading":
      return `Reading the file: ${count(p.done, "row")} so far…`;
    case "parsed":
      return `Read ${count(p.done, "row")}; checking each one…`;
    case "validated":
      return `Checked ${count(p.done, "row")}.`;
    case "schemes written":
      return `Written ${count(p.done, "scheme")}.`;
    case "months written":
      return `Written ${count(p.done, "month row")}.`;
    case "risks written":
      return `Written ${count(p.done, "risk")}; recording the audit trail…`;
    case "done":
      return "Written and recorded in the audit trail.";
  }
}

/** Steps finished out of the step's whole (for a progress bar): reading counts as none. */
export function progressStep(step: ImportStep, phase: ImportPhase): { value: number; max: number } {
  const steps = STEPS[step];
  return { value: steps.indexOf(phase) + 1, max: steps.length };
}

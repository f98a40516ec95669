"use client";

/** Opens the browser's print dialog, where "Save as PDF" makes the board pack's PDF. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded bg-nhs-blue px-4 py-2 font-semibold text-white"
    >
      Print / save as PDF
    </button>
  );
}

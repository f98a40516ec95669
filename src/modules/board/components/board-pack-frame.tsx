import { formatDate } from "@/lib/dates";
import type { BoardCommentaryView } from "../save-board-commentary";

/** Text for a CSS string: backslashes and quotes escaped, line breaks and "<" as CSS escapes. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\a ").replace(/</g, "\\3c ")}"`;
}

/**
 * The board pack's print rules, only while the pack is on screen: landscape A4, and in the page
 * margins of every printed page the organisation, year, month and "as at" date (top) and
 * "Page n of N" (bottom), as CSS page-margin boxes, so they repeat on each page by themselves.
 */
export function BoardPackPrintStyle({ header }: { header: string }) {
  const css = `
@page {
  size: A4 landscape;
  margin: 13mm 10mm 12mm 10mm;
  @top-left { content: ${cssString(header)}; font: 9pt Arial, sans-serif; color: #212b32; }
  @top-right { content: "Board pack: OFFICIAL"; font: 9pt Arial, sans-serif; color: #212b32; }
  @bottom-left { content: "Recovery Tracker"; font: 8pt Arial, sans-serif; color: #4c6272; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #212b32; }
}`;
  return <style>{css}</style>;
}

/** Finance's commentary as the board reads it: the text, who wrote it and when; or that there is none yet. */
export function BoardCommentaryText({
  commentary,
  authorName,
}: {
  commentary: BoardCommentaryView | null;
  authorName: string | null;
}) {
  if (!authorName) return <p className="text-sm">The system view has no ICB organisation to hold a commentary.</p>;
  if (!commentary)
    return <p className="text-sm text-nhs-secondary">No commentary has been written for this month yet.</p>;
  return (
    <div className="text-sm">
      <p className="whitespace-pre-line" data-commentary="">
        {commentary.body}
      </p>
      <p className="mt-2 text-xs text-nhs-secondary">
        {authorName}: written by {commentary.updatedByName}, {formatDate(commentary.updatedAt)}
      </p>
    </div>
  );
}

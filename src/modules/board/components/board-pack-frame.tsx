import { PrintPageStyle } from "@/components/ui/print-page-style";
import { formatDate } from "@/lib/dates";
import type { BoardCommentaryView } from "../save-board-commentary";

/** The board pack's print rules: landscape A4 with its header and page numbers on every page. */
export function BoardPackPrintStyle({ header }: { header: string }) {
  return <PrintPageStyle header={header} marking="Board pack: OFFICIAL" orientation="landscape" />;
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

import type { ReactNode } from "react";

/**
 * One box of the board pack: a titled section that prints whole (never split across pages) and
 * never overlaps its neighbours (the e2e print check compares their bounding boxes). Sections of
 * other features (the SPC charts of issue 14) use it too, so the pack reads as one document.
 */
export function BoardSection({
  id,
  title,
  children,
  className = "",
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      data-board-box=""
      className={`board-box mb-4 rounded border border-nhs-border bg-white p-4 ${className}`}
    >
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * What the board summary passes to a section that plugs into it: the organisations shown (one,
 * or the system's), the chosen organisation (undefined = system view), the financial year and
 * the "as at" moment every figure of the pack is computed for.
 */
export interface BoardSlotProps {
  scope: string[];
  organisationId: string | undefined;
  year: number;
  asAt: Date;
}

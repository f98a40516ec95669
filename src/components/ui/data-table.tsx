import type { ReactNode } from "react";

export interface Column {
  label: ReactNode;
  /** Numbers read best right-aligned. */
  align?: "left" | "right";
  /** Visually hidden header text (e.g. an actions column). */
  hidden?: boolean;
}

/**
 * The app's table: caption for screen readers, a header row from `columns`, and the
 * caller's body rows. Cells use `cellClass` / `numberCellClass` for consistent spacing.
 */
export function DataTable({
  caption,
  columns,
  children,
  footer,
  className = "",
}: {
  caption: string;
  columns: Column[];
  children: ReactNode;
  /** Total rows, in a tfoot. */
  footer?: ReactNode;
  className?: string;
}) {
  return (
    // Focusable so a keyboard user can scroll a table wider than its box (WCAG 2.1.1).
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className={`w-full text-left ${className}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-nhs-border">
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`py-2 pr-2 ${c.align === "right" ? "text-right" : ""}`}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}

export const rowClass = "border-b border-nhs-border align-top";
export const cellClass = "py-2 pr-2";
export const numberCellClass = "py-2 pr-2 text-right";

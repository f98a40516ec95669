"use client";

import { useActionState } from "react";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { formatFinancialYear } from "@/lib/financial-year";
import { closePeriodAction } from "../financials-actions";

export interface PeriodView {
  month: number;
  name: string;
  /** What the status column says: "Open", "Not ended yet" or who closed it and when. */
  status: string;
  closable: boolean;
}

/**
 * The months of a year with a Close button on each open one. One action state for the whole
 * table, so the outcome stays on screen (and is announced) after the closed month's button
 * disappears with the page's refresh.
 */
export function PeriodCloseTable({
  organisationId,
  financialYear,
  periods,
}: {
  organisationId: string;
  financialYear: number;
  periods: PeriodView[];
}) {
  const [state, action, pending] = useActionState(closePeriodAction, null);
  const problem =
    state && !state.ok
      ? [state.message, ...Object.values(state.fieldErrors ?? {}).flat()]
          .filter((m, i, all) => all.indexOf(m) === i)
          .join(" ")
      : "";
  return (
    <>
      <div
        role="status"
        aria-live="polite"
        className={state?.ok ? "mb-3 border-l-4 border-nhs-green bg-white p-3" : ""}
      >
        {state?.ok ? state.message : ""}
      </div>
      {problem && (
        <div role="alert" className="mb-3 border-4 border-nhs-red bg-white p-3 font-semibold">
          {problem}
        </div>
      )}
      <DataTable
        caption={`Months of ${formatFinancialYear(financialYear)} and whether they are closed`}
        columns={[{ label: "Month" }, { label: "Status" }, { label: "Action", hidden: true }]}
      >
        {periods.map((p) => (
          <tr key={p.month} className={rowClass}>
            <th scope="row" className={`${cellClass} font-normal`}>
              {p.name}
            </th>
            <td className={cellClass}>{p.status}</td>
            <td className={cellClass}>
              {p.closable && (
                <form action={action}>
                  <input type="hidden" name="organisationId" value={organisationId} />
                  <input type="hidden" name="financialYear" value={formatFinancialYear(financialYear)} />
                  <input type="hidden" name="month" value={p.month} />
                  <button
                    type="submit"
                    disabled={pending}
                    className="rounded border-2 border-nhs-blue px-2 py-1 font-semibold text-nhs-blue disabled:opacity-60"
                  >
                    Close<span className="sr-only"> {p.name}</span>
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { CompactMoney } from "@/components/ui/money";
import { Variance } from "@/components/ui/variance";
import { formatMoney, formatShare, sumPence } from "@/lib/money";
import type { SchemeFilters } from "@/modules/schemes/register/register-filter";
import type { BreakdownDimension, BreakdownRow, FinanceHeadline } from "../finance-dashboard";
import { breakdownHref, netWteText, percentText, wteGroupsText, wteMovements } from "../finance-dashboard-view";

/** Server-rendered parts of the finance dashboard: headline tiles and breakdown tables. */

function Tile({ title, value, detail }: { title: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded border border-nhs-border p-4">
      <h3 className="text-base font-semibold text-nhs-secondary">{title}</h3>
      <p className="text-2xl font-bold">{value}</p>
      {detail && <p className="text-sm text-nhs-secondary">{detail}</p>}
    </div>
  );
}

export function HeadlineTiles({ h }: { h: FinanceHeadline }) {
  const gap = h.unidentifiedPence;
  const outturnGap = h.forecastOutturnPence - h.targetPence;
  const wte = wteMovements({
    substantive: h.wteSubstantiveHundredths,
    bank: h.wteBankHundredths,
    agency: h.wteAgencyHundredths,
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Tile title="Target" value={<CompactMoney pence={h.targetPence} />} />
      <Tile
        title="Identified"
        value={<CompactMoney pence={h.identifiedPence} />}
        detail={`${h.schemeCount} scheme${h.schemeCount === 1 ? "" : "s"}, ${percentText(h.identifiedPence, h.targetPence)} of target`}
      />
      <Tile
        title="Risk-adjusted"
        value={<CompactMoney pence={h.riskAdjustedPence} />}
        detail="Identified value weighted by stage"
      />
      <Tile
        title={gap > 0 ? "Unidentified gap" : "Identified beyond target"}
        value={<CompactMoney pence={Math.abs(gap)} />}
        detail={gap > 0 ? "Target not yet covered by schemes" : "No unidentified gap"}
      />
      <Tile
        title="Year to date: plan and actual"
        value={
          <>
            <CompactMoney pence={h.ytdActualPence} /> of <CompactMoney pence={h.ytdPlanPence} />
          </>
        }
        detail={
          <>
            Variance <Variance pence={h.ytdVariancePence} /> over {h.elapsedMonths} ended month
            {h.elapsedMonths === 1 ? "" : "s"}
            {h.ytdPlanPence > 0 ? `; ${percentText(h.ytdActualPence, h.ytdPlanPence)} of plan delivered` : ""}
          </>
        }
      />
      <Tile
        title="Forecast outturn"
        value={<CompactMoney pence={h.forecastOutturnPence} />}
        detail={
          <>
            <Variance pence={outturnGap} /> against target
          </>
        }
      />
      <Tile
        title="Recurrent"
        value={<CompactMoney pence={h.recurrentPence} />}
        detail={`Recurrent share ${formatShare(h.recurrentPence, h.identifiedPence)} of identified`}
      />
      <Tile
        title="Non-recurrent"
        value={<CompactMoney pence={h.nonRecurrentPence} />}
        detail={`Non-recurrent share ${formatShare(h.nonRecurrentPence, h.identifiedPence)}; cash-releasing share ${formatShare(h.cashReleasingPence, h.identifiedPence)}`}
      />
      <Tile title="WTE movements" value={netWteText(wte.netHundredths)} detail={wteGroupsText(wte.groups)} />
    </div>
  );
}

const DIMENSION_TITLES: Record<BreakdownDimension, string> = {
  workstream: "Workstream",
  division: "Division",
  category: "Category",
  organisation: "Organisation",
};

export function BreakdownTable({
  dimension,
  rows,
  base,
}: {
  dimension: BreakdownDimension;
  rows: BreakdownRow[];
  base: Partial<SchemeFilters>;
}) {
  if (rows.length === 0) return <p>No identified schemes.</p>;
  const total = (pick: (row: BreakdownRow) => number) => sumPence(rows.map(pick));
  const full = (pence: number) => formatMoney(pence, { style: "full" });
  return (
    <DataTable
      caption={`Identified savings by ${dimension}`}
      footer={
        <tr className="border-t-2 border-nhs-border font-semibold">
          <th scope="row" className={cellClass}>
            Total
          </th>
          <td className={numberCellClass}>{full(total((r) => r.identifiedPence))}</td>
          <td className={numberCellClass}>{full(total((r) => r.riskAdjustedPence))}</td>
          <td className={numberCellClass}>{full(total((r) => r.ytdPlanPence))}</td>
          <td className={numberCellClass}>{full(total((r) => r.ytdActualPence))}</td>
          <td className={numberCellClass}>
            <Variance pence={total((r) => r.ytdVariancePence)} style="full" />
          </td>
        </tr>
      }
      columns={[
        { label: DIMENSION_TITLES[dimension] },
        { label: "Identified", align: "right" },
        { label: "Risk-adjusted", align: "right" },
        { label: "YTD plan", align: "right" },
        { label: "YTD actual", align: "right" },
        { label: "Variance", align: "right" },
      ]}
    >
      {rows.map((row) => {
        const href = breakdownHref(row, base);
        return (
          <tr key={row.key ?? "none"} className={rowClass}>
            <th scope="row" className={`${cellClass} font-normal`}>
              {href ? (
                <Link href={href}>
                  {row.label}
                  <span className="sr-only"> (schemes in the register)</span>
                </Link>
              ) : (
                row.label
              )}
            </th>
            <td className={numberCellClass}>{full(row.identifiedPence)}</td>
            <td className={numberCellClass}>{full(row.riskAdjustedPence)}</td>
            <td className={numberCellClass}>{full(row.ytdPlanPence)}</td>
            <td className={numberCellClass}>{full(row.ytdActualPence)}</td>
            <td className={numberCellClass}>
              <Variance pence={row.ytdVariancePence} style="full" />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

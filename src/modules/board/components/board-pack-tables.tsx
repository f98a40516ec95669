import Link from "next/link";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Variance } from "@/components/ui/variance";
import { monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney, formatShare, sumPence } from "@/lib/money";
import type { BreakdownRow, FinanceHeadline } from "@/modules/dashboards/finance-dashboard";
import type { MaturitySegment } from "@/modules/dashboards/finance-dashboard-view";
import type { MonthFigures } from "@/modules/dashboards/scheme-figures";
import { RiskBandBadge } from "@/modules/risks/components/risk-band-badge";
import { routes } from "@/server/routes";
import type { WaterfallStep } from "../board-pack-view";

/**
 * The board pack's tables: each chart's figures as a table (one money convention: compact in
 * headlines and charts, exact pounds here), variances signed and adverse in red, totals rows.
 */

const cell = `${cellClass} py-1`;
const num = `${numberCellClass} py-1 tabular-nums`;
const total = "border-t-2 border-nhs-text font-bold";
const full = (pence: number) => formatMoney(pence, { style: "full" });

function Tile({
  title,
  value,
  detail,
  exact,
}: {
  title: string;
  value: React.ReactNode;
  detail?: React.ReactNode;
  exact?: string;
}) {
  return (
    <div className="rounded border border-nhs-border p-2">
      <h3 className="text-sm font-semibold text-nhs-secondary">{title}</h3>
      <p className="text-xl font-bold" title={exact}>
        {value}
      </p>
      {detail && <p className="text-xs text-nhs-secondary">{detail}</p>}
    </div>
  );
}

/** The headline row of the pack: compact figures, the exact one beneath or on hover. */
export function PackHeadline({ h }: { h: FinanceHeadline }) {
  const outturnGap = h.forecastOutturnPence - h.targetPence;
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6" data-board-box="">
      <Tile title="Target" value={formatMoney(h.targetPence)} detail={full(h.targetPence)} />
      <Tile
        title="Identified"
        value={formatMoney(h.identifiedPence)}
        detail={`${full(h.identifiedPence)}; ${formatShare(h.identifiedPence, h.targetPence)} of target, ${h.schemeCount} scheme${h.schemeCount === 1 ? "" : "s"}`}
      />
      <Tile
        title={h.unidentifiedPence > 0 ? "Unidentified gap" : "Identified beyond target"}
        value={h.unidentifiedPence > 0 ? <Variance pence={-h.unidentifiedPence} /> : formatMoney(-h.unidentifiedPence)}
        detail={full(Math.abs(h.unidentifiedPence))}
      />
      <Tile
        title="Year to date: actual"
        value={formatMoney(h.ytdActualPence)}
        detail={
          <>
            Plan {formatMoney(h.ytdPlanPence)}; variance <Variance pence={h.ytdVariancePence} />
          </>
        }
        exact={full(h.ytdActualPence)}
      />
      <Tile
        title="Forecast outturn"
        value={formatMoney(h.forecastOutturnPence)}
        detail={
          <>
            <Variance pence={outturnGap} /> against target
          </>
        }
        exact={full(h.forecastOutturnPence)}
      />
      <Tile
        title="Recurrent share"
        value={formatShare(h.recurrentPence, h.identifiedPence)}
        detail={`Recurrent ${formatMoney(h.recurrentPence)}; non-recurrent ${formatMoney(h.nonRecurrentPence)}`}
      />
    </div>
  );
}

export function WaterfallTable({ steps }: { steps: WaterfallStep[] }) {
  return (
    <DataTable
      caption="Target to gap: the target, delivered to date, the forecast still to come by stage, and the gap"
      className="text-xs"
      columns={[{ label: "Step" }, { label: "Amount", align: "right" }]}
    >
      {steps.map((s) => (
        <tr key={s.key} className={rowClass}>
          <th scope="row" className={`${cell} font-normal`}>
            {s.label}
          </th>
          <td className={num}>{s.kind === "gap" ? <Variance pence={-s.pence} style="full" /> : full(s.pence)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Maturity in £ and in % of the whole (the target, or the identified value if larger), one decimal. */
export function MaturityShareTable({ segments, targetPence }: { segments: MaturitySegment[]; targetPence: number }) {
  const sum = sumPence(segments.map((s) => s.pence));
  const whole = Math.max(sum, targetPence);
  return (
    <DataTable
      caption="In-year value by stage and the unidentified gap, in pounds and as a share of the target"
      className="text-xs"
      columns={[{ label: "Stage" }, { label: "In-year value", align: "right" }, { label: "Share", align: "right" }]}
    >
      {segments.map((s) => (
        <tr key={s.key} className={rowClass}>
          <th scope="row" className={`${cell} font-normal`}>
            {s.label}
          </th>
          <td className={num}>
            {s.key === "UNIDENTIFIED" ? <Variance pence={-s.pence} style="full" /> : full(s.pence)}
          </td>
          <td className={num}>{formatShare(s.pence, whole)}</td>
        </tr>
      ))}
      <tr className={total}>
        <th scope="row" className={cell}>
          Total
        </th>
        <td className={num}>{full(sum)}</td>
        <td className={num}>{formatShare(sum, whole)}</td>
      </tr>
    </DataTable>
  );
}

/** Months across, as finance papers lay them out: in-month plan and actual, then the running totals. */
export function MonthlyPositionTable({ months }: { months: MonthFigures[] }) {
  const rows: { label: string; pick: (m: MonthFigures) => number | null; total?: number | null }[] = [
    { label: "Plan in month", pick: (m) => m.planPence, total: sumPence(months.map((m) => m.planPence)) },
    { label: "Actual in month", pick: (m) => m.actualPence, total: sumPence(months.map((m) => m.actualPence ?? 0)) },
    { label: "Cumulative plan", pick: (m) => m.cumulativePlanPence },
    { label: "Cumulative forecast", pick: (m) => m.cumulativeForecastPence },
    { label: "Cumulative actual", pick: (m) => m.cumulativeActualPence },
  ];
  return (
    <DataTable
      caption="Plan, forecast and actual by month: in month and cumulative"
      className="text-xs"
      columns={[
        { label: "£" },
        ...months.map((m) => ({ label: monthLabel(m.month as FinancialMonth), align: "right" as const })),
        { label: "Year", align: "right" },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.label} className={rowClass}>
          <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
            {r.label}
          </th>
          {months.map((m) => {
            const v = r.pick(m);
            return (
              <td key={m.month} className={num} title={v === null ? undefined : full(v)}>
                {v === null ? "—" : formatMoney(v)}
              </td>
            );
          })}
          <td className={`${num} font-bold`}>
            {r.total === undefined || r.total === null ? "" : formatMoney(r.total)}
          </td>
        </tr>
      ))}
      <tr className={rowClass}>
        <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
          Variance in month
        </th>
        {months.map((m) => (
          <td key={m.month} className={num}>
            {m.actualPence === null ? "—" : <Variance pence={m.actualPence - m.planPence} />}
          </td>
        ))}
        <td className={num} />
      </tr>
    </DataTable>
  );
}

/** Identified savings and year-to-date delivery by organisation or category, with a totals row. */
export function BreakdownTotalsTable({ rows, label }: { rows: BreakdownRow[]; label: string }) {
  const sums = {
    identified: sumPence(rows.map((r) => r.identifiedPence)),
    plan: sumPence(rows.map((r) => r.ytdPlanPence)),
    actual: sumPence(rows.map((r) => r.ytdActualPence)),
  };
  return (
    <DataTable
      caption={`Identified savings and year-to-date delivery by ${label.toLowerCase()}`}
      className="text-xs"
      columns={[
        { label },
        { label: "Identified", align: "right" },
        { label: "YTD plan", align: "right" },
        { label: "YTD actual", align: "right" },
        { label: "Variance", align: "right" },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.key ?? "none"} className={rowClass}>
          <th scope="row" className={`${cell} font-normal`}>
            {r.label}
          </th>
          <td className={num}>{full(r.identifiedPence)}</td>
          <td className={num}>{full(r.ytdPlanPence)}</td>
          <td className={num}>{full(r.ytdActualPence)}</td>
          <td className={num}>
            <Variance pence={r.ytdVariancePence} style="full" />
          </td>
        </tr>
      ))}
      <tr className={total}>
        <th scope="row" className={cell}>
          Total
        </th>
        <td className={num}>{full(sums.identified)}</td>
        <td className={num}>{full(sums.plan)}</td>
        <td className={num}>{full(sums.actual)}</td>
        <td className={num}>
          <Variance pence={sums.actual - sums.plan} style="full" />
        </td>
      </tr>
    </DataTable>
  );
}

export interface PackRisk {
  id: string;
  title: string;
  currentScore: number;
  owner: { name: string };
  registerName: string;
}

/** The open risks with the highest current score, each score coloured by its band and named (small type in the pack). */
export function TopRisksTable({ risks, small = true }: { risks: PackRisk[]; small?: boolean }) {
  if (risks.length === 0) return <p className={small ? "text-sm" : undefined}>No open risks.</p>;
  return (
    <DataTable
      caption="The open risks with the highest current score"
      className={small ? "text-xs" : undefined}
      columns={[{ label: "Risk" }, { label: "Register" }, { label: "Owner" }, { label: "Score", align: "right" }]}
    >
      {risks.map((r) => (
        <tr key={r.id} className={rowClass}>
          <td className={cell}>
            <Link href={routes.risk(r.id)}>{r.title}</Link>
          </td>
          <td className={cell}>{r.registerName}</td>
          <td className={cell}>{r.owner.name}</td>
          <td className={num}>
            <RiskBandBadge score={r.currentScore} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import type { SchemeRegisterTotals } from "@/modules/dashboards/scheme-figures";

function Figure({ label, pence, note }: { label: string; pence: number; note?: string }) {
  return (
    <div className="rounded border border-nhs-border p-3">
      <dt className="text-sm text-nhs-secondary">{label}</dt>
      <dd className="text-2xl font-bold">{formatMoney(pence)}</dd>
      <dd className="text-sm">
        {formatMoney(pence, { style: "full" })}
        {note ? ` · ${note}` : ""}
      </dd>
    </div>
  );
}

/** The totals of every scheme matching the filters (not just this page), as the database summed them. */
export function SchemeRegisterTotalsPanel({ totals, year }: { totals: SchemeRegisterTotals; year: number }) {
  const variance = totals.ytdActualPence - totals.ytdPlanPence;
  const ytdNote =
    totals.elapsedMonths === 0
      ? "no month of the year has ended"
      : `M1–M${totals.elapsedMonths} (to end of ${monthLabel(totals.elapsedMonths as FinancialMonth)})`;
  return (
    <section aria-labelledby="register-totals">
      <h2 id="register-totals" className="mb-3 text-xl font-bold">
        Totals for {totals.count} matching scheme{totals.count === 1 ? "" : "s"}, {formatFinancialYear(year)}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Figure
          label="Full-year effect"
          pence={totals.fullYearEffectPence}
          note={`schemes of ${formatFinancialYear(year)}`}
        />
        <Figure label="In-year value" pence={totals.inYearPence} />
        <Figure label="Risk-adjusted in-year" pence={totals.riskAdjustedPence} note="weighted by stage" />
        <Figure label="Year-to-date plan" pence={totals.ytdPlanPence} note={ytdNote} />
        <Figure
          label="Year-to-date actual"
          pence={totals.ytdActualPence}
          note={`variance ${variance >= 0 ? "+" : ""}${formatMoney(variance)}`}
        />
      </dl>
    </section>
  );
}

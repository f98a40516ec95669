import Link from "next/link";
import { cellClass, DataTable, numberCellClass, rowClass } from "@/components/ui/data-table";
import { formatSpcValue, type SpcValueFormat } from "../spc-format";
import type { AssuranceIconKind, SpcChart, VariationIconKind } from "../spc-types";
import { AssuranceIcon, VariationIcon } from "./spc-icons";

/** One row of the board's summary-icons table. */
export interface SpcSummaryRow {
  key: string;
  metric: string;
  href?: string;
  chart: SpcChart;
  format: SpcValueFormat;
  /** The target as words ("£0", "85%", "Plan: £1.2m") or null when there is none. */
  target: string | null;
}

const VARIATION_SHORT: Record<VariationIconKind, string> = {
  common: "Common cause",
  "improvement-high": "Improvement (high)",
  "improvement-low": "Improvement (low)",
  "concern-high": "Concern (high)",
  "concern-low": "Concern (low)",
  "neutral-high": "Special cause (high)",
  "neutral-low": "Special cause (low)",
};

const ASSURANCE_SHORT: Record<AssuranceIconKind, string> = {
  pass: "Consistently passing",
  fail: "Consistently failing",
  "hit-and-miss": "Hit and miss",
};

/**
 * The summary-icons table boards know from their integrated performance reports: metric,
 * latest value, target, variation icon and assurance icon, each icon with its words.
 */
export function SpcSummaryTable({ rows, caption }: { rows: SpcSummaryRow[]; caption: string }) {
  if (rows.length === 0) return <p>No metrics with monthly values yet.</p>;
  return (
    <DataTable
      caption={caption}
      className="text-sm"
      columns={[
        { label: "Metric" },
        { label: "Latest", align: "right" },
        { label: "Target", align: "right" },
        { label: "Variation" },
        { label: "Assurance" },
      ]}
    >
      {rows.map((r) => {
        const latest = r.chart.latest;
        const v = r.chart.variation;
        const a = r.chart.assurance;
        return (
          <tr key={r.key} className={rowClass} data-testid="spc-summary-row">
            <th scope="row" className={`${cellClass} font-normal`}>
              {r.href ? <Link href={r.href}>{r.metric}</Link> : r.metric}
            </th>
            <td className={numberCellClass}>
              {latest && latest.value !== null ? (
                <>
                  {formatSpcValue(latest.value, r.format)}
                  <span className="block text-xs text-nhs-secondary">{latest.label}</span>
                </>
              ) : (
                "–"
              )}
            </td>
            <td className={numberCellClass}>{r.target ?? "–"}</td>
            <td className={cellClass}>
              {v ? (
                <span className="flex items-center gap-2">
                  <VariationIcon icon={v} size={32} />
                  <span>{VARIATION_SHORT[v.kind]}</span>
                </span>
              ) : (
                "Too few points"
              )}
            </td>
            <td className={cellClass}>
              {a ? (
                <span className="flex items-center gap-2">
                  <AssuranceIcon icon={a} size={32} />
                  <span>{ASSURANCE_SHORT[a.kind]}</span>
                </span>
              ) : (
                "–"
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money";
import type { ProgrammeTypeRow } from "../programme-type-figures";
import { maturitySegments, percentText } from "../finance-dashboard-view";

const LABELS: Record<ProgrammeTypeRow["type"], string> = { CIP: "CIP", QIPP: "QIPP", TOTAL: "Total" };

/** CIP, QIPP and their total, each with its own target, identified, gap and maturity (shares of target or identified). */
export function ProgrammeTypeTable({ rows, caption }: { rows: ProgrammeTypeRow[]; caption: string }) {
  const stageLabels = maturitySegments(rows[0]?.stages ?? [], 0).map((s) => s.label);
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: "Programme" },
        { label: "Target", align: "right" },
        { label: "Identified", align: "right" },
        { label: "Unidentified gap", align: "right" },
        { label: "Risk-adjusted", align: "right" },
        ...stageLabels.map((label) => ({ label: `${label} share`, align: "right" as const })),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.type} className={`${rowClass} ${r.type === "TOTAL" ? "font-bold" : ""}`}>
          <th scope="row" className={`${cellClass} text-left`}>
            {LABELS[r.type]}
          </th>
          <td className={numberCellClass}>{formatMoney(r.targetPence)}</td>
          <td className={numberCellClass}>{formatMoney(r.identifiedPence)}</td>
          <td className={numberCellClass}>{formatMoney(Math.max(0, r.unidentifiedPence))}</td>
          <td className={numberCellClass}>{formatMoney(r.riskAdjustedPence)}</td>
          {r.stages.map((s) => (
            <td key={s.stage} className={numberCellClass}>
              {percentText(s.inYearPence, r.identifiedPence)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

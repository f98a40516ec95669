import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import type { SpcConfig } from "../get-spc-config";
import type { SpcValueFormat } from "../spc-format";
import type { SpcChart } from "../spc-types";
import { SpcChartFigure, type SpcReferenceLine } from "./spc-chart";
import { ChangePointForm, RemoveChangePointForm, SpcSettingsForm } from "./spc-settings-forms";

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: `M${i + 1} ${monthLabel((i + 1) as FinancialMonth)}`,
}));

/**
 * A chart with its recorded change points, and for finance/PMO of its owner the settings and
 * change-point forms (folded away, never printed).
 */
export function SpcPanel({
  id,
  title,
  chart,
  format,
  target,
  reference,
  config,
  chartRef,
  canConfigure,
  years,
}: {
  id: string;
  title: string;
  chart: SpcChart;
  format: SpcValueFormat;
  target?: number | null;
  reference?: SpcReferenceLine | null;
  config: SpcConfig;
  chartRef: { subject: "KPI" | "ORGANISATION_SAVINGS" | "SYSTEM_SAVINGS"; subjectId: string };
  canConfigure: boolean;
  years: number[];
}) {
  return (
    <div className="space-y-4">
      <SpcChartFigure id={id} title={title} chart={chart} format={format} target={target} reference={reference} />
      {config.changePoints.length > 0 && (
        <div>
          <h3 className="font-semibold">Change points</h3>
          <ul className="space-y-2 text-sm">
            {config.changePoints.map((c) => (
              <li key={c.id}>
                From {c.label}: {c.reason} (recorded by {c.recordedBy})
                {canConfigure && <RemoveChangePointForm changePointId={c.id} label={c.label ?? c.key} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {canConfigure && (
        <details className="no-print">
          <summary className="cursor-pointer font-semibold">Chart settings and change points</summary>
          <div className="mt-3 grid gap-6 md:grid-cols-2">
            <SpcSettingsForm
              chart={chartRef}
              idPrefix={id}
              version={config.version}
              screenMovingRanges={config.screenMovingRanges}
              baselinePoints={config.baselinePoints}
            />
            <ChangePointForm
              chart={chartRef}
              idPrefix={id}
              years={years.map((fy) => ({ value: formatFinancialYear(fy), label: formatFinancialYear(fy) }))}
              months={MONTHS}
            />
          </div>
        </details>
      )}
    </div>
  );
}

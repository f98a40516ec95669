import Link from "next/link";
import { routes } from "@/server/routes";
import type { KpiReading } from "../find-kpi-readings";

/**
 * The QIA's quality guardrails that show a special cause of concern at their latest point: a
 * scheme saving money must not be costing quality. Shown on the scheme, QIA and board pages.
 */
export function GuardrailAlert({ readings, showScheme = false }: { readings: KpiReading[]; showScheme?: boolean }) {
  const flagged = readings.filter((r) => r.guardrailConcern);
  if (flagged.length === 0) return null;
  return (
    <div role="alert" className="mb-4 border-l-8 border-nhs-red bg-white p-3" data-testid="guardrail-alert">
      <p className="font-semibold">
        {flagged.length === 1
          ? "A quality guardrail shows special cause of concern"
          : `${flagged.length} quality guardrails show special cause of concern`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {flagged.map((r) => (
          <li key={r.id}>
            <Link href={routes.kpi(r.id)}>{r.name}</Link>
            {showScheme && r.schemeName ? ` (${r.schemeName})` : ""}: {r.spc.chart.variation?.text}
            {r.spc.chart.latest ? `, latest ${r.spc.chart.latest.label}` : ""}.
          </li>
        ))}
      </ul>
    </div>
  );
}

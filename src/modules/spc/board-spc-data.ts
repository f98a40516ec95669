import { formatMoney } from "@/lib/money";
import { db } from "@/server/db";
import { findKpiReadings, type KpiReading } from "./find-kpi-readings";
import { DEFAULT_SPC_CONFIG, getSpcConfig } from "./get-spc-config";
import { findSavingsMonths, savingsSpc, type SavingsSpc } from "./savings-spc";
import { formatSpcValue } from "./spc-format";
import type { SpcSummaryRow } from "./components/spc-summary-table";
import { routes } from "@/server/routes";

/** How many KPI charts the board summary draws (the table lists every KPI). */
export const BOARD_KPI_CHARTS = 4;

export interface BoardSpc {
  savings: SavingsSpc;
  kpis: KpiReading[];
  /** Quality guardrails of the scope's schemes showing special cause of concern. */
  guardrails: KpiReading[];
  rows: SpcSummaryRow[];
  /** KPIs to draw: special causes first, then those with the most points. */
  charted: KpiReading[];
}

/**
 * Everything the board summary's SPC section shows for one organisation or the system view:
 * the savings charts (the scope's own settings), the programme and workstream KPIs of the
 * scope (its organisations' programmes and its systems' shared ones) and the flagged guardrails.
 * `scope` is already limited to what the actor may see.
 */
export async function boardSpc(scope: string[], organisationId: string | undefined, asAt: Date): Promise<BoardSpc> {
  const systems = [
    ...new Set(
      (await db().organisation.findMany({ where: { id: { in: scope } }, select: { systemId: true } })).map(
        (o) => o.systemId,
      ),
    ),
  ];
  const subject = organisationId
    ? ({ subject: "ORGANISATION_SAVINGS", subjectId: organisationId } as const)
    : systems.length === 1
      ? ({ subject: "SYSTEM_SAVINGS", subjectId: systems[0]! } as const)
      : null;
  const withActuals = { points: { some: { actual: { not: null } } } };
  const [months, config, kpis, qualityIndicators] = await Promise.all([
    findSavingsMonths(scope, asAt),
    subject ? getSpcConfig(subject.subject, subject.subjectId) : DEFAULT_SPC_CONFIG,
    findKpiReadings({
      ...withActuals,
      schemeId: null,
      OR: [
        { programme: { organisationId: { in: scope } } },
        { programme: { organisationId: null, systemId: { in: systems } } },
      ],
    }),
    findKpiReadings({ ...withActuals, qualityIndicator: true, scheme: { organisationId: { in: scope } } }, 500),
  ]);
  const savings = savingsSpc(months, config);
  const guardrails = qualityIndicators.filter((k) => k.guardrailConcern);
  const latestPlan = savings.plan.at(
    savings.delivered.points.findIndex((p) => p.key === savings.delivered.latest?.key),
  );
  const rows: SpcSummaryRow[] = [
    {
      key: "savings-delivered",
      metric: "Savings delivered in the month",
      chart: savings.delivered,
      format: { kind: "pence" },
      target: latestPlan === null || latestPlan === undefined ? null : `Plan ${formatMoney(latestPlan)}`,
    },
    {
      key: "savings-variance",
      metric: "Variance from plan in the month",
      chart: savings.variance,
      format: { kind: "pence" },
      target: formatMoney(0),
    },
    ...[...kpis, ...guardrails].map((k) => ({
      key: k.id,
      metric: k.schemeName ? `${k.name} (guardrail, ${k.schemeName})` : k.name,
      href: routes.kpi(k.id),
      chart: k.spc.chart,
      format: k.spc.format,
      target: k.spc.target === null ? null : formatSpcValue(k.spc.target, k.spc.format),
    })),
  ];
  const special = (k: KpiReading) =>
    k.spc.chart.points.some((p) => p.pointClass === "concern" || p.pointClass === "improvement") ? 0 : 1;
  const charted = [...guardrails, ...kpis]
    .filter((k) => k.spc.chart.segments.some((s) => s.limits))
    .sort((a, b) => special(a) - special(b) || b.spc.chart.points.length - a.spc.chart.points.length)
    .slice(0, BOARD_KPI_CHARTS);
  return { savings, kpis, guardrails, rows, charted };
}

import { financialYearOf } from "@/lib/financial-year";
import { can, type Actor } from "@/server/auth/actor";
import { DEFAULT_SPC_CONFIG, getSpcConfig } from "../get-spc-config";
import { findSavingsMonths, savingsSpc } from "../savings-spc";
import { canConfigureSystemSavings } from "../spc-subject";
import { SpcPanel } from "./spc-panel";

/** Which savings chart a dashboard selection shows: one organisation's, or its system's. */
export function savingsChartFor(
  actor: Actor,
  scope: readonly string[],
  organisationId: string | undefined,
): { subject: "ORGANISATION_SAVINGS" | "SYSTEM_SAVINGS"; subjectId: string; canConfigure: boolean } | null {
  if (organisationId) {
    return {
      subject: "ORGANISATION_SAVINGS",
      subjectId: organisationId,
      canConfigure: can(actor, "target.manage", organisationId),
    };
  }
  const systems = new Set(actor.organisations.filter((o) => scope.includes(o.id)).map((o) => o.systemId));
  if (systems.size !== 1) return null;
  const systemId = [...systems][0]!;
  return { subject: "SYSTEM_SAVINGS", subjectId: systemId, canConfigure: canConfigureSystemSavings(actor, systemId) };
}

/**
 * SPC charts of the savings delivered each month and of the variance from plan, for the
 * dashboard's and the board summary's selection. Loads its own data so a page adds it in one line.
 */
export async function SavingsSpcSection({
  actor,
  scope,
  organisationId,
  now = new Date(),
  configurable = true,
}: {
  actor: Actor;
  scope: readonly string[];
  organisationId: string | undefined;
  now?: Date;
  /** False on read-only pages (the board summary): no forms even for finance. */
  configurable?: boolean;
}) {
  const ref = savingsChartFor(actor, scope, organisationId);
  const [months, config] = await Promise.all([
    findSavingsMonths(scope, now),
    ref ? getSpcConfig(ref.subject, ref.subjectId) : null,
  ]);
  const cfg = config ?? DEFAULT_SPC_CONFIG;
  const spc = savingsSpc(months, cfg);
  const years = [...new Set([...months.map((m) => m.financialYear), financialYearOf(now)])].sort();
  const panel = {
    format: { kind: "pence" } as const,
    config: cfg,
    chartRef: ref ?? { subject: "ORGANISATION_SAVINGS" as const, subjectId: scope[0] ?? "" },
    canConfigure: configurable && (ref?.canConfigure ?? false),
    years,
  };
  return (
    <div className="grid grid-cols-1 gap-8 xl:grid-cols-2 print:grid-cols-1">
      <SpcPanel
        id="savings-delivered-spc"
        title="Savings delivered each month"
        chart={spc.delivered}
        reference={{ label: "Plan", values: spc.plan }}
        {...panel}
        canConfigure={false}
      />
      <div className="space-y-2">
        <SpcPanel
          id="savings-variance-spc"
          title="Variance from plan each month (delivered minus plan)"
          chart={spc.variance}
          target={0}
          {...panel}
        />
        <p className="text-sm text-nhs-secondary">
          The plan changes month by month, so assurance is read from the variance: a target of zero means delivering the
          plan. Both charts share their settings and change points.
        </p>
      </div>
    </div>
  );
}

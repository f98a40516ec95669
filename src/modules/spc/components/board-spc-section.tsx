import { BoardSection, type BoardSlotProps } from "@/modules/board/components/board-section";
import { boardSpc } from "../board-spc-data";
import { GuardrailAlert } from "./guardrail-alert";
import { SpcChartFigure, SpcChartKey } from "./spc-chart";
import { SpcSummaryTable } from "./spc-summary-table";

/**
 * The board summary's "Making Data Count" section (issue 14): the summary-icons table, the
 * flagged quality guardrails, and SPC charts of the savings and of the KPIs with special causes,
 * as small multiples that print on A4. Read-only: no forms, even for finance.
 */
export async function BoardSpcSection({ scope, organisationId, asAt }: BoardSlotProps) {
  const data = await boardSpc(scope, organisationId, asAt);
  // The finance pack is pages 1-2; Making Data Count follows as its own pages, like an IPR's annex.
  return (
    <div className="pack-page pack-page-break space-y-3">
      <BoardSection id="board-spc" title="Making Data Count: summary icons">
        <GuardrailAlert readings={data.guardrails} showScheme />
        <SpcSummaryTable
          rows={data.rows}
          caption="Each metric's latest value, target, variation icon and assurance icon (statistical process control)"
        />
      </BoardSection>
      <div className="pack-page-break">
        <BoardSection id="board-spc-charts" title="Making Data Count: SPC charts">
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3 print:grid-cols-3 print:gap-3">
            <SpcChartFigure
              id="board-savings-delivered"
              title="Savings delivered each month (plan dotted)"
              chart={data.savings.delivered}
              format={{ kind: "pence" }}
              reference={{ label: "Plan", values: data.savings.plan }}
              compact
            />
            <SpcChartFigure
              id="board-savings-variance"
              title="Variance from plan each month (target £0)"
              chart={data.savings.variance}
              format={{ kind: "pence" }}
              target={0}
              compact
            />
            {data.charted.map((k) => (
              <SpcChartFigure
                key={k.id}
                id={`board-kpi-${k.id}`}
                title={k.schemeName ? `${k.name} (${k.schemeName})` : k.name}
                chart={k.spc.chart}
                format={k.spc.format}
                target={k.spc.target}
                reference={k.spc.trajectory ? { label: "Trajectory", values: k.spc.trajectory } : null}
                compact
              />
            ))}
          </div>
          <SpcChartKey target={0} reference={{ label: "Plan or trajectory" }} />
        </BoardSection>
      </div>
    </div>
  );
}

import { formatFinancialYear, financialYearOf } from "@/lib/financial-year";
import { toCsv } from "@/lib/csv";
import { findRisksForExport } from "@/modules/risks/find-risks";
import { riskQuerySchema } from "@/modules/risks/risk-filter";
import { riskBand } from "@/modules/risks/risk-scoring";
import { getActor } from "@/server/auth/session";
import { canAnywhere } from "@/server/auth/actor";

export const dynamic = "force-dynamic";

/** The risk register as CSV, filtered exactly like the page. Read-only, so any viewer may export. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export the risk register.", { status: 401 });
  if (!canAnywhere(actor, "dashboard.view"))
    return new Response("You do not have access to the risk register.", { status: 403 });
  const query = riskQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const risks = await findRisksForExport(actor, query);
  const csv = toCsv(
    [
      "Title",
      "Organisation",
      "Programme or scheme",
      "Workstream",
      "Category",
      "Owner",
      "Cause",
      "Event",
      "Effect",
      "Inherent score",
      "Current likelihood",
      "Current consequence",
      "Current score",
      "Current band",
      "Target score",
      "Review date",
      "Status",
      "Closure reason",
    ],
    risks.map((r) => [
      r.title,
      r.scheme?.organisation.code ?? r.programme?.organisation?.code ?? "System",
      r.scheme ? `${r.scheme.code} ${r.scheme.title}` : (r.programme?.name ?? ""),
      r.workstream?.name ?? "",
      r.category,
      r.owner.name,
      r.cause,
      r.event,
      r.effect,
      r.inherentLikelihood * r.inherentConsequence,
      r.currentLikelihood,
      r.currentConsequence,
      r.currentScore,
      riskBand(r.currentScore).label,
      r.targetScore,
      r.reviewDate,
      r.status,
      r.closureReason ?? "",
    ]),
  );
  const stamp = `${formatFinancialYear(financialYearOf(new Date())).replace("/", "-")}-${new Date().toISOString().slice(0, 10)}`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="risk-register-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

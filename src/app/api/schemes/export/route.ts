import { formatFinancialYear } from "@/lib/financial-year";
import { findSchemesForExport } from "@/modules/schemes/register/find-scheme-register";
import { parseSchemeRegisterQuery } from "@/modules/schemes/register/register-filter";
import { schemeRegisterCsv } from "@/modules/schemes/register/scheme-register-csv";
import { canAnywhere } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** The scheme register as CSV, filtered and ordered exactly like the page. Read-only, so any viewer may export. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export the scheme register.", { status: 401 });
  if (!canAnywhere(actor, "dashboard.view"))
    return new Response("You do not have access to the scheme register.", { status: 403 });
  const now = new Date();
  const query = parseSchemeRegisterQuery(new URL(request.url).searchParams, now);
  const rows = await findSchemesForExport(actor, query, now);
  const stamp = `${formatFinancialYear(query.year).replace("/", "-")}-${now.toISOString().slice(0, 10)}`;
  return new Response(schemeRegisterCsv(rows, query.year), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="scheme-register-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

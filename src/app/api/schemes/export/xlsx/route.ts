import { formatFinancialYear } from "@/lib/financial-year";
import { findSchemesForExport } from "@/modules/schemes/register/find-scheme-register";
import { parseSchemeRegisterQuery } from "@/modules/schemes/register/register-filter";
import { schemeRegisterXlsx } from "@/modules/schemes/register/scheme-register-xlsx";
import { xlsxResponse } from "@/modules/spreadsheets/xlsx-response";
import { canAnywhere } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** The scheme register as .xlsx, filtered and ordered like the page, with a totals row. Read-only. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export the scheme register.", { status: 401 });
  if (!canAnywhere(actor, "dashboard.view"))
    return new Response("You do not have access to the scheme register.", { status: 403 });
  const now = new Date();
  const query = parseSchemeRegisterQuery(new URL(request.url).searchParams, now);
  const rows = await findSchemesForExport(actor, query, now);
  const stamp = `${formatFinancialYear(query.year).replace("/", "-")}-${now.toISOString().slice(0, 10)}`;
  return xlsxResponse(await schemeRegisterXlsx(rows, query.year), `scheme-register-${stamp}.xlsx`);
}

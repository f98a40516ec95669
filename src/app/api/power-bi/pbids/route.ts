import { env } from "@/env";
import { mayCreateApiToken } from "@/modules/api-tokens/api-token-access";
import { isPbidsTable, pbidsFile, pbidsFileName } from "@/modules/api-tokens/power-bi-data-source";
import { visibleOrganisationIds } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/**
 * A Power BI data-source file (?table=scheme-months&organisation=<id>) for someone who may hold
 * API tokens, pointing at the read API on this service's public URL (NEXTAUTH_URL, else the
 * request's own origin). The file carries no data and no credentials.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to download a Power BI data-source file.", { status: 401 });
  if (!mayCreateApiToken(actor))
    return new Response("Only people who may hold API tokens can download Power BI files.", { status: 403 });
  const params = new URL(request.url).searchParams;
  const table = params.get("table") ?? "";
  if (!isPbidsTable(table)) return new Response("Choose a table the read API offers.", { status: 400 });
  const organisationId = params.get("organisation") || undefined;
  if (organisationId && !visibleOrganisationIds(actor).includes(organisationId))
    return new Response("You cannot read this organisation's data.", { status: 403 });
  const code = organisationId ? actor.organisations.find((o) => o.id === organisationId)?.code : undefined;
  const base = env().NEXTAUTH_URL ?? new URL(request.url).origin;
  return new Response(pbidsFile(base, table, organisationId), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${pbidsFileName(table, code)}"`,
      "Cache-Control": "no-store",
    },
  });
}

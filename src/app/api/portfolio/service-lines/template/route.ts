import { serviceLineTemplate } from "@/modules/portfolio/service-line-template";
import { xlsxResponse } from "@/modules/spreadsheets/xlsx-response";
import { getActor } from "@/server/auth/session";
import { DomainError } from "@/server/errors";

export const dynamic = "force-dynamic";

/** The service-line template of one organisation (?organisation=<id>), for its finance or PMO. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to download the template.", { status: 401 });
  const organisationId = new URL(request.url).searchParams.get("organisation") ?? "";
  try {
    const { buffer, fileName } = await serviceLineTemplate(actor, organisationId);
    return xlsxResponse(buffer, fileName);
  } catch (error) {
    if (error instanceof DomainError && error.code === "FORBIDDEN") return new Response(error.message, { status: 403 });
    throw error;
  }
}

import { exportTrackerWorkbook } from "@/modules/imports/export-tracker";
import { xlsxResponse } from "@/modules/spreadsheets/xlsx-response";
import { getActor } from "@/server/auth/session";
import { DomainError } from "@/server/errors";

export const dynamic = "force-dynamic";

/** An organisation's schemes and months (?organisation=<id>) in the import workbook's format. Read-only. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export schemes.", { status: 401 });
  try {
    const { buffer, fileName } = await exportTrackerWorkbook(
      actor,
      new URL(request.url).searchParams.get("organisation") ?? "",
    );
    return xlsxResponse(buffer, fileName);
  } catch (error) {
    if (error instanceof DomainError && error.code === "FORBIDDEN") return new Response(error.message, { status: 403 });
    throw error;
  }
}

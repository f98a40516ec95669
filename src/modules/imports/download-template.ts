import type { Actor } from "@/server/auth/actor";
import { forbidden } from "@/server/errors";
import { importOrganisations, loadOrganisationReference } from "./import-reference";
import { importTemplateXlsx } from "./import-template";

/** The import template of one organisation, for finance of that organisation only. */
export async function downloadImportTemplate(actor: Actor, organisationId: string, now = new Date()) {
  const organisations = importOrganisations(actor);
  const organisation = organisations.find((o) => o.id === organisationId);
  if (!organisation) throw forbidden("Only finance of this organisation can download its import template.");
  const reference = await loadOrganisationReference(organisation.id);
  const buffer = await importTemplateXlsx(
    reference,
    organisations.map((o) => o.code),
    now,
  );
  return { buffer, fileName: `import-template-${organisation.code}-${now.toISOString().slice(0, 10)}.xlsx` };
}

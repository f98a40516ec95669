import type { Metadata } from "next";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { financialYearOf, formatFinancialYear } from "@/lib/financial-year";
import { SchemeForm } from "@/modules/schemes/components/scheme-form";
import { schemeCreationOrganisations } from "@/modules/schemes/scheme-access";
import { schemeFormOptions } from "@/modules/schemes/scheme-form-options";
import { can } from "@/server/auth/actor";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "New scheme" };

export default async function NewSchemePage({ searchParams }: { searchParams: Promise<{ organisation?: string }> }) {
  const actor = await requireActor();
  const allowed = schemeCreationOrganisations(actor);
  const { organisation: requested } = await searchParams;
  const current = await currentOrganisation(actor);
  const organisation =
    allowed.find((o) => o.id === requested) ?? allowed.find((o) => o.id === current?.id) ?? allowed[0];
  if (!organisation) return <AccessDenied what="creating schemes" />;
  const options = await schemeFormOptions(organisation.id);
  return (
    <>
      <PageHeader title={`New ${organisation.type === "ICB" ? "QIPP" : "CIP"} scheme`} caption={organisation.name} />
      <Card>
        <SchemeForm
          organisationId={organisation.id}
          options={options}
          canChooseLead={can(actor, "scheme.edit.any", organisation.id)}
          existing={undefined}
        />
        <p className="mt-4 text-sm text-nhs-secondary">
          New schemes start as opportunities in {formatFinancialYear(financialYearOf(new Date()))} unless you choose
          another year.
        </p>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { getProgramme } from "@/modules/programmes/find-programmes";
import { findRiskOwnerCandidates } from "@/modules/risks/find-risks";
import { RiskForm } from "@/modules/risks/components/risk-form";
import { canManageRisk } from "@/modules/risks/risk-access";
import { requireActor } from "@/server/auth/session";
import { getScheme } from "@/modules/schemes/get-scheme";
import { orNotFound } from "@/server/page-helpers";

export const metadata: Metadata = { title: "Raise a risk" };

export default async function NewRiskPage({
  searchParams,
}: {
  searchParams: Promise<{ programme?: string; workstream?: string; scheme?: string }>;
}) {
  const actor = await requireActor();
  const { programme: programmeId, workstream, scheme: schemeId } = await searchParams;
  if (schemeId) {
    const scheme = await orNotFound(getScheme(actor, schemeId));
    const owner = { organisationId: scheme.organisationId, systemId: scheme.organisation.systemId };
    if (!canManageRisk(actor, owner)) return <AccessDenied what="raising risks on this register" />;
    return (
      <>
        <PageHeader title="Raise a risk" caption={`${scheme.code} ${scheme.title}`} />
        <Card>
          <RiskForm
            schemeId={scheme.id}
            owners={await findRiskOwnerCandidates(owner.systemId)}
            defaultOwnerId={actor.userId}
          />
        </Card>
      </>
    );
  }
  if (!programmeId) return <AccessDenied what="this page without a programme or scheme" />;
  const programme = await orNotFound(getProgramme(actor, programmeId));
  if (!canManageRisk(actor, programme)) return <AccessDenied what="raising risks on this register" />;
  const owners = await findRiskOwnerCandidates(programme.systemId);
  return (
    <>
      <PageHeader title="Raise a risk" caption={programme.name} />
      <Card>
        <RiskForm
          programmeId={programme.id}
          workstreams={programme.workstreams.map((w) => ({ id: w.id, name: w.name }))}
          defaultWorkstreamId={workstream}
          owners={owners}
          defaultOwnerId={actor.userId}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { getProgramme } from "@/modules/programmes/find-programmes";
import { findRiskOwnerCandidates } from "@/modules/risks/find-risks";
import { RiskForm } from "@/modules/risks/components/risk-form";
import { canManageRisk } from "@/modules/risks/risk-access";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";

export const metadata: Metadata = { title: "Raise a risk" };

export default async function NewRiskPage({ searchParams }: { searchParams: Promise<{ programme?: string; workstream?: string }> }) {
  const actor = await requireActor();
  const { programme: programmeId, workstream } = await searchParams;
  if (!programmeId) return <AccessDenied what="this page without a programme" />;
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

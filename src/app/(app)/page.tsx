import { DataTable } from "@/components/ui/data-table";
import { countOf } from "@/lib/plural";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/page-header";
import { navigationFor } from "@/components/app-shell/navigation";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { canAnywhere } from "@/server/auth/actor";
import { routes } from "@/server/routes";
import { findActivities } from "@/modules/activities/find-activities";
import { findMyOverdueRiskWork, findTopRisks } from "@/modules/risks/find-risks";
import { RiskBandBadge } from "@/modules/risks/components/risk-band-badge";
import { formatDate } from "@/lib/dates";
import { findDueMonthlyUpdates } from "@/modules/schemes/financials/financials-reads";
import { monthName } from "@/modules/schemes/financials/month-grid";
import { findGatewayPipeline } from "@/modules/gateways/find-gateway-pipeline";
import { findQias } from "@/modules/quality/find-qias";
import { findMyUnreadMentions } from "@/modules/schemes/comments/comment-reads";
import { MarkReadAnnouncements, MarkReadButton } from "@/modules/notifications/components/mark-read-button";

export default async function HomePage() {
  const actor = await requireActor();
  // Signed in by SSO but given no role yet (modules/sso): nothing here to show.
  if (actor.organisations.length === 0) redirect(routes.awaitingAccess);
  const current = await currentOrganisation(actor);
  const sections = navigationFor(actor).filter((item) => item.href !== "/");
  const mine = canAnywhere(actor, "activity.update.own") ? await findActivities(actor, { mine: true }, new Date()) : [];
  const open = mine.filter((a) => a.status !== "DONE");
  const overdue = mine.filter((a) => a.overdue);
  const [riskWork, topRisks, due, pipeline, toSign, mentions] = await Promise.all([
    findMyOverdueRiskWork(actor),
    canAnywhere(actor, "risk.manage.any") ? findTopRisks(actor) : Promise.resolve([]),
    findDueMonthlyUpdates(actor, new Date()),
    canAnywhere(actor, "gateway.decide") ? findGatewayPipeline(actor) : Promise.resolve([]),
    canAnywhere(actor, "qia.sign") ? findQias(actor, { kind: "awaiting-me" }) : Promise.resolve([]),
    findMyUnreadMentions(actor.userId),
  ]);
  const toDecide = pipeline.filter((p) => p.mayDecide);
  const isLead = canAnywhere(actor, "scheme.edit.own");
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} caption={current?.name} />
      {actor.organisations.some((o) => o.roles.includes("BOARD")) && (
        <Card title="Board summary">
          <p className="mb-2">
            The savings position, maturity, delivery to date and top risks, ready to print for the board.
          </p>
          <Link href={routes.board} className="font-semibold">
            Open the board summary
          </Link>
        </Card>
      )}
      {/* Outside the condition: marking the last mention read removes the card, not its confirmation. */}
      <MarkReadAnnouncements>
        {(toDecide.length > 0 || toSign.length > 0 || mentions.length > 0) && (
          <Card title="Waiting for you">
            <ul className="list-disc space-y-1 pl-6">
              {toDecide.length > 0 && (
                <li>
                  <Link href={routes.gateways}>
                    {toDecide.length === 1 ? "1 gateway decision" : `${toDecide.length} gateway decisions`}
                  </Link>
                  , the oldest submitted {formatDate(toDecide[0]!.submittedAt)}
                </li>
              )}
              {toSign.length > 0 && (
                <li>
                  <Link href={`${routes.qias}?view=awaiting-me`}>
                    {toSign.length === 1 ? "1 QIA awaits your signature" : `${toSign.length} QIAs await your signature`}
                  </Link>
                </li>
              )}
              {mentions.map((m) => (
                <li key={m.id}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span>
                      <Link href={m.href}>{m.title}</Link>
                      {m.detail ? `: ${m.detail}` : ""}, {formatDate(m.createdAt)}
                    </span>
                    <MarkReadButton notificationId={m.id} what={m.title} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </MarkReadAnnouncements>
      {(isLead || due.schemes.length > 0) && (
        <Card title="Due this month">
          {due.schemes.length === 0 ? (
            <p>Your monthly updates for {monthName(due.financialYear, due.month)} are all in.</p>
          ) : (
            <>
              <p className="mb-2">
                Submit the monthly update for {monthName(due.financialYear, due.month)} on{" "}
                {due.schemes.length === 1 ? "this scheme" : `these ${due.schemes.length} schemes`}:
              </p>
              <ul className="list-disc space-y-1 pl-6">
                {due.schemes.map((s) => (
                  <li key={s.id}>
                    <Link href={routes.scheme(s.id)}>
                      {s.code} {s.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}
      {mine.length > 0 && (
        <Card title="My activities">
          <p className="mb-2">
            You lead {countOf(mine.length, "activity", "activities")}: {open.length} open,{" "}
            <strong className={overdue.length ? "text-nhs-red" : ""}>{overdue.length} overdue</strong>.
          </p>
          <Link href={routes.myActivities} className="font-semibold">
            Update my activities
          </Link>
        </Card>
      )}
      {(riskWork.reviews.length > 0 || riskWork.actions.length > 0) && (
        <Card title="Risk work overdue">
          <ul className="list-disc space-y-1 pl-6">
            {riskWork.reviews.map((r) => (
              <li key={r.id}>
                Review of <Link href={routes.risk(r.id)}>{r.title}</Link> was due {formatDate(r.reviewDate)}
              </li>
            ))}
            {riskWork.actions.map((a) => (
              <li key={a.id}>
                Action &ldquo;{a.description}&rdquo; on <Link href={routes.risk(a.risk.id)}>{a.risk.title}</Link> was
                due {formatDate(a.dueDate)}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {topRisks.length > 0 && (
        <Card title="Top risks">
          <ol className="space-y-2">
            {topRisks.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2">
                <RiskBandBadge score={r.currentScore} />
                <Link href={routes.risk(r.id)}>{r.title}</Link>
                <span className="text-nhs-secondary">
                  {r.registerName} · {r.owner.name}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      )}
      <Card title="Your roles">
        {actor.organisations.length === 0 ? (
          <p>You do not hold a role at any organisation yet. Ask an administrator to grant you one.</p>
        ) : (
          <DataTable
            caption="Organisations you can see and the roles you hold there"
            columns={[{ label: "Organisation" }, { label: "Roles" }]}
          >
            {actor.organisations.map((o) => (
              <tr key={o.id} className="border-b border-nhs-border">
                <td className="py-2">{o.name}</td>
                <td className="py-2">
                  {o.roles
                    .map(
                      (r) =>
                        ROLE_LABELS[r] +
                        (r === "CLINICAL_APPROVER" && o.clinicalCapacities.length
                          ? ` (${o.clinicalCapacities.join(", ").toLowerCase()})`
                          : ""),
                    )
                    .join(", ")}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      {sections.length > 0 && (
        <Card title="What you can do here">
          <ul className="list-disc pl-6">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

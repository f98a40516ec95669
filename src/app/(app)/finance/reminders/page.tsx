import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ReminderSettingsForm } from "@/modules/reminders/components/reminder-settings-form";
import { findRecentDigests } from "@/modules/notifications/find-digests";
import { formatDate } from "@/lib/dates";
import { DataTable } from "@/components/ui/data-table";
import { findReminderSettings } from "@/modules/reminders/set-reminder-settings";
import { financeOrganisations } from "@/modules/schemes/financials/financials-reads";
import { can } from "@/server/auth/actor";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Reminder settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReminderSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const organisations = financeOrganisations(actor).filter((o) => can(actor, "period.close", o.id));
  if (organisations.length === 0) return <AccessDenied what="reminder settings" />;
  const params = await searchParams;
  const current = await currentOrganisation(actor);
  const organisation =
    organisations.find((o) => o.id === params.organisation) ??
    organisations.find((o) => o.id === current?.id) ??
    organisations[0]!;
  const [settings, digests] = await Promise.all([
    findReminderSettings(organisation.id),
    findRecentDigests(organisation.id),
  ]);
  return (
    <>
      <PageHeader title="Reminder settings" caption={organisation.name} />
      {organisations.length > 1 && (
        <nav aria-label="Organisations" className="mb-6">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {organisations.map((o) => (
              <li key={o.id}>
                <Link
                  href={routes.reminderSettingsAt(o.id)}
                  aria-current={o.id === organisation.id ? "page" : undefined}
                  className={o.id === organisation.id ? "font-bold" : ""}
                >
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Card title="When reminders fall due">
        <p className="mb-4">
          {settings.usesDefaults
            ? "This organisation uses the default settings."
            : "This organisation has its own settings."}{" "}
          Leads, approvers, clinicians, risk owners and finance are reminded in the app and in a daily email digest.
        </p>
        <ReminderSettingsForm organisationId={organisation.id} {...settings} />
      </Card>
      <Card title="Who was reminded by email">
        {digests.length === 0 ? (
          <p>No reminder emails yet for people at this organisation.</p>
        ) : (
          <DataTable
            caption="The latest daily digests to people at this organisation"
            columns={[{ label: "Person" }, { label: "Day" }, { label: "Status" }, { label: "Items" }]}
          >
            {digests.map((d) => (
              <tr key={d.id} className="border-b border-nhs-border align-top">
                <td className="py-2">{d.user.name}</td>
                <td className="py-2">{formatDate(d.digestDate)}</td>
                <td className="py-2">
                  {d.status === "SENT" && d.sentAt
                    ? `Sent ${formatDate(d.sentAt)}`
                    : d.status === "FAILED"
                      ? `Failed after ${d.attempts} attempts`
                      : `Waiting to send (${d.attempts} attempts)`}
                </td>
                <td className="py-2">
                  <ul className="list-disc pl-5">
                    {d.itemTitles.map((t, i) => (
                      <li key={i}>{t}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <p>
        <Link href={routes.financeSettingsAt(organisation.id)}>Back to finance settings</Link>
      </p>
    </>
  );
}

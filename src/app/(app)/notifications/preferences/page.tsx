import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { env } from "@/env";
import { EmailPreferencesForm } from "@/modules/notifications/components/email-preferences-form";
import { findEmailPreferences } from "@/modules/notifications/email-preferences";
import { checkPreferencesToken } from "@/modules/notifications/preferences-token";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Email choices" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EmailPreferencesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const { token } = await searchParams;
  if (token !== undefined) {
    const check = checkPreferencesToken(
      typeof token === "string" ? token : "",
      actor.userId,
      env().NEXTAUTH_SECRET ?? "",
    );
    if (!check.ok) {
      return (
        <>
          <PageHeader title="This link cannot be used" />
          <Card>
            <p role="alert" className="mb-3">
              {check.reason === "someone-else"
                ? "This email-choices link belongs to someone else, so it cannot change anything for you. Nothing was changed."
                : "This email-choices link is not valid: it may have been changed or cut short. Nothing was changed."}
            </p>
            <Link href={routes.notificationPreferences}>Choose your own email settings</Link>
          </Card>
        </>
      );
    }
  }
  const choices = await findEmailPreferences(actor.userId);
  return (
    <>
      <PageHeader title="Email choices" caption={actor.email} />
      <Card>
        <p className="mb-4">
          Reminders always appear in the app. Choose, for each kind, whether they also come in your daily email digest,
          weekly on Mondays, or not by email. Emails hold only titles, due dates and links.
        </p>
        <EmailPreferencesForm choices={choices} />
      </Card>
      <p>
        <Link href={routes.notifications}>Back to notifications</Link>
      </p>
    </>
  );
}

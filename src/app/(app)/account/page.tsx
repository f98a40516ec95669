import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/modules/users/components/change-password-form";
import { requireActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader title="Your account" caption={actor.email} />
      <Card title="Change your password">
        <p className="mb-4">Changing it signs you out everywhere else: on other computers, phones and browsers.</p>
        <ChangePasswordForm />
      </Card>
    </>
  );
}

import { Card } from "@/components/ui/page-header";
import { smtpDescription } from "@/server/mail/mailer";

/** On the admin page: whether reminders also go by email, and through which server. */
export function EmailStatusCard() {
  const smtp = smtpDescription();
  return (
    <Card title="Email">
      {smtp ? (
        <p>Daily reminder digests are sent through {smtp}.</p>
      ) : (
        <p>
          <strong>No SMTP server is configured</strong>, so reminders appear in the app only and no email is sent. Set
          SMTP_HOST (and SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM) to send daily digests; see the
          README.
        </p>
      )}
    </Card>
  );
}

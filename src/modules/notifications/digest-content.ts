import { formatDate } from "@/lib/dates";

/**
 * The daily digest's text: plain text and accessible HTML (a heading, a list, real links, the
 * language set), one item per notification with its title, its due date and a link into the
 * app. Nothing else: no figures, no commentary, nothing patient-adjacent.
 */

export interface DigestItem {
  title: string;
  detail: string | null;
  /** App path, e.g. /schemes/<id>#monthly-update. */
  href: string;
}

export interface Digest {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderDigest(input: {
  name: string;
  today: Date;
  items: readonly DigestItem[];
  appUrl: string;
  preferencesUrl: string;
}): Digest {
  const base = input.appUrl.replace(/\/$/, "");
  const link = (href: string) => `${base}${href}`;
  const count = input.items.length === 1 ? "1 thing needs you" : `${input.items.length} things need you`;
  const subject = `Recovery Tracker: ${count} (${formatDate(input.today)})`;
  const text = [
    `Hello ${input.name},`,
    "",
    `${count} in Recovery Tracker today:`,
    "",
    ...input.items.flatMap((item) => [
      `- ${item.title}${item.detail ? ` (${item.detail})` : ""}`,
      `  ${link(item.href)}`,
    ]),
    "",
    `All your notifications: ${link("/notifications")}`,
    `Choose what you are emailed, or stop these emails: ${input.preferencesUrl}`,
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #212b32;">
<h1 style="font-size: 22px;">${escape(count)}</h1>
<p>Hello ${escape(input.name)}, this is your Recovery Tracker digest for ${escape(formatDate(input.today))}.</p>
<ul>
${input.items
  .map(
    (item) =>
      `<li><a href="${escape(link(item.href))}" style="color: #005eb8;">${escape(item.title)}</a>${
        item.detail ? ` <span>(${escape(item.detail)})</span>` : ""
      }</li>`,
  )
  .join("\n")}
</ul>
<p><a href="${escape(link("/notifications"))}" style="color: #005eb8;">See all your notifications</a></p>
<p><a href="${escape(input.preferencesUrl)}" style="color: #005eb8;">Choose what you are emailed, or stop these emails</a></p>
</body>
</html>
`;
  return { subject, text, html };
}

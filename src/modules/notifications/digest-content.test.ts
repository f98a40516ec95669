import { describe, expect, it } from "vitest";
import { renderDigest } from "./digest-content";

const digest = renderDigest({
  name: "Rachel <Barnes>",
  today: new Date("2025-12-04T00:00:00Z"),
  appUrl: "https://tracker.example.nhs.uk/",
  preferencesUrl: "https://tracker.example.nhs.uk/notifications/preferences?token=abc",
  items: [
    {
      title: "Monthly update for M8 Nov 2025/26: LTH-CIP-0001 Agency & bank",
      detail: "Due 3 Dec 2025",
      href: "/schemes/s1#monthly-update",
    },
    { title: "Risk review: Theatre staffing", detail: null, href: "/risks/r1" },
  ],
});

describe("renderDigest", () => {
  it("says how many things need the person, with the date, in the subject", () => {
    expect(digest.subject).toBe("Recovery Tracker: 2 things need you (4 Dec 2025)");
  });
  it("lists each item with its detail and an absolute link in the plain text", () => {
    expect(digest.text).toContain(
      "- Monthly update for M8 Nov 2025/26: LTH-CIP-0001 Agency & bank (Due 3 Dec 2025)\n  https://tracker.example.nhs.uk/schemes/s1#monthly-update",
    );
    expect(digest.text).toContain("- Risk review: Theatre staffing\n  https://tracker.example.nhs.uk/risks/r1");
    expect(digest.text).toContain(
      "stop these emails: https://tracker.example.nhs.uk/notifications/preferences?token=abc",
    );
  });
  it("is accessible, escaped HTML: language, heading, list of links", () => {
    expect(digest.html).toContain('<html lang="en-GB">');
    expect(digest.html).toContain("<h1");
    expect(digest.html).toContain("Hello Rachel &lt;Barnes&gt;");
    expect(digest.html).toContain(
      '<li><a href="https://tracker.example.nhs.uk/schemes/s1#monthly-update" style="color: #005eb8;">Monthly update for M8 Nov 2025/26: LTH-CIP-0001 Agency &amp; bank</a> <span>(Due 3 Dec 2025)</span></li>',
    );
  });
});

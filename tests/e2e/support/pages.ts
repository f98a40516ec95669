import { expect, type Locator, type Page } from "@playwright/test";

/** The Lancashire Teaching Hospitals sign-ins (prisma/seed/demo-organisations.ts). */
export const LTH = {
  /** Rachel Barnes, lead; linked to the lead "Director of Service Development". */
  lead: "lth-lead@demo.nhs.uk",
  /** David Fletcher, finance; linked to the lead "DoF". */
  finance: "lth-finance@demo.nhs.uk",
} as const;

/** A card of the page (a section under its h2 title), e.g. "Add a workstream". */
export function card(page: Page, title: string): Locator {
  return page
    .getByRole("main")
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

/** The caption line above the page's h1 (PageHeader). */
export function pageCaption(page: Page): Locator {
  return page.getByRole("main").locator("h1").locator("xpath=preceding-sibling::p");
}

/** Reads "N overdue" from the route map's and my activities' caption. */
export async function overdueInCaption(page: Page): Promise<number> {
  const caption = pageCaption(page);
  await expect(caption).toHaveText(/\d+ activities.* · \d+ overdue$/);
  return Number(/(\d+) overdue$/.exec((await caption.textContent()) ?? "")![1]);
}

/**
 * Forms outside the app header that write: not GET, with a way to submit them. The same
 * rule as board-read-only.spec.ts.
 */
export async function writeForms(page: Page): Promise<string[]> {
  return page.locator("form").evaluateAll((forms) =>
    forms
      .filter((form) => !form.closest("[data-app-header]"))
      .filter((form) => (form.getAttribute("method") ?? "").toLowerCase() !== "get")
      .filter((form) =>
        form.querySelector('button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]'),
      )
      .map((form) => form.outerHTML.slice(0, 300)),
  );
}

/** Buttons in the page's main content whose name starts with "Add" (write controls). */
export function addButtons(page: Page): Locator {
  return page.getByRole("main").getByRole("button", { name: /^Add\b/ });
}

/** A UUID from the end of a path such as /programmes/<id>. */
export function idFromPath(path: string | null): string {
  const match = /\/([0-9a-f-]{36})$/.exec(path ?? "");
  expect(match, `an id at the end of ${path}`).not.toBeNull();
  return match![1]!;
}

/** "yyyy-mm-dd", `days` from today (UTC). */
export function isoDateFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A short suffix that makes names unique per run, so a reused server never sees one twice. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

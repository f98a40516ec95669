import { expect, test, type Page } from "@playwright/test";
import { DEMO, mainNav, signIn, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

/**
 * Phones (issue 13 item 8): the menu folds behind a button, no page scrolls sideways at
 * 320 px (wide tables scroll inside their own box), and the register shows each scheme's
 * value and stage without scrolling.
 */

const PHONE = { width: 320, height: 640 };

/** Elements that reach past the viewport's right edge outside a scrolling box: what makes a page scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element) => {
      const style = getComputedStyle(el);
      return style.overflowX === "auto" || style.overflowX === "scroll" || style.overflowX === "hidden";
    };
    const offenders: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1) continue;
      let parent = el.parentElement;
      let clipped = false;
      while (parent && parent !== document.body) {
        if (scrolls(parent)) {
          clipped = true;
          break;
        }
        parent = parent.parentElement;
      }
      if (clipped) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).slice(0, 60)}`;
      offenders.push(`${name} right=${Math.round(rect.right)} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 8) };
  });
}

async function firstHref(page: Page, path: string, selector: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `a link ${selector} on ${path}`).toBeTruthy();
  return href!;
}

test("no main page scrolls sideways at 320 px", async ({ browser }) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, DEMO.finance);
  const scheme = await firstHref(page, "/schemes", "main table tbody a[href^='/schemes/']");
  const programme = await firstHref(page, "/programmes", "main a[href^='/programmes/']");
  const pages = [
    "/",
    "/dashboard",
    "/board",
    "/schemes",
    scheme,
    `${scheme}/qia`,
    "/schemes/new",
    "/qia",
    "/gateways",
    "/programmes",
    programme,
    "/route-map",
    "/risks",
    "/risks/new",
    "/portfolio",
    "/finance",
  ];
  const failures: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const { scrollWidth, offenders } = await sidewaysOverflow(page);
    if (scrollWidth > PHONE.width)
      failures.push(`${path}: scrollWidth ${scrollWidth}\n    ${offenders.join("\n    ")}`);
  }
  expect(failures, `pages wider than ${PHONE.width} px:\n${failures.join("\n")}`).toEqual([]);
  await context.close();
});

test("the menu folds behind a button on a phone and opens with it", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, DEMO.finance);
  const toggle = mainNav(page).getByRole("button", { name: "Menu" });
  await waitForHydration(toggle);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(mainNav(page).getByRole("link", { name: "Schemes", exact: true })).toBeHidden();
  await toggle.click();
  await expect(mainNav(page).getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
  await expectNoSeriousA11yViolations(page, "/ (phone, menu open)");
  await mainNav(page).getByRole("link", { name: "Schemes", exact: true }).click();
  await expect(page).toHaveURL(/\/schemes/);
  await expect(mainNav(page).getByRole("link", { name: "Schemes", exact: true })).toBeHidden();

  // The register: each row's value and stage are on screen without scrolling the table.
  const row = page.locator("main table tbody tr").first();
  const viewport = PHONE.width;
  for (const what of ["[data-register-stage]", "[data-register-value]"]) {
    const cell = row.locator(what).first();
    await expect(cell).toBeVisible();
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width, `${what} within the phone's width`).toBeLessThanOrEqual(viewport);
  }
  await expectNoSeriousA11yViolations(page, "/schemes (phone)");

  // On a desktop the menu is always open and there is no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(mainNav(page).getByRole("link", { name: "Schemes", exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole("button")).toBeHidden();
  await context.close();
});

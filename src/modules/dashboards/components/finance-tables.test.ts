import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FinanceHeadline } from "../finance-dashboard";
import { BreakdownTable, HeadlineTiles } from "./finance-tables";

const headline: FinanceHeadline = {
  elapsedMonths: 5,
  schemeCount: 6,
  targetPence: 150_000_000,
  identifiedPence: 108_000_004,
  riskAdjustedPence: 77_250_002,
  unidentifiedPence: 41_999_996,
  ytdPlanPence: 50_000_000,
  ytdActualPence: 38_500_001,
  ytdVariancePence: -11_499_999,
  forecastOutturnPence: 78_500_001,
  recurrentPence: 75_000_000,
  nonRecurrentPence: 33_000_004,
  cashReleasingPence: 85_000_001,
  wteSubstantiveHundredths: 350,
  wteBankHundredths: 125,
  wteAgencyHundredths: 75,
};

describe("finance dashboard tiles and tables", () => {
  it("renders each tile as a heading followed by its formatted value", () => {
    const html = renderToStaticMarkup(createElement(HeadlineTiles, { h: headline }));
    expect(html).toContain(
      '<h3 class="text-base font-semibold text-nhs-secondary">Unidentified gap</h3><p class="text-2xl font-bold">£420k</p>',
    );
    expect(html).toContain('>Target</h3><p class="text-2xl font-bold">£1.5m</p>');
    expect(html).toContain("Variance -£115k over 5 ended months");
    expect(html).toContain("-£715k against target");
    expect(html).toContain("6 schemes, 72.0% of target");
    expect(html).toContain("Recurrent share 69.4%; non-recurrent share 30.6%; cash-releasing share 78.7%");
    expect(html).toContain(">Net reduction of 5.50 WTE</p>");
    expect(html).toContain("Substantive -3.50 (reduction), Bank -1.25 (reduction), Agency -0.75 (reduction)");
    expect(
      renderToStaticMarkup(createElement(HeadlineTiles, { h: { ...headline, unidentifiedPence: -5_000_000 } })),
    ).toContain('Identified beyond target</h3><p class="text-2xl font-bold">£50k</p>');
  });

  it("shows WTE movements as the papers write them: an increase in substantive staff, larger reductions in bank and agency, and the net", () => {
    const html = renderToStaticMarkup(
      createElement(HeadlineTiles, {
        h: { ...headline, wteSubstantiveHundredths: -300, wteBankHundredths: 500, wteAgencyHundredths: 400 },
      }),
    );
    expect(html).toContain('WTE movements</h3><p class="text-2xl font-bold">Net reduction of 6.00 WTE</p>');
    expect(html).toContain("Substantive +3.00 (increase), Bank -5.00 (reduction), Agency -4.00 (reduction)");
    expect(html).not.toContain("WTE reductions");
  });

  it("renders breakdown rows as row headers linking to the filtered register (none for a 'No …' row)", () => {
    const row = {
      dimension: "category" as const,
      schemeCount: 1,
      identifiedPence: 100,
      riskAdjustedPence: 50,
      ytdPlanPence: 10,
      ytdActualPence: 20,
      ytdVariancePence: 10,
    };
    const html = renderToStaticMarkup(
      createElement(BreakdownTable, {
        dimension: "category",
        base: { year: 2025 },
        rows: [{ ...row, key: "PAY", label: "Pay" }],
      }),
    );
    expect(html).toContain('href="/schemes?stage=IDENTIFIED&amp;category=PAY&amp;year=2025-26"');
    expect(html).toContain('<th scope="row"');
    const none = renderToStaticMarkup(
      createElement(BreakdownTable, {
        dimension: "division",
        base: { year: 2025 },
        rows: [{ ...row, dimension: "division", key: null, label: "No division" }],
      }),
    );
    expect(none).not.toContain("href=");
  });
});

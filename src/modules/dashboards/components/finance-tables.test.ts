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
    // Compact in headlines, the exact figure on hover.
    expect(html).toContain(
      '<h3 class="text-base font-semibold text-nhs-secondary">Unidentified gap</h3><p class="text-2xl font-bold"><span title="£419,999.96" data-exact="£419,999.96">£420k</span></p>',
    );
    expect(html).toContain(
      '>Target</h3><p class="text-2xl font-bold"><span title="£1,500,000" data-exact="£1,500,000">£1.5m</span></p>',
    );
    // Adverse variance: minus sign, red, and said for screen readers.
    expect(html).toContain(
      'Variance <span class="font-semibold text-nhs-red" data-variance="adverse">-£115k<span class="sr-only"> (adverse)</span></span> over 5 ended month',
    );
    expect(html).toMatch(
      /data-variance="adverse">-£715k<span class="sr-only"> \(adverse\)<\/span><\/span> against target/,
    );
    expect(html).toContain("over 5 ended months; 77.0% of plan delivered");
    expect(html).toContain("6 schemes, 72.0% of target");
    // Recurrent and non-recurrent are two figures; shares to one decimal place.
    expect(html).toContain(
      '>Recurrent</h3><p class="text-2xl font-bold"><span title="£750,000" data-exact="£750,000">£750k</span></p>',
    );
    expect(html).toContain("Recurrent share 69.4% of identified");
    expect(html).toMatch(
      />Non-recurrent<\/h3><p class="text-2xl font-bold"><span title="£330,000.04"[^>]*>£330k<\/span>/,
    );
    expect(html).toContain("Non-recurrent share 30.6%; cash-releasing share 78.7%");
    expect(html).toContain(">Net reduction of 5.50 WTE</p>");
    expect(html).toContain("Substantive -3.50 (reduction), Bank -1.25 (reduction), Agency -0.75 (reduction)");
    expect(
      renderToStaticMarkup(createElement(HeadlineTiles, { h: { ...headline, unidentifiedPence: -5_000_000 } })),
    ).toContain(
      'Identified beyond target</h3><p class="text-2xl font-bold"><span title="£50,000" data-exact="£50,000">£50k</span></p>',
    );
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
    expect(html).toContain('<th scope="row" class="py-2 pr-2">Total</th>');
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

  it("shows exact pounds, the one variance convention and a total row in a breakdown", () => {
    const base = { dimension: "workstream" as const, schemeCount: 1, riskAdjustedPence: 0 };
    const html = renderToStaticMarkup(
      createElement(BreakdownTable, {
        dimension: "workstream",
        base: { year: 2025 },
        rows: [
          {
            ...base,
            key: "a",
            label: "A",
            identifiedPence: 145_000_000,
            ytdPlanPence: 1_000_000,
            ytdActualPence: 800_000,
            ytdVariancePence: -200_000,
          },
          {
            ...base,
            key: "b",
            label: "B",
            identifiedPence: 5_000_050,
            ytdPlanPence: 0,
            ytdActualPence: 50_000,
            ytdVariancePence: 50_000,
          },
        ],
      }),
    );
    expect(html).toContain(">£1,450,000<");
    expect(html).not.toContain("£1.5m");
    expect(html).toContain('data-variance="adverse">-£2,000<span class="sr-only"> (adverse)</span>');
    expect(html).toContain('data-variance="favourable">+£500<');
    // Total row: £1,450,000 + £50,000.50; variance -£2,000 + £500 = -£1,500 (adverse).
    expect(html).toMatch(/<tfoot>.*>£1,500,000.50<.*data-variance="adverse">-£1,500</s);
  });
});

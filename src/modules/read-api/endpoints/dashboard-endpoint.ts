import { financialYearOf } from "@/lib/financial-year";
import { financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { column, money, moneyColumns } from "../api-columns";
import { ORGANISATION_FILTER_DOC, idList, yearParam } from "../api-query";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

const wte = (hundredths: number) => hundredths / 100;

/** The finance dashboard's headline figures for the organisations in scope: one row. */
export const dashboardEndpoint = defineEndpoint({
  name: "dashboard",
  summary: "The finance dashboard's headline figures (one row) for the organisations and year chosen",
  filters: { organisation: idList, year: yearParam },
  filterDocs: {
    organisation: ORGANISATION_FILTER_DOC,
    year: "Financial year, 2025 or 2025-26; default: the current one.",
  },
  columns: [
    column("financialYear", "integer", "Financial year (2025 = 2025/26)."),
    column("elapsedMonths", "integer", "Months of the year that have ended (0-12)."),
    column("schemeCount", "integer", "Identified schemes (opportunity to complete)."),
    ...moneyColumns("target", "Savings target"),
    ...moneyColumns("identified", "In-year value of the identified schemes"),
    ...moneyColumns("riskAdjusted", "Identified value weighted by stage"),
    ...moneyColumns("unidentified", "Target minus identified (positive = a gap still to find)"),
    ...moneyColumns("ytdPlan", "Year-to-date plan"),
    ...moneyColumns("ytdActual", "Year-to-date actual"),
    ...moneyColumns("ytdVariance", "Year-to-date actual minus plan"),
    ...moneyColumns("forecastOutturn", "Forecast outturn: actual of ended months, else forecast, else plan"),
    ...moneyColumns("recurrent", "Identified value of recurrent schemes"),
    ...moneyColumns("nonRecurrent", "Identified value of non-recurrent schemes"),
    ...moneyColumns("cashReleasing", "Identified value of cash-releasing schemes"),
    column("wteSubstantive", "number", "Planned substantive WTE reduction (2 decimals)."),
    column("wteBank", "number", "Planned bank WTE reduction (2 decimals)."),
    column("wteAgency", "number", "Planned agency WTE reduction (2 decimals)."),
  ],
  async page(actor, f, { offset }, now) {
    const scope = await apiScope(actor, "dashboard", f.organisation);
    const year = f.year ?? financialYearOf(now);
    if (offset > 0) return { rows: [], total: 1 };
    const h = await financeHeadline(scope, year, now);
    return {
      total: 1,
      rows: [
        {
          financialYear: year,
          elapsedMonths: h.elapsedMonths,
          schemeCount: h.schemeCount,
          ...money("target", h.targetPence),
          ...money("identified", h.identifiedPence),
          ...money("riskAdjusted", h.riskAdjustedPence),
          ...money("unidentified", h.unidentifiedPence),
          ...money("ytdPlan", h.ytdPlanPence),
          ...money("ytdActual", h.ytdActualPence),
          ...money("ytdVariance", h.ytdVariancePence),
          ...money("forecastOutturn", h.forecastOutturnPence),
          ...money("recurrent", h.recurrentPence),
          ...money("nonRecurrent", h.nonRecurrentPence),
          ...money("cashReleasing", h.cashReleasingPence),
          wteSubstantive: wte(h.wteSubstantiveHundredths),
          wteBank: wte(h.wteBankHundredths),
          wteAgency: wte(h.wteAgencyHundredths),
        },
      ],
    };
  },
});

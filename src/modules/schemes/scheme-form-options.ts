import { financialYearOf, formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { financialYearOptions } from "@/server/financial-year-range";
import { findSchemeFormOptions } from "./get-scheme";
import { findProgrammeTypes } from "./financials/financials-reads";
import { PROGRAMME_TYPE_LABELS } from "@/modules/organisations/programme-types";
import type { SchemeFormOptions } from "./components/scheme-form";

/** Everything the scheme form offers at one organisation. */
export async function schemeFormOptions(organisationId: string, now = new Date()): Promise<SchemeFormOptions> {
  const [base, programmeTypes] = await Promise.all([
    findSchemeFormOptions(organisationId),
    findProgrammeTypes(organisationId),
  ]);
  const thisYear = financialYearOf(now);
  return {
    ...base,
    defaultYear: formatFinancialYear(thisYear),
    years: financialYearOptions(now),
    programmeTypes: programmeTypes.map((t) => ({ value: t, label: PROGRAMME_TYPE_LABELS[t] })),
    months: Array.from({ length: 12 }, (_, i) => ({
      value: String(i + 1),
      label: `M${i + 1} ${monthLabel((i + 1) as FinancialMonth)}`,
    })),
  };
}

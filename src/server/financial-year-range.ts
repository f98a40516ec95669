import { formatFinancialYear, type FinancialYear } from "@/lib/financial-year";
import { financialYearRange, yearsOfRange, type FinancialYearRange } from "@/lib/financial-year-range";
import { env } from "@/env";

/**
 * The service's financial-year range as at `now`, from its one setting (FINANCIAL_YEARS_FROM,
 * FINANCIAL_YEARS_AHEAD; defaults 2010/11 to five years ahead). Every year selector and every
 * year validator asks here.
 */
export function configuredYearRange(now = new Date()): FinancialYearRange {
  const { FINANCIAL_YEARS_FROM, FINANCIAL_YEARS_AHEAD } = env();
  return financialYearRange({ first: FINANCIAL_YEARS_FROM, yearsAhead: FINANCIAL_YEARS_AHEAD }, now);
}

/** Every year of the range, newest first: what each year selector offers. */
export function selectableYears(now = new Date()): FinancialYear[] {
  return yearsOfRange(configuredYearRange(now));
}

/** The range as form options ("2016/17"), newest first. */
export function financialYearOptions(now = new Date()): { value: string; label: string }[] {
  return selectableYears(now).map((fy) => ({ value: formatFinancialYear(fy), label: formatFinancialYear(fy) }));
}

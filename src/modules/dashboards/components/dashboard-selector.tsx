import { formatFinancialYear } from "@/lib/financial-year";
import { formatYearParam } from "@/modules/schemes/register/register-filter";
import { SYSTEM_VIEW } from "../finance-dashboard-view";

/** GET form choosing one organisation or the system view, and the financial year. Not printed. */
export function DashboardSelector({
  action,
  organisations,
  organisationId,
  year,
  years,
  programmeType,
  offerProgrammeTypes = false,
}: {
  action: string;
  organisations: { id: string; name: string }[];
  organisationId: string | undefined;
  year: number;
  years: number[];
  /** The chosen programme type (undefined = CIP and QIPP). */
  programmeType?: string;
  /** Offer the CIP / QIPP filter (the finance dashboard). */
  offerProgrammeTypes?: boolean;
}) {
  const selectClass = "mt-1 block rounded border-2 border-nhs-text bg-white px-2 py-1.5 font-normal";
  return (
    <form
      method="get"
      action={action}
      className="no-print flex flex-wrap items-end gap-4"
      aria-label="Choose the organisation and year"
    >
      <label className="font-semibold">
        Organisation
        <select name="org" defaultValue={organisationId ?? SYSTEM_VIEW} className={selectClass}>
          <option value={SYSTEM_VIEW}>All my organisations (system view)</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className="font-semibold">
        Financial year
        <select name="year" defaultValue={formatYearParam(year)} className={selectClass}>
          {years.map((y) => (
            <option key={y} value={formatYearParam(y)}>
              {formatFinancialYear(y)}
            </option>
          ))}
        </select>
      </label>
      {offerProgrammeTypes && (
        <label className="font-semibold">
          Programme
          <select name="type" defaultValue={programmeType ?? ""} className={selectClass}>
            <option value="">CIP and QIPP</option>
            <option value="CIP">CIP only</option>
            <option value="QIPP">QIPP only</option>
          </select>
        </label>
      )}
      <button type="submit" className="rounded bg-nhs-green px-4 py-2 font-semibold text-white">
        Show
      </button>
    </form>
  );
}

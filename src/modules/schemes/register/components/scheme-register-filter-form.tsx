import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { FINANCIAL_MONTHS, formatFinancialYear, monthLabel } from "@/lib/financial-year";
import { routes } from "@/server/routes";
import { SCHEME_CATEGORY_LABELS, SCHEME_STAGE_LABELS, SCHEME_STAGES } from "../../scheme-rules";
import type { Option } from "../find-scheme-register";
import { SCHEME_CATEGORIES, formatYearParam, schemeRegisterHref, type SchemeRegisterQuery } from "../register-filter";

const ALL = { value: "", label: "All" };
const RAG_OPTIONS = [
  { value: "RED", label: "Red" },
  { value: "AMBER", label: "Amber" },
  { value: "GREEN", label: "Green" },
  { value: "COMPLETE", label: "Complete (blue)" },
  { value: "NONE", label: "Not rated" },
];

export interface SchemeRegisterOptions {
  organisations: Option[];
  divisions: Option[];
  programmes: Option[];
  workstreams: Option[];
  leads: Option[];
  years: number[];
}

/** GET form: the filters live in the URL, so the dashboards can link to a filtered register. */
export function SchemeRegisterFilterForm({
  query,
  options,
}: {
  query: SchemeRegisterQuery;
  options: SchemeRegisterOptions;
}) {
  const years = [...new Set([...options.years, query.year])].sort((a, b) => b - a);
  return (
    <form
      method="get"
      action={routes.schemes}
      className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4"
      aria-label="Filter the scheme register"
    >
      {/* Keep the chosen order; a new filter starts again at page 1. */}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <FilterSelect
        label="Financial year"
        name="year"
        value={formatYearParam(query.year)}
        options={years.map((y) => ({ value: formatYearParam(y), label: formatFinancialYear(y) }))}
      />
      {options.organisations.length > 1 && (
        <FilterSelect
          label="Organisation"
          name="organisation"
          value={query.organisation}
          options={[ALL, ...options.organisations]}
        />
      )}
      <FilterSelect label="Division" name="division" value={query.division} options={[ALL, ...options.divisions]} />
      <FilterSelect label="Programme" name="programme" value={query.programme} options={[ALL, ...options.programmes]} />
      <FilterSelect
        label="Workstream"
        name="workstream"
        value={query.workstream}
        options={[ALL, ...options.workstreams]}
      />
      <FilterSelect
        label="Stage"
        name="stage"
        value={query.stage}
        options={[
          { value: "IDENTIFIED", label: "Identified (opportunity to complete)" },
          { value: "NOT_IDENTIFIED", label: "Not identified (on hold, rejected, withdrawn)" },
          { value: "ALL", label: "All stages" },
          ...SCHEME_STAGES.map((s) => ({ value: s, label: SCHEME_STAGE_LABELS[s] })),
        ]}
      />
      <FilterSelect label="Delivery RAG" name="rag" value={query.rag} options={[ALL, ...RAG_OPTIONS]} />
      <FilterSelect
        label="Category"
        name="category"
        value={query.category}
        options={[ALL, ...SCHEME_CATEGORIES.map((c) => ({ value: c, label: SCHEME_CATEGORY_LABELS[c] }))]}
      />
      <FilterSelect
        label="Recurrence"
        name="recurrence"
        value={query.recurrence}
        options={[ALL, { value: "recurrent", label: "Recurrent" }, { value: "non-recurrent", label: "Non-recurrent" }]}
      />
      <FilterSelect label="Lead" name="lead" value={query.lead} options={[ALL, ...options.leads]} />
      <FilterSelect
        label="Monthly update"
        name="noUpdate"
        value={query.noUpdate === undefined ? undefined : String(query.noUpdate)}
        options={[
          ALL,
          ...FINANCIAL_MONTHS.map((m) => ({ value: String(m), label: `Active, none for M${m} ${monthLabel(m)}` })),
        ]}
      />
      <label className="font-semibold">
        Search code, title or description
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          maxLength={200}
          className="mt-1 block w-full max-w-xs rounded border-2 border-nhs-text bg-white px-2 py-1.5 font-normal"
        />
      </label>
      <div className="flex items-end gap-4">
        <button type="submit" className="rounded bg-nhs-blue px-4 py-2 font-semibold text-white">
          Apply filters
        </button>
        <Link href={schemeRegisterHref({ year: query.year })}>Clear filters</Link>
      </div>
    </form>
  );
}

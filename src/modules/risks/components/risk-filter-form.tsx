import { FilterSelect } from "@/components/ui/filter-select";
import { routes } from "@/server/routes";
import type { RiskQuery } from "../risk-filter";
import { RISK_CATEGORY_LABELS } from "../risk-labels";
import { RISK_CATEGORIES } from "../risk-schemas";
import { DEFAULT_RISK_BANDS } from "../risk-scoring";

/** GET form: the filters live in the URL, so a filtered register can be bookmarked and shared. */
export function RiskFilterForm({
  query,
  programmes,
  organisations,
}: {
  query: RiskQuery;
  programmes: { value: string; label: string }[];
  organisations: { value: string; label: string }[];
}) {
  return (
    <form
      method="get"
      action={routes.risks}
      className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3"
      aria-label="Filter the risk register"
    >
      <input type="hidden" name="view" value={query.view} />
      {query.likelihood && <input type="hidden" name="likelihood" value={query.likelihood} />}
      {query.consequence && <input type="hidden" name="consequence" value={query.consequence} />}
      <FilterSelect
        label="Organisation"
        name="organisation"
        value={query.organisation}
        options={[{ value: "", label: "All" }, ...organisations]}
      />
      <FilterSelect
        label="Programme"
        name="programme"
        value={query.programme}
        options={[{ value: "", label: "All" }, ...programmes]}
      />
      <FilterSelect
        label="Level"
        name="level"
        value={query.level}
        options={[
          { value: "", label: "Programme and workstream" },
          { value: "programme", label: "Programme registers" },
          { value: "workstream", label: "Workstream registers" },
        ]}
      />
      <FilterSelect
        label="Category"
        name="category"
        value={query.category}
        options={[
          { value: "", label: "All" },
          ...RISK_CATEGORIES.map((c) => ({ value: c, label: RISK_CATEGORY_LABELS[c] })),
        ]}
      />
      <FilterSelect
        label="Band"
        name="band"
        value={query.band}
        options={[
          { value: "", label: "All" },
          ...DEFAULT_RISK_BANDS.map((b) => ({ value: b.key, label: `${b.label} (${b.min}–${b.max})` })),
        ]}
      />
      <FilterSelect
        label="Status"
        name="status"
        value={query.status}
        options={[
          { value: "OPEN", label: "Open" },
          { value: "CLOSED", label: "Closed" },
          { value: "ALL", label: "Open and closed" },
        ]}
      />
      <FilterSelect
        label="Sort by"
        name="sort"
        value={query.sort}
        options={[
          { value: "score", label: "Highest score" },
          { value: "review", label: "Review date" },
          { value: "title", label: "Title" },
          { value: "updated", label: "Recently changed" },
        ]}
      />
      <label className="font-semibold">
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          className="mt-1 block w-full max-w-xs rounded border-2 border-nhs-text bg-white px-2 py-1.5 font-normal"
        />
      </label>
      <label className="flex items-center gap-2 self-end font-semibold">
        <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} className="h-5 w-5" />
        Review overdue
      </label>
      <div className="self-end">
        <button type="submit" className="rounded bg-nhs-blue px-4 py-2 font-semibold text-white">
          Apply filters
        </button>
      </div>
    </form>
  );
}

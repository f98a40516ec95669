import { formatFinancialYear, formatTimescale } from "@/lib/financial-year";
import { activityLeadsText } from "../activity-display";
import { timescaleFromColumns } from "../activity-timescale";
import { ActivityText } from "./activity-text";
import { barFor, groupInOrder } from "../route-map";
import type { ActivityRow } from "../find-activities";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUS_STYLES, OVERDUE_STYLE, statusShown } from "../activity-status";

/**
 * Activities across the quarters of the chosen financial years: one row per activity, a bar
 * over the quarters of its timescale, coloured by status; overdue bars are outlined in red.
 * A table, so screen readers get activity, timescale and status in reading order.
 */
export function RouteMapGrid({
  activities,
  years,
  groupBy,
  currentQuarter,
}: {
  activities: ActivityRow[];
  years: { from: number; to: number };
  groupBy: "programme" | "workstream";
  currentQuarter: number;
}) {
  const fys = Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i);
  const columns = fys.length * 4;
  const groups = groupInOrder(activities, (a) =>
    groupBy === "workstream" ? `${a.programme.name} › ${a.workstream?.name ?? "Whole programme"}` : a.programme.name,
  );
  return (
    // A keyboard user scrolls the quarters sideways on a narrow screen: the region takes focus.
    <div
      className="relative overflow-x-auto"
      role="region"
      aria-label={`Route map, ${formatFinancialYear(years.from)} to ${formatFinancialYear(years.to)}`}
      tabIndex={0}
    >
      <table className="w-full min-w-[48rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">
          Route map: activities by quarter, {formatFinancialYear(years.from)} to {formatFinancialYear(years.to)}
        </caption>
        <colgroup>
          <col className="w-80" />
          {Array.from({ length: columns }, (_, i) => (
            <col key={i} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="border-b-2 border-nhs-border py-2 pr-2 text-left">
              Activity
            </th>
            {fys.map((fy) => (
              <th
                key={fy}
                scope="colgroup"
                colSpan={4}
                className="border-b border-l border-nhs-border py-1 text-center"
              >
                {formatFinancialYear(fy)}
              </th>
            ))}
          </tr>
          <tr>
            {fys.flatMap((fy) =>
              [1, 2, 3, 4].map((q) => (
                <th
                  key={`${fy}-${q}`}
                  scope="col"
                  className={`border-b-2 border-l border-nhs-border py-1 text-center font-normal ${fy * 4 + q - 1 === currentQuarter ? "bg-nhs-yellow" : ""}`}
                >
                  Q{q}
                  {fy * 4 + q - 1 === currentQuarter && <span className="sr-only"> (this quarter)</span>}
                </th>
              )),
            )}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            <tr>
              <th scope="colgroup" colSpan={columns + 1} className="bg-nhs-grey-bg py-2 pl-2 text-left text-base">
                {group.key}
              </th>
            </tr>
            {group.rows.map((a) => {
              const bar = barFor(a, years);
              const timescale = formatTimescale(timescaleFromColumns(a.startQuarter, a.endQuarter));
              const shown = statusShown(a.status, a.overdue);
              const barClass = `${shown ? ACTIVITY_STATUS_STYLES[shown] : OVERDUE_STYLE} rounded px-1 py-0.5 text-xs font-semibold ${a.overdue ? "outline outline-3 outline-offset-1 outline-nhs-red" : ""}`;
              const barText = [shown && ACTIVITY_STATUS_LABELS[shown], a.overdue && "Overdue"]
                .filter(Boolean)
                .join(" · ");
              return (
                <tr
                  key={a.id}
                  className="border-b border-nhs-border"
                  data-activity-id={a.id}
                  data-overdue={a.overdue || undefined}
                >
                  <th scope="row" className="py-2 pr-2 text-left align-top font-normal">
                    <ActivityText activity={a} />
                    <span className="block text-nhs-secondary">
                      {activityLeadsText(a)} · {timescale}
                    </span>
                  </th>
                  {bar.kind === "span" ? (
                    <>
                      {bar.firstColumn > 0 && <td colSpan={bar.firstColumn} className="border-l border-nhs-border" />}
                      <td colSpan={bar.columns} className="border-l border-nhs-border px-0.5 align-middle">
                        <div className={`${barClass} truncate`} title={barText}>
                          {bar.clippedStart ? "← " : ""}
                          {barText}
                          {bar.clippedEnd ? " →" : ""}
                        </div>
                      </td>
                      {columns - bar.firstColumn - bar.columns > 0 && (
                        <td colSpan={columns - bar.firstColumn - bar.columns} className="border-l border-nhs-border" />
                      )}
                    </>
                  ) : (
                    <td colSpan={columns} className="border-l border-nhs-border px-0.5">
                      <div
                        className={
                          bar.kind === "ongoing"
                            ? `${barClass} bg-[repeating-linear-gradient(45deg,transparent,transparent_6px,rgba(255,255,255,0.25)_6px,rgba(255,255,255,0.25)_12px)]`
                            : "text-nhs-secondary"
                        }
                      >
                        {bar.kind === "ongoing"
                          ? `Ongoing · ${barText}`
                          : bar.before
                            ? `Before ${formatFinancialYear(years.from)} · ${barText}`
                            : `After ${formatFinancialYear(years.to)} · ${barText}`}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

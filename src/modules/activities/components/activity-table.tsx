import { formatTimescale } from "@/lib/financial-year";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { activityLeadsText, activityNumberText } from "../activity-display";
import { timescaleFromColumns } from "../activity-timescale";
import { StatusBadge } from "./status-badge";

export interface ActivityTableRow {
  id: string;
  number: string | null;
  numberAsWritten: string | null;
  description: string;
  subItems: string[];
  leadsAsWritten: string | null;
  startQuarter: number | null;
  endQuarter: number | null;
  status: ActivityStatus;
  overdue: boolean;
  deliverables: string[];
  leads: { lead: { title: string } }[];
  workstream?: { name: string } | null;
}

export function ActivityTable({
  caption,
  activities,
  showWorkstream,
}: {
  caption: string;
  activities: ActivityTableRow[];
  showWorkstream?: boolean;
}) {
  if (activities.length === 0) return <p>No activities yet.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-nhs-border">
            <th scope="col" className="py-2 pr-2">
              No.
            </th>
            <th scope="col" className="py-2 pr-2">
              Activity
            </th>
            {showWorkstream && (
              <th scope="col" className="py-2 pr-2">
                Workstream
              </th>
            )}
            <th scope="col" className="py-2 pr-2">
              Lead
            </th>
            <th scope="col" className="py-2 pr-2">
              Timescale
            </th>
            <th scope="col" className="py-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {activities.map((a) => (
            <tr key={a.id} className="border-b border-nhs-border align-top">
              <td className="py-2 pr-2">{activityNumberText(a) ?? "–"}</td>
              <td className="py-2 pr-2">
                {a.description}
                {a.subItems.length > 0 && (
                  <ul className="mt-1 list-disc pl-5">
                    {a.subItems.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ul>
                )}
                {a.deliverables.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-nhs-secondary">
                    {a.deliverables.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                )}
              </td>
              {showWorkstream && <td className="py-2 pr-2">{a.workstream?.name ?? "–"}</td>}
              <td className="py-2 pr-2">{activityLeadsText(a)}</td>
              <td className="whitespace-nowrap py-2 pr-2">
                {formatTimescale(timescaleFromColumns(a.startQuarter, a.endQuarter))}
              </td>
              <td className="py-2">
                <StatusBadge status={a.status} overdue={a.overdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

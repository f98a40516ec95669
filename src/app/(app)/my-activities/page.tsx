import type { Metadata } from "next";
import { activityNumberText } from "@/modules/activities/activity-display";
import { countOf } from "@/lib/plural";
import Link from "next/link";
import { Announcer } from "@/components/ui/announcer";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatTimescale } from "@/lib/financial-year";
import { timescaleFromColumns } from "@/modules/activities/activity-timescale";
import { ActivityProgressForm } from "@/modules/activities/components/activity-progress-form";
import { StatusBadge } from "@/modules/activities/components/status-badge";
import { findActivities } from "@/modules/activities/find-activities";
import { holdsForProgramme } from "@/modules/programmes/programme-access";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "My activities" };

export default async function MyActivitiesPage() {
  const actor = await requireActor();
  const activities = await findActivities(actor, { mine: true }, new Date());
  const overdue = activities.filter((a) => a.overdue).length;
  // Overdue first, then the rest still open; finished ones are folded away.
  const open = activities.filter((a) => a.status !== "DONE").sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const done = activities.filter((a) => a.status === "DONE");
  return (
    <>
      <PageHeader
        title="My activities"
        caption={`${countOf(activities.length, "activity", "activities")} you lead across all programmes · ${overdue} overdue`}
      >
        <Link href={`${routes.routeMap}?mine=1`} className="font-semibold">
          See them on the route map
        </Link>
      </PageHeader>
      {activities.length === 0 && (
        <Card>
          <p>No activities name you as a lead. Leads are linked to people by finance or the PMO.</p>
        </Card>
      )}
      <Announcer>
        {open.map((a) => renderActivity(a))}
        {done.length > 0 && (
          <details className="mb-6">
            <summary className="cursor-pointer text-lg font-bold">Done ({done.length})</summary>
            <div className="mt-4">{done.map((a) => renderActivity(a))}</div>
          </details>
        )}
      </Announcer>
    </>
  );

  function renderActivity(a: (typeof activities)[number]) {
    const number = activityNumberText(a);
    const label = `${number ? `activity ${number}` : "activity"} of ${a.programme.name}`;
    return (
      <Card key={a.id}>
        <p className="text-nhs-secondary">
          <Link href={routes.programme(a.programme.id)}>{a.programme.name}</Link>
          {a.workstream ? ` › ${a.workstream.name}` : ""} ·{" "}
          {formatTimescale(timescaleFromColumns(a.startQuarter, a.endQuarter))}
        </p>
        <h2 className="mb-2 text-lg font-bold">
          {activityNumberText(a) ? `${activityNumberText(a)}. ` : ""}
          {a.description}
        </h2>
        {a.subItems.length > 0 && (
          <ul className="mb-2 list-disc pl-5">
            {a.subItems.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
        <p className="mb-3">
          <StatusBadge status={a.status} overdue={a.overdue} />
        </p>
        {holdsForProgramme(actor, "activity.update.own", a.programme) && (
          <ActivityProgressForm
            activity={{ id: a.id, version: a.version, status: a.status, deliverables: a.deliverables, label }}
          />
        )}
      </Card>
    );
  }
}

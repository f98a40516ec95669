import { activityNumberText, type WrittenActivity } from "../activity-display";

/** An activity's printed number, its description and its bullets, as the paper wrote them. */
export function ActivityText({
  activity,
}: {
  activity: WrittenActivity & { description: string; subItems?: string[] };
}) {
  const number = activityNumberText(activity);
  return (
    <>
      {number && <span className="font-semibold">{number}. </span>}
      {activity.description}
      {activity.subItems && activity.subItems.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {activity.subItems.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </>
  );
}

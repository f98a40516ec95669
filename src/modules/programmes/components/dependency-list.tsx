import Link from "next/link";
import { routes } from "@/server/routes";

const KIND_LABELS = { DEPENDENCY: "Dependency", CONSTRAINT: "Constraint", ASSUMPTION: "Assumption" } as const;

export interface DependencyItem {
  id: string;
  kind: keyof typeof KIND_LABELS;
  description: string;
  actions: string[];
  workstream?: { name: string } | null;
  dependsOnWorkstream?: { id: string; name: string } | null;
  dependsOnProgramme?: { id: string; name: string } | null;
}

export function DependencyList({ dependencies }: { dependencies: DependencyItem[] }) {
  if (dependencies.length === 0) return <p>None recorded.</p>;
  return (
    <ul className="space-y-3">
      {dependencies.map((d) => (
        <li key={d.id} className="border-l-4 border-nhs-border pl-3">
          <p className="font-semibold">
            {KIND_LABELS[d.kind]}
            {d.workstream && <span className="font-normal text-nhs-secondary"> · {d.workstream.name}</span>}
            {d.dependsOnWorkstream && (
              <span className="font-normal">
                {" "}
                on <Link href={routes.workstream(d.dependsOnWorkstream.id)}>{d.dependsOnWorkstream.name}</Link>
              </span>
            )}
            {d.dependsOnProgramme && (
              <span className="font-normal">
                {" "}
                on <Link href={routes.programme(d.dependsOnProgramme.id)}>{d.dependsOnProgramme.name}</Link>
              </span>
            )}
          </p>
          <p>{d.description}</p>
          {d.actions.length > 0 && (
            <p className="text-nhs-secondary">
              <span className="font-semibold">Actions: </span>
              {d.actions.join(" ")}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

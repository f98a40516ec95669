import Link from "next/link";
import { routes } from "@/server/routes";

export interface KpiItem {
  id: string;
  name: string;
  unit: string;
  baseline: { toString(): string } | null;
  target: { toString(): string } | null;
  baselineNote: string | null;
  targetNote: string | null;
  ownerLead?: { title: string } | null;
  workstream?: { name: string } | null;
}

export function KpiList({ kpis }: { kpis: KpiItem[] }) {
  if (kpis.length === 0) return <p>No KPIs yet.</p>;
  return (
    <ul className="space-y-3">
      {kpis.map((k) => (
        <li key={k.id}>
          <Link href={routes.kpi(k.id)} className="font-semibold">
            {k.name}
          </Link>
          <p className="text-sm text-nhs-secondary">
            {k.workstream ? `${k.workstream.name} · ` : ""}
            Baseline {k.baseline !== null ? `${k.baseline.toString()} ${k.unit}` : (k.baselineNote ?? "not set")} ·
            Target {k.target !== null ? `${k.target.toString()} ${k.unit}` : (k.targetNote ?? "not set")}
            {k.ownerLead ? ` · Owner ${k.ownerLead.title}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

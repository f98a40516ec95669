import type pg from "pg";
import { generateActivities } from "./activities";
import { generateAuditEvents } from "./audit-events";
import { generateFinanceSettings } from "./finance-settings";
import { generateGateways } from "./gateways";
import { generateOrganisations } from "./organisations";
import { generateProgrammes } from "./programmes";
import { generateRisks } from "./risks";
import { generateSchemes } from "./schemes";
import { generateUsers } from "./users";
import { emptyWorld, type BenchPlan, type World } from "./world";

/**
 * The table families in the order their foreign keys need. A new family (e.g. gateway
 * decisions, QIAs) is one more module with a `generate…(world, client)` function and one line
 * here; it reads what earlier families left in `world` and records what later ones need.
 */
export const FAMILIES: readonly {
  name: string;
  generate: (world: World, client: pg.ClientBase) => Promise<Record<string, number>>;
}[] = [
  { name: "organisations", generate: generateOrganisations },
  { name: "users", generate: generateUsers },
  { name: "programmes", generate: generateProgrammes },
  { name: "activities", generate: generateActivities },
  { name: "schemes", generate: generateSchemes },
  { name: "finance settings", generate: generateFinanceSettings },
  { name: "risks", generate: generateRisks },
  // After the risks: a scheme is only put in the gateway 2 pipeline with a risk on its register.
  { name: "gateways, QIA/EIA", generate: generateGateways },
  { name: "audit events", generate: generateAuditEvents },
];

export async function generateWorld(
  plan: BenchPlan,
  client: pg.ClientBase,
  log: (line: string) => void,
): Promise<World> {
  const world = emptyWorld(plan);
  // A throwaway data set: no need to wait for each batch to reach the disk.
  await client.query("SET synchronous_commit = off");
  for (const family of FAMILIES) {
    const started = performance.now();
    const counts = await family.generate(world, client);
    const rows = Object.entries(counts)
      .map(([table, n]) => `${table} ${n.toLocaleString("en-GB")}`)
      .join(", ");
    log(`  ${family.name.padEnd(17)} ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${rows}`);
  }
  return world;
}

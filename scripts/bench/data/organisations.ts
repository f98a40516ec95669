import type pg from "pg";
import { TableRows, cols } from "../lib/bulk-insert";
import { randomFor, type World } from "./world";

/**
 * health_system, organisation, division: one fictional integrated care system, its ICB and
 * five trusts of different sizes (40 divisions in all), so per-organisation figures differ.
 */

const ORGANISATIONS = [
  {
    code: "WDICB",
    kind: "ICB",
    name: "NHS Wyndale and Dunmoor Integrated Care Board",
    type: "ICB",
    schemeShare: 0.08,
    divisions: ["Acute commissioning", "Community and mental health", "Primary care", "Corporate"],
  },
  {
    code: "WUH",
    kind: "ACUTE",
    name: "Wyndale University Hospitals NHS Foundation Trust",
    type: "TRUST",
    schemeShare: 0.3,
    divisions: [
      "Surgery",
      "Medicine",
      "Women and children",
      "Clinical support",
      "Cancer services",
      "Emergency care",
      "Estates and facilities",
      "Corporate services",
      "Specialist services",
    ],
  },
  {
    code: "DGH",
    kind: "ACUTE",
    name: "Dunmoor General Hospital NHS Trust",
    type: "TRUST",
    schemeShare: 0.22,
    divisions: [
      "Surgery",
      "Medicine",
      "Women and children",
      "Clinical support",
      "Emergency care",
      "Estates and facilities",
      "Corporate services",
      "Integrated care",
    ],
  },
  {
    code: "NVT",
    kind: "ACUTE",
    name: "North Vale Teaching Hospitals NHS Trust",
    type: "TRUST",
    schemeShare: 0.18,
    divisions: [
      "Surgery",
      "Medicine",
      "Clinical support",
      "Emergency care",
      "Corporate services",
      "Women and children",
      "Cancer services",
    ],
  },
  {
    code: "WDCH",
    kind: "COMMUNITY",
    name: "Wyndale and Dunmoor Community Health NHS Trust",
    type: "TRUST",
    schemeShare: 0.12,
    divisions: [
      "Adult community services",
      "Children's services",
      "Urgent community response",
      "Therapies",
      "Corporate services",
      "Dental services",
    ],
  },
  {
    code: "WDMH",
    kind: "MENTAL_HEALTH",
    name: "Wyndale and Dunmoor Mental Health NHS Foundation Trust",
    type: "TRUST",
    schemeShare: 0.1,
    divisions: [
      "Adult mental health",
      "Older adults",
      "Learning disabilities",
      "Forensic services",
      "Corporate services",
      "Specialist services",
    ],
  },
] as const;

export async function generateOrganisations(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "organisations");
  const systems = new TableRows("health_system", cols("id:uuid", "name:text"));
  const organisations = new TableRows(
    "organisation",
    cols("id:uuid", "code:text", "name:text", "type:organisation_type", "kind:organisation_kind", "system_id:uuid"),
  );
  const divisions = new TableRows("division", cols("id:uuid", "organisation_id:uuid", "name:text"));

  world.systemId = random.uuid();
  systems.add({ id: world.systemId, name: "Wyndale and Dunmoor Integrated Care System" });
  for (const o of ORGANISATIONS) {
    const id = random.uuid();
    organisations.add({ id, code: o.code, name: o.name, type: o.type, kind: o.kind, system_id: world.systemId });
    const divisionIds = o.divisions.map((name) => {
      const divisionId = random.uuid();
      divisions.add({ id: divisionId, organisation_id: id, name });
      return divisionId;
    });
    world.organisations.push({ id, code: o.code, name: o.name, type: o.type, schemeShare: o.schemeShare, divisionIds });
  }
  return {
    health_system: await systems.insert(client),
    organisation: await organisations.insert(client),
    division: await divisions.insert(client),
  };
}

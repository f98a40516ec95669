import bcrypt from "bcryptjs";
import type pg from "pg";
import { TableRows, cols } from "../lib/bulk-insert";
import type { Random } from "../lib/random";
import { randomFor, type UserInfo, type World } from "./world";

/**
 * app_user, membership, lead: 200 people. At the ICB the system recovery PMO (finance,
 * system-wide), an administrator and a board member for the whole system, and commissioning
 * leads; at each trust finance (the director of finance, and two in the PMO capacity: gateways
 * 2 and 3 of schemes above the organisation's threshold need the director), clinical approvers
 * (a medical and a nursing signatory of QIAs), board members, an administrator and
 * scheme leads in proportion to its share of the schemes. Everyone signs in with
 * BENCH_PASSWORD; the hash is salted from the seed so the data stays deterministic.
 */

export const BENCH_PASSWORD = "Recovery-bench-2026";
const USERS = 200;

const FIRST = [
  "Aisha",
  "Ben",
  "Chloe",
  "David",
  "Emma",
  "Farid",
  "Grace",
  "Harry",
  "Imran",
  "Jade",
  "Kwame",
  "Laura",
  "Mohammed",
  "Nina",
  "Oliver",
  "Priya",
  "Rhys",
  "Sarah",
  "Tom",
  "Uma",
  "Victoria",
  "William",
  "Yusuf",
  "Zara",
];
const LAST = [
  "Ahmed",
  "Brown",
  "Clarke",
  "Davies",
  "Evans",
  "Fletcher",
  "Green",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Morgan",
  "Nwosu",
  "O'Brien",
  "Patel",
  "Roberts",
  "Singh",
  "Taylor",
  "Walker",
  "Wilson",
  "Wright",
  "Young",
  "Zhang",
];
const LEAD_TITLES = [
  ["DoF", "Director of Finance"],
  ["COO", "Chief Operating Officer"],
  ["CNO", "Chief Nursing Officer"],
  ["MD", "Medical Director"],
  ["CPO", "Chief People Officer"],
  ["CIO", "Chief Information Officer"],
  ["DoS", "Director of Strategy"],
  ["Deputy DoF", "Deputy Director of Finance"],
  ["Head of Procurement", null],
  ["Director of Estates", null],
  ["Head of Pharmacy", null],
  ["Head of Workforce Planning", null],
  ["Associate Director of Transformation", null],
  ["PMO Lead", "Recovery programme office lead"],
  ["Divisional Director of Surgery", null],
  ["Divisional Director of Medicine", null],
  ["Head of Pathology", null],
  ["Head of Temporary Staffing", null],
  ["Director of Commissioning", null],
  ["Head of Digital", null],
] as const;

function saltFrom(random: Random): string {
  const alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let salt = "";
  for (let i = 0; i < 22; i++) salt += alphabet[random.int(0, 63)];
  // The 22nd character carries only 2 bits: bcrypt accepts one of ".Oeu" there.
  return `$2b$10$${salt.slice(0, 21)}${random.pick([".", "O", "e", "u"])}`;
}

export async function generateUsers(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "users");
  const passwordHash = await bcrypt.hash(BENCH_PASSWORD, saltFrom(random));
  const users = new TableRows(
    "app_user",
    cols("id:uuid", "email:text", "name:text", "job_title:text", "password_hash:text"),
  );
  const memberships = new TableRows(
    "membership",
    cols(
      "id:uuid",
      "user_id:uuid",
      "organisation_id:uuid",
      "role:role",
      "clinical_capacity:clinical_capacity",
      "finance_capacity:finance_capacity",
      "system_wide:boolean",
    ),
  );
  const leads = new TableRows(
    "lead",
    cols("id:uuid", "system_id:uuid", "title:text", "description:text", "user_id:uuid"),
  );

  const add = (
    organisationId: string,
    role: UserInfo["role"],
    jobTitle: string,
    options: { systemWide?: boolean; capacity?: "MEDICAL" | "NURSING"; finance?: "DIRECTOR" | "PMO" } = {},
  ) => {
    const n = world.users.length + 1;
    const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`;
    const id = random.uuid();
    users.add({
      id,
      email: `bench.user${String(n).padStart(3, "0")}@bench.nhs.test`,
      name,
      job_title: jobTitle,
      password_hash: passwordHash,
    });
    memberships.add({
      id: random.uuid(),
      user_id: id,
      organisation_id: organisationId,
      role,
      clinical_capacity: options.capacity ?? null,
      finance_capacity: options.finance ?? null,
      system_wide: options.systemWide ?? false,
    });
    world.users.push({
      id,
      name,
      organisationId,
      role,
      systemWide: options.systemWide ?? false,
      ...(options.capacity ? { clinicalCapacity: options.capacity } : {}),
      ...(options.finance ? { financeCapacity: options.finance } : {}),
    });
  };

  const icb = world.organisations.find((o) => o.type === "ICB")!;
  add(icb.id, "FINANCE", "System recovery PMO director", { systemWide: true, finance: "DIRECTOR" });
  add(icb.id, "FINANCE", "System recovery PMO analyst", { systemWide: true, finance: "PMO" });
  add(icb.id, "ADMIN", "System administrator", { systemWide: true });
  add(icb.id, "BOARD", "ICB non-executive director", { systemWide: true });
  const trusts = world.organisations.filter((o) => o.type === "TRUST");
  const icbLeads = 12;
  const perTrustFixed = 9;
  const trustLeads = USERS - world.users.length - icbLeads - perTrustFixed * trusts.length;
  for (let i = 0; i < icbLeads; i++) add(icb.id, "LEAD", "QIPP programme manager");
  const shareTotal = trusts.reduce((s, t) => s + t.schemeShare, 0);
  let leadsLeft = trustLeads;
  trusts.forEach((trust, index) => {
    add(trust.id, "FINANCE", "Director of Finance", { finance: "DIRECTOR" });
    add(trust.id, "FINANCE", "Deputy Director of Finance", { finance: "PMO" });
    add(trust.id, "FINANCE", "Head of Financial Recovery", { finance: "PMO" });
    add(trust.id, "CLINICAL_APPROVER", "Medical Director", { capacity: "MEDICAL" });
    add(trust.id, "CLINICAL_APPROVER", "Chief Nurse", { capacity: "NURSING" });
    add(trust.id, "BOARD", "Chair");
    add(trust.id, "BOARD", "Non-executive director");
    add(trust.id, "BOARD", "Chief Executive");
    add(trust.id, "ADMIN", "Systems administrator");
    const count = index === trusts.length - 1 ? leadsLeft : Math.round((trustLeads * trust.schemeShare) / shareTotal);
    leadsLeft -= count;
    for (let i = 0; i < count; i++)
      add(
        trust.id,
        "LEAD",
        random.pick([
          "Service manager",
          "Divisional general manager",
          "Clinical lead",
          "Transformation manager",
          "Procurement lead",
        ]),
      );
  });

  const linkable = world.users.filter((u) => u.role === "FINANCE" || u.role === "LEAD");
  for (const [title, description] of LEAD_TITLES) {
    const id = random.uuid();
    leads.add({
      id,
      system_id: world.systemId,
      title,
      description,
      user_id: random.chance(0.7) ? random.pick(linkable).id : null,
    });
    world.leadIds.push(id);
  }
  return {
    app_user: await users.insert(client),
    membership: await memberships.insert(client),
    lead: await leads.insert(client),
  };
}

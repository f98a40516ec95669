import { beforeAll, describe, expect, it } from "vitest";
import { createDivision } from "@/modules/organisations/create-division";
import { createOrganisation } from "@/modules/organisations/create-organisation";
import { createDivisionSchema, createOrganisationSchema } from "@/modules/organisations/organisation-schemas";
import { createUser } from "@/modules/users/create-user";
import { grantRole, revokeRole } from "@/modules/users/grant-role";
import { createUserSchema, grantRoleSchema, revokeRoleSchema } from "@/modules/users/user-schemas";
import type { Actor } from "@/server/auth/actor";
import * as factories from "../factories";
import { rowCounts, runAction, type ActionResult } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Bad input to the admin use cases, run as the server action runs them (zod, then the use
 * case): the answer names the field at fault, and nothing is written.
 */

interface Fixtures {
  admin: Actor;
  systemId: string;
  icb: string;
  trust: string;
  existingUserId: string;
  existingEmail: string;
  existingOrganisation: { code: string; name: string; odsCode: string };
}
let f: Fixtures;

type Case = [
  label: string,
  field: string,
  code: "VALIDATION" | "CONFLICT" | "INVALID",
  run: () => Promise<ActionResult<unknown>>,
];

const validUser = () => ({
  name: "Jo Bloggs",
  email: `jo-${factories.uniqueToken().toLowerCase()}@test.nhs.uk`,
  jobTitle: "Service manager",
  password: "a-long-enough-password",
  organisationId: f.trust,
  role: "LEAD",
});
const user = (changes: Record<string, unknown>) => () =>
  runAction(createUserSchema, createUser, f.admin, { ...validUser(), ...changes });
const division = (changes: Record<string, unknown>) => () =>
  runAction(createDivisionSchema, createDivision, f.admin, { organisationId: f.trust, name: "Theatres", ...changes });
const organisation = (changes: Record<string, unknown>) => () =>
  runAction(createOrganisationSchema, createOrganisation, f.admin, {
    name: `New Trust ${factories.uniqueToken()}`,
    code: factories.uniqueToken(),
    odsCode: factories.uniqueOdsCode(),
    kind: "MENTAL_HEALTH",
    systemId: f.systemId,
    ...changes,
  });
const grant = (changes: Record<string, unknown>) => () =>
  runAction(grantRoleSchema, grantRole, f.admin, {
    userId: f.existingUserId,
    organisationId: f.trust,
    role: "FINANCE",
    ...changes,
  });

const CASES: Case[] = [
  // createUser: zod
  ["user: name of the wrong type", "name", "VALIDATION", user({ name: 42 })],
  ["user: empty name", "name", "VALIDATION", user({ name: "" })],
  ["user: blank name", "name", "VALIDATION", user({ name: "   " })],
  ["user: over-long name", "name", "VALIDATION", user({ name: "x".repeat(121) })],
  ["user: missing email", "email", "VALIDATION", user({ email: undefined })],
  ["user: malformed email", "email", "VALIDATION", user({ email: "not-an-email" })],
  ["user: over-long email", "email", "VALIDATION", user({ email: `${"a".repeat(250)}@nhs.net` })],
  ["user: over-long job title", "jobTitle", "VALIDATION", user({ jobTitle: "x".repeat(121) })],
  ["user: short password", "password", "VALIDATION", user({ password: "short" })],
  ["user: over-long password", "password", "VALIDATION", user({ password: "p".repeat(201) })],
  ["user: unknown role", "role", "VALIDATION", user({ role: "SUPERUSER" })],
  ["user: organisation that is not a uuid", "organisationId", "VALIDATION", user({ organisationId: "lth" })],
  ["user: clinical approver without a capacity", "clinicalCapacity", "VALIDATION", user({ role: "CLINICAL_APPROVER" })],
  [
    "user: unknown clinical capacity",
    "clinicalCapacity",
    "VALIDATION",
    user({ role: "CLINICAL_APPROVER", clinicalCapacity: "SURGICAL" }),
  ],
  [
    "user: capacity on a role that is not clinical",
    "clinicalCapacity",
    "VALIDATION",
    user({ role: "LEAD", clinicalCapacity: "MEDICAL" }),
  ],
  ["user: system-wide of the wrong type", "systemWide", "VALIDATION", user({ systemWide: "yes" })],
  // createUser: the use case
  ["user: email already used (any case)", "email", "CONFLICT", () => user({ email: f.existingEmail.toUpperCase() })()],
  ["user: system-wide role at a trust", "systemWide", "INVALID", user({ role: "ADMIN", systemWide: "on" })],
  // createDivision
  ["division: empty name", "name", "VALIDATION", division({ name: "" })],
  ["division: one-letter name", "name", "VALIDATION", division({ name: "X" })],
  ["division: over-long name", "name", "VALIDATION", division({ name: "d".repeat(121) })],
  ["division: organisation that is not a uuid", "organisationId", "VALIDATION", division({ organisationId: "12345" })],
  ["division: name already used at the organisation (any case)", "name", "CONFLICT", division({ name: "  surgery " })],
  // createOrganisation
  ["organisation: name too short", "name", "VALIDATION", organisation({ name: "AB" })],
  ["organisation: over-long name", "name", "VALIDATION", organisation({ name: "n".repeat(201) })],
  ["organisation: code with symbols", "code", "VALIDATION", organisation({ code: "lth-1" })],
  ["organisation: over-long code", "code", "VALIDATION", organisation({ code: "ABCDEFGHIJKLM" })],
  ["organisation: unknown kind", "kind", "VALIDATION", organisation({ kind: "HOSPITAL" })],
  ["organisation: ODS code in the wrong format", "odsCode", "VALIDATION", organisation({ odsCode: "LTH" })],
  ["organisation: ODS code too long", "odsCode", "VALIDATION", organisation({ odsCode: "RXN01" })],
  ["organisation: no ODS code", "odsCode", "VALIDATION", organisation({ odsCode: "  " })],
  ["organisation: an ICB's ODS code for a trust", "odsCode", "VALIDATION", organisation({ odsCode: "QE1" })],
  [
    "organisation: a trust's ODS code for an ICB",
    "odsCode",
    "VALIDATION",
    organisation({ kind: "ICB", odsCode: "RXN" }),
  ],
  ["organisation: a second ICB in the system", "kind", "CONFLICT", organisation({ kind: "ICB", odsCode: "Q99" })],
  [
    "organisation: ODS code already used (any case)",
    "odsCode",
    "CONFLICT",
    () => organisation({ odsCode: f.existingOrganisation.odsCode.toLowerCase() })(),
  ],
  ["organisation: system that is not a uuid", "systemId", "VALIDATION", organisation({ systemId: 7 })],
  [
    "organisation: code already used (any case)",
    "code",
    "CONFLICT",
    () => organisation({ code: f.existingOrganisation.code.toLowerCase() })(),
  ],
  [
    "organisation: name already used (any case)",
    "name",
    "CONFLICT",
    () => organisation({ name: f.existingOrganisation.name.toUpperCase() })(),
  ],
  // grantRole / revokeRole
  ["grant: user that is not a uuid", "userId", "VALIDATION", grant({ userId: "someone" })],
  ["grant: unknown role", "role", "VALIDATION", grant({ role: "ROOT" })],
  [
    "grant: clinical approver without a capacity",
    "clinicalCapacity",
    "VALIDATION",
    grant({ role: "CLINICAL_APPROVER" }),
  ],
  ["grant: system-wide role at a trust", "systemWide", "INVALID", grant({ systemWide: true })],
  ["grant: role already held there", "role", "CONFLICT", grant({ role: "LEAD" })],
  [
    "revoke: role that is not a uuid",
    "membershipId",
    "VALIDATION",
    () => runAction(revokeRoleSchema, revokeRole, f.admin, { membershipId: "x" }),
  ],
];

describe("admin use cases: bad input", () => {
  useTestDatabase();

  beforeAll(async () => {
    const { system, icb } = await factories.createSystemWithOrganisations({ trusts: 0 });
    const trust = await factories.createOrganisation({ systemId: system.id, odsCode: factories.uniqueOdsCode() });
    await factories.createDivision({ organisationId: trust.id, name: "Surgery" });
    const existing = await factories.createUser({ roles: [{ organisationId: trust.id, role: "LEAD" }] });
    f = {
      admin: await factories.createActor([{ organisationId: icb.id, role: "ADMIN", systemWide: true }]),
      systemId: system.id,
      icb: icb.id,
      trust: trust.id,
      existingUserId: existing.id,
      existingEmail: existing.email,
      existingOrganisation: { code: trust.code, name: trust.name, odsCode: trust.odsCode! },
    };
  });

  it.each(CASES)("%s → %s: %s", async (_label, field, code, run) => {
    const before = await rowCounts();
    const result = await run();
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    expect(result.fieldErrors![field]![0]).toMatch(/\w{3}/);
    expect(await rowCounts()).toEqual(before);
  });

  it("accepts the valid input the cases above start from (so each case fails for its own reason)", async () => {
    for (const run of [
      user({}),
      division({ name: `Division ${factories.uniqueToken()}` }),
      organisation({}),
      grant({}),
    ]) {
      expect(await run()).toMatchObject({ ok: true });
    }
  });

  it("stores what zod normalised: trimmed text, lower-case email, upper-case code", async () => {
    const email = `Mixed.Case-${factories.uniqueToken()}@Test.NHS.uk`;
    const created = await user({ email: `  ${email} `, name: "  Sam Spaced  " })();
    expect(created).toMatchObject({ ok: true, data: { email: email.toLowerCase(), name: "Sam Spaced" } });
    const code = factories.uniqueToken();
    expect(await organisation({ code: ` ${code.toLowerCase()} ` })()).toMatchObject({ ok: true, data: { code } });
  });
});

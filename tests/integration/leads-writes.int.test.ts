import { beforeAll, describe, expect, it } from "vitest";
import { createLeadSchema, linkLeadSchema } from "@/modules/leads/lead-schemas";
import { createLead, linkLead } from "@/modules/leads/lead-writes";
import { db } from "@/server/db";
import { createUser, uniqueToken } from "../factories";
import {
  PROGRAMME_ACTORS,
  checkMatrixCell,
  createLeadRow,
  createProgrammeWorld,
  outcomes,
  type MatrixSpec,
  type ProgrammeWorld,
} from "../factories/programmes";
import { rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Leads belong to a system and are shared by its programmes: finance/PMO or administrators at
 * any organisation of that system keep them. Another system's lead is NOT_FOUND.
 */

let w: ProgrammeWorld;

const KEEPERS = outcomes([
  "FINANCE at the trust",
  "ADMIN at the trust",
  "FINANCE at the ICB, system-wide",
  "FINANCE at the ICB, not system-wide",
  "FINANCE at another trust of the system",
]);

/** Someone working at the trust, to link leads to. */
const personAtTrust = () => createUser({ roles: [{ organisationId: w.trustId, role: "LEAD" }] });

const SPECS: MatrixSpec[] = [
  {
    name: "createLead",
    expected: KEEPERS,
    action: "lead.create",
    entityType: "lead",
    changes: { lead: 1, audit_event: 1 },
    prepare: async () => {
      const person = await personAtTrust();
      const title = `Director of Service Development ${uniqueToken()}`;
      return {
        organisationId: null,
        raw: { systemId: w.systemId, title, description: "DSD", userId: person.id },
        snapshot: () => db().lead.count({ where: { title } }),
        verify: async ({ entityId }) => {
          expect(await db().lead.findUniqueOrThrow({ where: { id: entityId } })).toMatchObject({
            systemId: w.systemId,
            title,
            description: "DSD",
            userId: person.id,
          });
        },
      };
    },
    run: (actor, raw) =>
      runAction(createLeadSchema, async (a, input) => ({ entityId: (await createLead(a, input)).id }), actor, raw),
  },
  {
    name: "linkLead",
    expected: { ...KEEPERS, "FINANCE at another system's ICB, system-wide": "NOT_FOUND" },
    action: "lead.link",
    entityType: "lead",
    changes: { audit_event: 1 },
    prepare: async () => {
      const lead = await createLeadRow({ systemId: w.systemId });
      const person = await personAtTrust();
      return {
        organisationId: null,
        raw: { leadId: lead.id, userId: person.id },
        snapshot: () => db().lead.findUniqueOrThrow({ where: { id: lead.id } }),
        verify: async () => {
          expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
            userId: person.id,
            title: lead.title,
          });
        },
      };
    },
    run: (actor, raw) =>
      runAction(linkLeadSchema, async (a, input) => ({ entityId: (await linkLead(a, input)).id }), actor, raw),
  },
];

describe("lead writes", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
  });

  describe.each(SPECS)("authorization: $name", (spec) => {
    it.each(PROGRAMME_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key, expected) => {
      await checkMatrixCell(spec, w.actors[key], expected);
    });
  });

  describe("bad input: a field error, nothing written", () => {
    const finance = () => w.actors["FINANCE at the trust"];

    it.each([
      ["a title of one character", { title: "D" }, "VALIDATION", "title", /at least 2 characters/],
      ["a title of 121 characters", { title: "x".repeat(121) }, "VALIDATION", "title", /120 characters or fewer/],
      [
        "a description of 201 characters",
        { description: "x".repeat(201) },
        "VALIDATION",
        "description",
        /200 characters or fewer/,
      ],
      ["a title that is not text", { title: 7 }, "VALIDATION", "title", /Enter the lead's role title/],
      ["a user id that is not a uuid", { userId: "bob" }, "VALIDATION", "userId", /Choose a person from the list/],
      [
        "a user who does not exist",
        { userId: "00000000-0000-4000-8000-000000000000" },
        "INVALID",
        "userId",
        /works in this system/,
      ],
    ] as const)("createLead with %s", async (_label, change, code, field, message) => {
      const before = await rowCounts();
      const raw = { systemId: w.systemId, title: `Lead ${uniqueToken()}`, ...change };
      const result = await runAction(createLeadSchema, createLead, finance(), raw);
      expect(result).toMatchObject({ ok: false, code, fieldErrors: { [field]: [expect.stringMatching(message)] } });
      expect(await rowCounts()).toEqual(before);
    });

    it("createLead refuses a person who works only in another system", async () => {
      const outsider = await createUser({ roles: [{ organisationId: w.otherIcbId, role: "LEAD" }] });
      const before = await rowCounts();
      const result = await runAction(createLeadSchema, createLead, finance(), {
        systemId: w.systemId,
        title: `Lead ${uniqueToken()}`,
        userId: outsider.id,
      });
      expect(result).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { userId: [expect.stringMatching(/works in this system/)] },
      });
      expect(await rowCounts()).toEqual(before);
    });

    it("createLead refuses a title the system already has, in any case", async () => {
      const existing = await createLeadRow({ systemId: w.systemId });
      const before = await rowCounts();
      const result = await runAction(createLeadSchema, createLead, finance(), {
        systemId: w.systemId,
        title: existing.title.toUpperCase(),
      });
      expect(result).toMatchObject({
        ok: false,
        code: "CONFLICT",
        fieldErrors: { title: [expect.stringMatching(/already has a lead/)] },
      });
      expect(await rowCounts()).toEqual(before);
      // The same title in another system is a different lead.
      const other = await runAction(
        createLeadSchema,
        createLead,
        w.actors["FINANCE at another system's ICB, system-wide"],
        {
          systemId: w.otherSystemId,
          title: existing.title,
        },
      );
      expect(other).toMatchObject({ ok: true });
    });

    it("linkLead refuses a deactivated person, and one of another system", async () => {
      const lead = await createLeadRow({ systemId: w.systemId });
      const inactive = await createUser({ active: false, roles: [{ organisationId: w.trustId, role: "LEAD" }] });
      const outsider = await createUser({ roles: [{ organisationId: w.otherIcbId, role: "LEAD" }] });
      const before = await rowCounts();
      for (const userId of [inactive.id, outsider.id]) {
        const result = await runAction(linkLeadSchema, linkLead, finance(), { leadId: lead.id, userId });
        expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { userId: [expect.any(String)] } });
      }
      expect(await rowCounts()).toEqual(before);
      expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ userId: null });
    });

    it("linkLead without a person unlinks the lead", async () => {
      const person = await personAtTrust();
      const lead = await createLeadRow({ systemId: w.systemId, userId: person.id });
      expect(await runAction(linkLeadSchema, linkLead, finance(), { leadId: lead.id, userId: "" })).toMatchObject({
        ok: true,
      });
      expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ userId: null });
    });

    it("linkLead answers NOT_FOUND for an unknown lead, and for another system's", async () => {
      for (const leadId of ["00000000-0000-4000-8000-000000000000", w.foreignLeadId]) {
        expect(await runAction(linkLeadSchema, linkLead, finance(), { leadId })).toMatchObject({
          ok: false,
          code: "NOT_FOUND",
        });
      }
      expect(await db().lead.findUniqueOrThrow({ where: { id: w.foreignLeadId } })).toMatchObject({ userId: null });
    });
  });
});

import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { schemeFigureScope, schemeRegister, schemeRegisterTotals } from "@/modules/dashboards/scheme-figures";
import { programmeScope } from "@/modules/programmes/programme-access";
import { SCHEME_REGISTER_PAGE_SIZE, filtersOf, type SchemeRegisterQuery } from "./register-filter";

/** The export's cap: a system holds thousands of schemes, not hundreds of thousands. */
export const SCHEME_EXPORT_LIMIT = 50_000;

/**
 * One page of the register and the totals of every scheme matching the filters, scoped to the
 * organisations the actor can see (narrowed by the organisation filter). On the identified view
 * (the default) it also counts the schemes the same filters match that are not identified (on
 * hold, rejected, withdrawn), so the page can say what it leaves out and link to them.
 */
export async function findSchemeRegister(actor: Actor, query: SchemeRegisterQuery, now = new Date()) {
  const scope = schemeFigureScope(actor, query.organisation);
  const filters = filtersOf(query);
  const [{ totals, rows }, excluded] = await Promise.all([
    schemeRegister(
      scope,
      {
        filters,
        sort: query.sort,
        dir: query.dir,
        limit: SCHEME_REGISTER_PAGE_SIZE,
        offset: (query.page - 1) * SCHEME_REGISTER_PAGE_SIZE,
      },
      now,
    ),
    query.stage === "IDENTIFIED"
      ? schemeRegisterTotals(scope, { ...filters, stage: "NOT_IDENTIFIED" }, now)
      : Promise.resolve(null),
  ]);
  return { totals, rows, excluded, pages: Math.max(1, Math.ceil(totals.count / SCHEME_REGISTER_PAGE_SIZE)) };
}

/** Every scheme matching the filters, in the register's order, for the CSV export. */
export async function findSchemesForExport(actor: Actor, query: SchemeRegisterQuery, now = new Date()) {
  const scope = schemeFigureScope(actor, query.organisation);
  const { rows } = await schemeRegister(
    scope,
    { filters: filtersOf(query), sort: query.sort, dir: query.dir, limit: SCHEME_EXPORT_LIMIT, offset: 0 },
    now,
  );
  return rows;
}

export interface Option {
  value: string;
  label: string;
}

/** Choices for the filter form, limited to what the actor can see. */
export async function findSchemeRegisterOptions(
  actor: Actor,
): Promise<Record<"organisations" | "divisions" | "programmes" | "workstreams" | "leads", Option[]>> {
  const organisationIds = [...schemeFigureScope(actor)];
  const multiple = actor.organisations.length > 1;
  const [divisions, programmes, workstreams, leads] = await Promise.all([
    db().division.findMany({
      where: { organisationId: { in: organisationIds } },
      orderBy: [{ organisation: { code: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, organisation: { select: { code: true } } },
    }),
    db().programme.findMany({
      where: programmeScope(actor),
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().workstream.findMany({
      where: { programme: programmeScope(actor) },
      orderBy: [{ programme: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, programme: { select: { name: true } } },
    }),
    // People who lead at least one scheme the actor can see.
    db().user.findMany({
      where: { ledSchemes: { some: { organisationId: { in: organisationIds } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    organisations: actor.organisations.map((o) => ({ value: o.id, label: o.name })),
    divisions: divisions.map((d) => ({ value: d.id, label: multiple ? `${d.organisation.code} · ${d.name}` : d.name })),
    programmes: programmes.map((p) => ({ value: p.id, label: p.name })),
    workstreams: workstreams.map((w) => ({ value: w.id, label: `${w.programme.name} › ${w.name}` })),
    leads: leads.map((l) => ({ value: l.id, label: l.name })),
  };
}

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter, plainString, requiredText } from "./form-fields";

/**
 * Every text input refuses control characters (issue 18, item 2). Rather than a list of schemas
 * that a new one could miss, the test finds every module under src/ that builds a zod object and
 * probes each field of each exported schema: a field that accepts a short text must refuse the
 * same text with U+0000 (or ESC) inside, with the shared message, at that field. Filters (query
 * strings) ignore what they cannot read, so there the poisoned text must simply not come through.
 */

const SRC = path.resolve(import.meta.dirname, "..");
const NOT_SCHEMA_MODULES = [/\.test\.ts$/, /^generated\//, /^env\.ts$/, /-actions?\.ts$/, /^app\//];

function schemaModules(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.endsWith(".ts") && !NOT_SCHEMA_MODULES.some((pattern) => pattern.test(file)))
    .filter((file) => /\bz\s*\.\s*(object|looseObject|strictObject)\(/.test(readFileSync(path.join(SRC, file), "utf8")))
    .sort();
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
}
const defOf = (schema: AnySchema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object inside transforms and pipes, if the schema is one. */
function objectOf(schema: AnySchema): { shape: Record<string, AnySchema>; loose: boolean } | undefined {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = defOf(current);
    if (def.type === "pipe" && def.in) current = def.in;
    else if (def.type === "object" && def.shape)
      return { shape: def.shape, loose: def.catchall !== undefined && defOf(def.catchall).type === "unknown" };
    else return undefined;
  }
  return undefined;
}

const UUID = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";
/**
 * Forms with one field per row (QIA dimensions and indicators) post names the schema's shape
 * cannot list; their text fields are named here. A new loose schema fails below until listed.
 */
const ASSESSMENT = { assessmentId: UUID, version: "1" };
const FLAT_TEXT_FIELDS: Record<string, { base: Record<string, unknown>; fields: string[] }> = {
  saveQiaScreeningSchema: {
    base: ASSESSMENT,
    fields: [`impact.${UUID}`, `likelihood.${UUID}`, `consequence.${UUID}`],
  },
  saveFullQiaSchema: {
    base: ASSESSMENT,
    fields: [
      `description.${UUID}`,
      `mitigations.${UUID}`,
      `residualLikelihood.${UUID}`,
      "indicators.0.name",
      "indicators.0.unit",
      "indicators.0.baseline",
    ],
  },
  recordScoresSchema: {
    base: { reviewId: UUID, serviceLineId: UUID, [`score:${UUID}`]: "5" },
    fields: [`score:${UUID}`, `rationale:${UUID}`],
  },
};

/** Texts a field might accept: free text first, then shorter or numeric ones for tight fields. */
const CANDIDATES = ["Ward 7 staffing review", "Ward 7 review", "Ward", "12.5", "1"];
const POISONS = ["\u0000", "\u001b"];
const poison = (text: string, bad: string) => `${text.slice(0, 1)}${bad}${text.slice(1)}`;

function issuesAt(schema: AnySchema, input: unknown, field: string | undefined) {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => (field === undefined ? true : String(issue.path[0]) === field));
}

function containsControlCharacter(value: unknown): boolean {
  if (typeof value === "string") return hasControlCharacter(value);
  if (Array.isArray(value)) return value.some(containsControlCharacter);
  if (value && typeof value === "object") return Object.values(value).some(containsControlCharacter);
  return false;
}

const modules = schemaModules();
const schemas: { module: string; name: string; schema: AnySchema }[] = [];
for (const file of modules) {
  const exports = (await import(path.join(SRC, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exports))
    if (value instanceof z.ZodType) schemas.push({ module: file, name, schema: value });
}

describe("control characters", () => {
  it("are found by one predicate: C0, DEL and C1, but not tab, line feed or carriage return", () => {
    for (const bad of [
      "\u0000",
      "\u0001",
      "\u0007",
      "\u0008",
      "\u000b",
      "\u000c",
      "\u001b",
      "\u007f",
      "\u0085",
      "\u009f",
    ])
      expect(hasControlCharacter(`a${bad}b`), JSON.stringify(bad)).toBe(true);
    for (const fine of ["a\tb", "a\nb", "a\r\nb", "£1,200 – Q3 2024/25", "Zoë’s ward", "\u00a0", "\u2028", "😀"])
      expect(hasControlCharacter(fine), JSON.stringify(fine)).toBe(false);
  });

  it("are refused by the shared builders with one message, line breaks and tabs kept", () => {
    expect(plainString().safeParse("abc\u0000def").error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
    const description = requiredText("a description", 3, 100);
    expect(description.safeParse("abc\u0000def").error?.issues.map((i) => i.message)).toEqual([
      CONTROL_CHARACTER_MESSAGE,
    ]);
    expect(description.parse("line one\r\n\tline two")).toBe("line one\r\n\tline two");
  });

  it("finds the schema modules (so a new one is probed without being listed)", () => {
    expect(modules).toEqual(
      expect.arrayContaining(["modules/schemes/scheme-schemas.ts", "modules/users/user-schemas.ts"]),
    );
    for (const file of modules)
      expect(
        schemas.some((s) => s.module === file),
        `${file} builds a zod object but exports no schema`,
      ).toBe(true);
  });

  describe.each(schemas.filter((s) => !s.module.endsWith("-filter.ts")).map((s) => [`${s.name} (${s.module})`, s]))(
    "%s",
    (_label, { name, schema }) => {
      it("refuses a control character in every field that takes text, with the message at that field", () => {
        const object = objectOf(schema);
        if (object?.loose) expect(FLAT_TEXT_FIELDS[name], `list ${name}'s flat text fields`).toBeDefined();
        const probes: { field?: string; base: Record<string, unknown> }[] = object
          ? [
              ...Object.keys(object.shape).map((field) => ({ field, base: {} })),
              ...(FLAT_TEXT_FIELDS[name]?.fields ?? []).map((field) => ({ field, base: FLAT_TEXT_FIELDS[name]!.base })),
            ]
          : [{ field: undefined, base: {} }];
        for (const { field, base } of probes) {
          const input = (value: string) => (field === undefined ? value : { ...base, [field]: value });
          const accepted = CANDIDATES.find((text) => issuesAt(schema, input(text), field).length === 0);
          for (const bad of POISONS) {
            const issues = issuesAt(schema, input(poison(accepted ?? CANDIDATES[0]!, bad)), field);
            const where = `${name}.${field ?? "(value)"} with ${JSON.stringify(bad)}`;
            expect(issues.length, `${where} was accepted`).toBeGreaterThan(0);
            // Free text gets the shared message; a number, date or choice is refused by its own rule.
            if (accepted && !/^[\d.]+$/.test(accepted))
              expect(
                issues.map((i) => i.message),
                where,
              ).toContain(CONTROL_CHARACTER_MESSAGE);
          }
        }
      });
    },
  );

  describe.each(schemas.filter((s) => s.module.endsWith("-filter.ts")).map((s) => [`${s.name} (${s.module})`, s]))(
    "%s",
    (_label, { schema }) => {
      it("never passes a control character on from the query string", () => {
        const object = objectOf(schema);
        expect(object).toBeDefined();
        for (const field of Object.keys(object!.shape))
          for (const text of CANDIDATES)
            for (const bad of POISONS) {
              const result = schema.safeParse({ [field]: poison(text, bad) });
              expect(containsControlCharacter(result.data), `${field}: ${JSON.stringify(poison(text, bad))}`).toBe(
                false,
              );
            }
      });
    },
  );
});

import { readdirSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "@/modules/read-api/openapi";
import { READ_ENDPOINTS } from "@/modules/read-api/read-endpoints";
import { callApi, createApiWorld, createTokenHolder } from "../factories/read-api";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The OpenAPI 3.1 description at /api/v1/openapi.json is true: every endpoint's real JSON output
 * (from a world with rows for each) validates against its response schema (ajv, JSON Schema
 * 2020-12 as OpenAPI 3.1 uses), and its CSV header is the declared fields in order.
 */

type Doc = {
  openapi: string;
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
  components: { schemas: Record<string, unknown> };
};

function validatorFor(doc: Doc) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // The document's components as a schema of their own; the responses refer into it.
  const rewrite = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"openapi-components#/$defs/')) as object;
  ajv.addSchema({ $id: "openapi-components", $defs: rewrite(doc.components.schemas) });
  const forPath = (apiPath: string) => {
    const schema = doc.paths[apiPath]?.get.responses["200"]?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`No 200 JSON schema for ${apiPath}`);
    return ajv.compile(rewrite(schema));
  };
  return Object.assign(forPath, {
    /** The declared error body (every 4xx of every path refers to it). */
    error: () => ajv.compile({ $ref: "openapi-components#/$defs/Error" }),
  });
}

describe("read API OpenAPI description", () => {
  useTestDatabase();
  let token = "";

  beforeAll(async () => {
    const w = await createApiWorld();
    // The ICB's system-wide finance office: rows of two trusts on every endpoint.
    token = (await createTokenHolder([{ organisationId: w.icb.id, role: "FINANCE", systemWide: true }])).token;
  }, 60_000);

  it("is served at /api/v1/openapi.json as OpenAPI 3.1 with a path per endpoint", async () => {
    const response = openApiRoute(new Request("http://127.0.0.1:3260/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Doc & { servers: { url: string }[] };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "http://127.0.0.1:3260" }]);
    expect(Object.keys(doc.paths).sort()).toEqual(READ_ENDPOINTS.map((e) => `/api/v1/${e.name}`).sort());
  });

  it.each(READ_ENDPOINTS.map((e) => e.name))("%s: the real JSON output validates against it", async (name) => {
    const validate = validatorFor(openApiDocument(READ_ENDPOINTS) as Doc)(`/api/v1/${name}`);
    // The world's rows are of 2025/26 (the schemes endpoint defaults to the current year).
    const year = "year" in READ_ENDPOINTS.find((e) => e.name === name)!.filters ? "year=2025&" : "";
    const r = await callApi(name, token, `${year}limit=1000`);
    expect(r.status, r.text).toBe(200);
    expect(r.json.data.length, `${name} returned no rows to check`).toBeGreaterThan(0);
    const valid = validate(r.json);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
    // The second page's next link, when there is one, is a URL too (format uri).
    const paged = await callApi(name, token, `${year}limit=1`);
    expect(validate(paged.json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it.each(READ_ENDPOINTS.map((e) => e.name))("%s: the CSV header is the declared fields", async (name) => {
    const endpoint = READ_ENDPOINTS.find((e) => e.name === name)!;
    const r = await callApi(name, token, "format=csv");
    expect(r.status).toBe(200);
    expect(r.text.split(/\r?\n/)[0]).toBe(endpoint.columns.map((c) => c.name).join(","));
  });

  it("describes every route under /api/v1, and each declares its error responses", () => {
    const routes = readdirSync(path.join(process.cwd(), "src/app/api/v1"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== "openapi.json")
      .map((d) => d.name)
      .sort();
    expect(routes).toEqual(READ_ENDPOINTS.map((e) => e.name).sort());
    const doc = openApiDocument(READ_ENDPOINTS) as Doc;
    for (const name of routes)
      expect(Object.keys(doc.paths[`/api/v1/${name}`]!.get.responses).sort(), name).toEqual(
        ["200", "400", "401", "403", "429", "500"].sort(),
      );
  });

  it.each(READ_ENDPOINTS.map((e) => e.name))(
    "%s: real error responses validate against the Error schema",
    async (name) => {
      const validate = validatorFor(openApiDocument(READ_ENDPOINTS) as Doc).error();
      const cases = [
        await callApi(name, null),
        await callApi(name, token, "limit=5000"),
        await callApi(name, token, "organisation=00000000-0000-4000-8000-000000000000"),
      ];
      expect(cases.map((c) => c.status)).toEqual([401, 400, 403]);
      for (const c of cases) expect(validate(c.json), `${c.status} ${JSON.stringify(validate.errors)}`).toBe(true);
    },
  );

  it("a row with a field of the wrong type or an undeclared field fails validation (the check has teeth)", async () => {
    const validate = validatorFor(openApiDocument(READ_ENDPOINTS) as Doc)("/api/v1/risks");
    const r = await callApi("risks", token, "limit=1");
    const row = r.json.data[0] as Record<string, unknown>;
    expect(validate({ ...r.json, data: [{ ...row, currentScore: "12" }] })).toBe(false);
    expect(validate({ ...r.json, data: [{ ...row, extra: 1 }] })).toBe(false);
    expect(validate({ ...r.json, data: [{ ...row, status: "MAYBE" }] })).toBe(false);
  });
});

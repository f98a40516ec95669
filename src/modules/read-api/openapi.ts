import { z } from "zod";
import type { ApiColumn, ColumnType } from "./api-columns";
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from "./api-query";
import { apiPath, type ReadEndpoint } from "./read-endpoint";

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the endpoints' own declarations
 * (filters, their docs and the columns), so it cannot drift from what they serve; a test checks
 * every endpoint's real output against it with ajv.
 */

type JsonSchema = Record<string, unknown>;

const TYPES: Record<ColumnType, JsonSchema> = {
  string: { type: "string" },
  integer: { type: "integer" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  date: { type: "string", format: "date" },
  "date-time": { type: "string", format: "date-time" },
  uuid: { type: "string", format: "uuid" },
};

export function columnSchema(c: ApiColumn): JsonSchema {
  const base = TYPES[c.type];
  const schema: JsonSchema = {
    ...base,
    type: c.nullable ? [base.type, "null"] : base.type,
    description: c.description,
  };
  if (c.values) schema.enum = c.nullable ? [...c.values, null] : [...c.values];
  return schema;
}

/** The JSON Schema of one row: every column present, nothing else. */
export function rowSchema(columns: ApiColumn[]): JsonSchema {
  return {
    type: "object",
    additionalProperties: false,
    required: columns.map((c) => c.name),
    properties: Object.fromEntries(columns.map((c) => [c.name, columnSchema(c)])),
  };
}

export const schemaName = (endpoint: { name: string }) =>
  `${endpoint.name.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase())}Row`;

/** A filter's allowed values, when it is an enumeration. */
function filterEnum(schema: z.ZodType): readonly string[] | undefined {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined;
}

const ERROR_RESPONSE = { $ref: "#/components/responses/Error" };

export function openApiDocument(endpoints: readonly ReadEndpoint[], serverUrl?: string): JsonSchema {
  const paths: JsonSchema = {};
  const schemas: JsonSchema = {
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["status", "message"],
          properties: {
            status: { type: "integer" },
            message: { type: "string" },
            fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
          },
        },
      },
    },
  };
  for (const endpoint of endpoints) {
    const name = schemaName(endpoint);
    schemas[name] = rowSchema(endpoint.columns);
    const filters = Object.entries(endpoint.filters).map(([key, schema]) => {
      const values = filterEnum(schema as z.ZodType);
      return {
        name: key,
        in: "query",
        required: false,
        description: (endpoint.filterDocs as Record<string, string>)[key],
        schema: values ? { type: "string", enum: [...values] } : { type: "string" },
      };
    });
    paths[apiPath(endpoint.name)] = {
      get: {
        operationId: endpoint.name.replace(/-(\w)/g, (_m, ch: string) => ch.toUpperCase()),
        summary: endpoint.summary,
        parameters: [
          ...filters,
          { $ref: "#/components/parameters/format" },
          { $ref: "#/components/parameters/limit" },
          { $ref: "#/components/parameters/page" },
        ],
        responses: {
          "200": {
            description: "A page of rows (JSON), or every matching row (CSV, with the field names as its header).",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  additionalProperties: false,
                  required: ["data", "page", "limit", "total", "next"],
                  properties: {
                    data: { type: "array", items: { $ref: `#/components/schemas/${name}` } },
                    page: { type: "integer", minimum: 1 },
                    limit: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE },
                    total: { type: "integer", minimum: 0 },
                    next: {
                      type: ["string", "null"],
                      format: "uri",
                      description: "The following page; null at the end.",
                    },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "400": ERROR_RESPONSE,
          "401": ERROR_RESPONSE,
          "403": ERROR_RESPONSE,
          "429": ERROR_RESPONSE,
          "500": ERROR_RESPONSE,
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Recovery Tracker read API",
      version: "1",
      description:
        "Read-only JSON and CSV for Power BI and other tools. Authenticate with a personal API token: `Authorization: Bearer rt_pat_…`. Money is given as integer pence (…Pence) and as pounds with 2 decimals (…Pounds); dates are ISO 8601.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ token: [] }],
    paths,
    components: {
      securitySchemes: { token: { type: "http", scheme: "bearer", description: "A personal API token (rt_pat_…)." } },
      parameters: {
        format: { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"], default: "json" } },
        limit: {
          name: "limit",
          in: "query",
          schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
        },
        page: { name: "page", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 } },
      },
      responses: {
        Error: {
          description: "An error, with its status and a message (and the parameters at fault for a 400).",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
      schemas,
    },
  };
}

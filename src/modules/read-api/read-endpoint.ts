import type { z } from "zod";
import { authenticateApiRequest } from "@/modules/api-tokens/authenticate-api-token";
import { canAnywhere, type Actor } from "@/server/auth/actor";
import type { ApiColumn, ApiRow } from "./api-columns";
import { ApiError } from "./api-errors";
import { ApiQueryError, parseApiQuery } from "./api-query";
import { csvStreamResponse, errorResponse, jsonResponse } from "./api-response";

export interface PageRequest {
  limit: number;
  offset: number;
}

/** One read-only resource of /api/v1: its filters, fields and how to read a page of it. */
export interface ReadEndpoint<S extends z.ZodRawShape = z.ZodRawShape> {
  /** e.g. "schemes": served at /api/v1/schemes. */
  name: string;
  summary: string;
  filters: S;
  /** What each filter means (the OpenAPI description). */
  filterDocs: { [K in keyof S]: string };
  columns: ApiColumn[];
  page(
    actor: Actor,
    filters: z.output<z.ZodObject<S>>,
    request: PageRequest,
    now: Date,
  ): Promise<{ rows: ApiRow[]; total: number }>;
  /** Every row for CSV, batch by batch; by default pages of CSV_BATCH rows. */
  batches?(actor: Actor, filters: z.output<z.ZodObject<S>>, now: Date): AsyncIterable<ApiRow[]>;
}

export const CSV_BATCH = 5000;

export const defineEndpoint = <S extends z.ZodRawShape>(endpoint: ReadEndpoint<S>) => endpoint;

export const apiPath = (name: string) => `/api/v1/${name}`;

async function* pagedBatches<S extends z.ZodRawShape>(
  endpoint: ReadEndpoint<S>,
  actor: Actor,
  filters: z.output<z.ZodObject<S>>,
  now: Date,
): AsyncIterable<ApiRow[]> {
  for (let offset = 0; ; offset += CSV_BATCH) {
    const { rows } = await endpoint.page(actor, filters, { limit: CSV_BATCH, offset }, now);
    if (rows.length) yield rows;
    if (rows.length < CSV_BATCH) return;
  }
}

/**
 * The GET handler of an endpoint: token -> a role that may read -> strict query -> the page
 * (JSON with a `next` link) or every row (CSV, streamed). Every failure is JSON with a status;
 * an unexpected one is logged by endpoint name only (never the request's headers).
 */
export function serveEndpoint<S extends z.ZodRawShape>(endpoint: ReadEndpoint<S>) {
  return async function GET(request: Request): Promise<Response> {
    const now = new Date();
    const path = apiPath(endpoint.name);
    try {
      const auth = await authenticateApiRequest(request.headers.get("authorization"), now);
      if (!auth.ok) {
        const headers: Record<string, string> = auth.retryAfterSeconds
          ? { "Retry-After": String(auth.retryAfterSeconds) }
          : {};
        return errorResponse(auth.status, auth.message, { headers });
      }
      if (!canAnywhere(auth.actor, "dashboard.view"))
        return errorResponse(403, "This account has no role that may read this service's data.");
      const url = new URL(request.url);
      const { paging, filters } = parseApiQuery(url.searchParams, endpoint.filters);
      if (paging.format === "csv") {
        const batches =
          endpoint.batches?.(auth.actor, filters, now) ?? pagedBatches(endpoint, auth.actor, filters, now);
        // Read the first batch before answering, so a refusal (e.g. scope) is still a JSON error.
        const first = await batches[Symbol.asyncIterator]().next();
        return csvStreamResponse(
          endpoint.columns,
          prepend(first, batches),
          `${endpoint.name}-${now.toISOString().slice(0, 10)}.csv`,
          (error) => console.error(`[api ${path}] CSV stream failed`, error),
        );
      }
      const offset = (paging.page - 1) * paging.limit;
      const { rows, total } = await endpoint.page(auth.actor, filters, { limit: paging.limit, offset }, now);
      let next: string | null = null;
      if (offset + rows.length < total) {
        const nextUrl = new URL(url);
        nextUrl.searchParams.set("page", String(paging.page + 1));
        nextUrl.searchParams.set("limit", String(paging.limit));
        next = nextUrl.toString();
      }
      return jsonResponse({ data: rows, page: paging.page, limit: paging.limit, total, next });
    } catch (error) {
      if (error instanceof ApiQueryError) return errorResponse(400, error.message, { fields: error.fields });
      if (error instanceof ApiError) return errorResponse(error.status, error.message, { headers: error.headers });
      console.error(`[api ${path}] failed`, error);
      return errorResponse(500, "Something went wrong reading this data. Try again later.");
    }
  };
}

async function* prepend(first: IteratorResult<ApiRow[]>, rest: AsyncIterable<ApiRow[]>): AsyncIterable<ApiRow[]> {
  if (first.done) return;
  yield first.value;
  const iterator = rest[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

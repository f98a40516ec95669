import { openApiDocument } from "@/modules/read-api/openapi";
import { READ_ENDPOINTS } from "@/modules/read-api/read-endpoints";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of /api/v1 (public: it holds no data). */
export function GET(request: Request): Response {
  const origin = new URL(request.url).origin;
  return Response.json(openApiDocument(READ_ENDPOINTS, origin), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}

import { kpisEndpoint } from "@/modules/read-api/endpoints/kpis-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(kpisEndpoint);

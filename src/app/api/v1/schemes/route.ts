import { schemesEndpoint } from "@/modules/read-api/endpoints/schemes-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(schemesEndpoint);

import { risksEndpoint } from "@/modules/read-api/endpoints/risks-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(risksEndpoint);

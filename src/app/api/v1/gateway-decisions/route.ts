import { gatewayDecisionsEndpoint } from "@/modules/read-api/endpoints/gateway-decisions-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(gatewayDecisionsEndpoint);

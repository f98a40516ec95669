import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The embedded default database: PostgreSQL compiled to WASM (PGlite), served over a
 * loopback TCP socket so the app talks to it with the same `pg` driver and code path
 * as to a real server. It serves one session at a time, so the app uses a pool of 1.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_DATA_DIR = path.join(process.cwd(), ".data", "pglite");

export async function startEmbeddedDatabase(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedDatabase> {
  const dataDir = options.dataDir ?? DEFAULT_EMBEDDED_DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  // Imported here so production deployments on a real PostgreSQL never load the WASM build.
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const pglite = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT" once listening
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

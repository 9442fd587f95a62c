/**
 * A PostgreSQL with pgvector for tests, without a Postgres server on the
 * machine: PGlite (Postgres compiled to WebAssembly) with its pgvector build,
 * served over the wire protocol on an ephemeral 127.0.0.1 port so the store
 * talks to it through `pg` exactly as it would to a real server.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface PgliteServer {
  /** postgres:// URL for DATABASE_URL. */
  url: string;
  close(): Promise<void>;
}

// A publish holds one connection for its transaction; each service instance pools up to 4.
const MAX_CONNECTIONS = 16;

export async function startPgliteServer(): Promise<PgliteServer> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: MAX_CONNECTIONS });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

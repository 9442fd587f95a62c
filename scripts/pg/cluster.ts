/**
 * @module pg/cluster
 * A throw-away PostgreSQL cluster from Node, through the same scripts CI uses
 * (start.sh, stop.sh): for the benchmark, and for tests that must restart or
 * stop their own server without disturbing the shared test server.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const HERE = import.meta.dirname;
const PG_CTL = "/usr/lib/postgresql/15/bin/pg_ctl";

export interface Cluster {
  /** postgres:// URL of the maintenance database. */
  url: string;
  dir: string;
  /** Stops the server (fast shutdown: open connections are ended) and keeps its data. */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port and data. */
  resume(): Promise<void>;
  /** Stops the server and deletes its data. */
  destroy(): Promise<void>;
}

/** Starts a cluster; `settings` are extra server settings, e.g. ["fsync=off"]. */
export async function startCluster(settings: string[] = []): Promise<Cluster> {
  const { stdout } = await run("bash", [path.join(HERE, "start.sh"), ...settings.flatMap((s) => ["-c", s])]);
  const dir = stdout.match(/^PG_TEST_DIR=(.*)$/m)![1]!;
  const url = stdout.match(/^PG_TEST_URL=(.*)$/m)![1]!;
  // pg_ctl remembers the options the server was started with (postmaster.opts) and reuses them on restart.
  const ctl = (...args: string[]) => (process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", PG_CTL, ...args]) : run(PG_CTL, args));
  const data = path.join(dir, "data");
  return {
    url,
    dir,
    halt: async () => void (await ctl("-D", data, "-m", "fast", "-w", "stop")),
    resume: async () => void (await ctl("-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "restart")),
    destroy: async () => void (await run("bash", [path.join(HERE, "stop.sh"), dir])),
  };
}

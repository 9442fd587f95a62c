import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireIngestLock, IngestLockedError, LOCK_FILE } from "../../src/ingest/ingest-lock.js";
import { makeTempDir, REPO_ROOT } from "../helpers/test-server.js";

/** The pid of a process that has exited (pids are not reused that quickly). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("ingest lock file", () => {
  it("When a live process holds the lock, Then acquiring it fails with a message naming that pid and the file", async () => {
    const indexDir = await makeTempDir();
    await writeFile(path.join(indexDir, LOCK_FILE), JSON.stringify({ pid: process.ppid, startedAt: "2026-01-01T00:00:00.000Z" }));
    const error = await acquireIngestLock(indexDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestLockedError);
    expect((error as Error).message).toContain(`pid ${process.ppid}`);
    expect((error as Error).message).toContain(path.join(indexDir, LOCK_FILE));
  });

  it("When the lock's holder is dead, Then the lock is taken over, and released afterwards", async () => {
    const indexDir = await makeTempDir();
    await writeFile(path.join(indexDir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), startedAt: "2026-01-01T00:00:00.000Z" }));
    const lock = await acquireIngestLock(indexDir);
    expect(JSON.parse(await readFile(lock.file, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
    await expect(readFile(lock.file)).rejects.toThrow(/ENOENT/);
  });

  it("When the lock is held, Then a second acquisition in a child process is refused until it is released", async () => {
    const indexDir = path.join(await makeTempDir(), "index");
    await mkdir(indexDir);
    const lock = await acquireIngestLock(indexDir);
    const tryInChild = () =>
      new Promise<number | null>((resolve) => {
        const script = `import("${path.join(REPO_ROOT, "src/ingest/ingest-lock.ts")}").then(m => m.acquireIngestLock(${JSON.stringify(indexDir)})).then(() => process.exit(0), () => process.exit(3))`;
        spawn(process.execPath, ["--import", "tsx", "-e", script]).on("exit", resolve);
      });
    expect(await tryInChild()).toBe(3);
    await lock.release();
    expect(await tryInChild()).toBe(0);
  }, 60_000);
});

/**
 * @module ingest-lock
 * One ingest at a time per index folder, across processes: a lock file that
 * names its holder. It is created complete and atomically (written aside, then
 * hard-linked into place, which fails if the lock exists), so a reader never
 * sees half a lock. A lock whose process is gone is stale and is taken over.
 */
import { link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "../core/process.js";

export const LOCK_FILE = "ingest.lock";

interface LockContents {
  pid: number;
  startedAt: string;
}

/** Another live process holds the lock; the message names it. */
export class IngestLockedError extends Error {
  override name = "IngestLockedError";
  constructor(
    readonly holderPid: number,
    readonly file: string,
    startedAt: string,
  ) {
    super(`another ingest is already running (pid ${holderPid}, since ${startedAt}; lock file ${file}). Wait for it to finish.`);
  }
}

export interface IngestLock {
  readonly file: string;
  release(): Promise<void>;
}

/** Takes the lock of `indexDir` or throws an IngestLockedError naming the live holder. */
export async function acquireIngestLock(indexDir: string): Promise<IngestLock> {
  await mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK_FILE);
  const contents: LockContents = { pid: process.pid, startedAt: new Date().toISOString() };
  const draft = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await writeFile(draft, JSON.stringify(contents));
  try {
    // Two attempts: the second follows the removal of a stale lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(draft, file);
        return { file, release: () => rm(file, { force: true }) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = await readHolder(file);
      if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) {
        throw new IngestLockedError(holder.pid, file, holder.startedAt);
      }
      await removeStaleLock(file);
    }
    const holder = await readHolder(file);
    throw new IngestLockedError(holder?.pid ?? 0, file, holder?.startedAt ?? "unknown");
  } finally {
    await rm(draft, { force: true });
  }
}

/** Runs `work` while holding the ingest lock of `indexDir`, and releases it however `work` ends. */
export async function withIngestLock<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  const lock = await acquireIngestLock(indexDir);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

async function readHolder(file: string): Promise<LockContents | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LockContents>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, startedAt: String(parsed.startedAt) } : undefined;
  } catch {
    // Unreadable or vanished: locks are written whole, so this is not a live holder mid-write.
    return undefined;
  }
}

// Renaming first means only one of several processes that found the same stale
// lock removes it; the others see ENOENT and retry the link.
async function removeStaleLock(file: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return;
  }
  await rm(aside, { force: true });
}

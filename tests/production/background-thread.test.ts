import { readlinkSync } from "node:fs";
import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

const linux = process.platform === "linux";

/** Runs `runInBackground` in a fresh worker thread and reports that thread's nice value. */
function niceOfBackgroundWorker(): Promise<number> {
  const moduleUrl = new URL("../../src/background-thread.mjs", import.meta.url).href;
  const source = `
    import { parentPort } from "node:worker_threads";
    import { readlinkSync } from "node:fs";
    import { getPriority } from "node:os";
    const { runInBackground } = await import(${JSON.stringify(moduleUrl)});
    runInBackground();
    parentPort.postMessage(getPriority(Number(readlinkSync("/proc/thread-self").split("/").at(-1))));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
    worker.once("message", (nice: number) => void worker.terminate().then(() => resolve(nice)));
    worker.once("error", reject);
  });
}

describe.skipIf(!linux)("background worker threads", () => {
  it("When a worker thread runs in the background, Then it yields to the event loop (higher nice) and the event loop's own priority is unchanged", async () => {
    const mainThread = () => getPriority(Number(readlinkSync("/proc/thread-self").split("/").at(-1)));
    const before = mainThread();
    const workerNice = await niceOfBackgroundWorker();
    expect(workerNice).toBeGreaterThan(before);
    expect(mainThread()).toBe(before);
  });
});

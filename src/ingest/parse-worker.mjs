/**
 * @module parse-worker
 * A worker thread that loads and chunks corpus files (parse-file.ts), so a
 * file that takes long to parse delays neither requests nor the event loop,
 * and a file over its time budget can be stopped by ending the thread. The
 * worker imports the TypeScript loaders through tsx's `tsImport`, so it starts
 * the same under `node --import tsx`, `tsx` and vitest.
 *
 * Protocol: `{ ready: true }` once the loaders are imported; then the parent
 * posts `{ id, request }` (a ParseRequest) and the worker answers
 * `{ id, document, chunks }` — the chunks packed (parse-file.ts: columns,
 * texts left as slices of the document text) — or `{ id, reason }` (a
 * LoadError's reason: the file cannot be read).
 */
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";
import { runInBackground } from "../background-thread.mjs";

runInBackground();
const { packChunks, parseFile } = await tsImport("./parse-file.ts", import.meta.url);

parentPort.on("message", async ({ id, request }) => {
  try {
    const { document, chunks } = await parseFile(request);
    const packed = packChunks(chunks);
    parentPort.postMessage({ id, document, chunks: packed }, [packed.offsets.buffer, packed.headingPathOf.buffer, packed.pages.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, reason: typeof error?.reason === "string" ? error.reason : `cannot be parsed: ${error?.message ?? String(error)}` });
  }
});

parentPort.postMessage({ ready: true });

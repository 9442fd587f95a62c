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
 * `{ id, document, chunks }` — chunks without their text, which is
 * `document.text.slice(start, end)`, so it crosses threads once — or
 * `{ id, reason }` (a LoadError's reason: the file cannot be read).
 */
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";
import { runInBackground } from "../background-thread.mjs";

runInBackground();
const { parseFile } = await tsImport("./parse-file.ts", import.meta.url);

parentPort.on("message", async ({ id, request }) => {
  try {
    const { document, chunks } = await parseFile(request);
    parentPort.postMessage({ id, document, chunks: chunks.map(({ text: _text, ...chunk }) => chunk) });
  } catch (error) {
    parentPort.postMessage({ id, reason: typeof error?.reason === "string" ? error.reason : `cannot be parsed: ${error?.message ?? String(error)}` });
  }
});

parentPort.postMessage({ ready: true });

/**
 * @module bench/adversarial-parse
 * Times loading and chunking one crafted file, in this process, with the
 * loaders and chunker of the checkout at `root` (this repository, or an older
 * commit checked out elsewhere, for the figures before the fixes). Prints
 * `{ms, chunks, longestChunk}` or `{ms, error}` as JSON.
 *
 * Usage: tsx scripts/bench/adversarial-parse.ts '{"root":"…","name":"deep.html"}'
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CRAFTED } from "./adversarial-inputs.js";

const { root, name } = JSON.parse(process.argv[2]!) as { root: string; name: string };
const file = CRAFTED.find((f) => f.name === name)!;
const from = (module: string) => import(pathToFileURL(path.join(root, "src/ingest", module)).href);
const loaderModule = { ".txt": ["loaders/txt.ts", "loadTxt"], ".md": ["loaders/markdown.ts", "loadMarkdown"], ".html": ["loaders/html.ts", "loadHtml"] }[path.extname(name)]!;
const load = (await from(loaderModule[0]!))[loaderModule[1]!] as (content: Buffer, source: string) => unknown;
const { chunkDocument } = (await from("chunker.ts")) as { chunkDocument: (doc: unknown, options: { size: number; overlap: number }) => { text: string }[] };
const content = file.content();
const started = performance.now();
try {
  const chunks = chunkDocument(await load(content, name), { size: 480, overlap: 80 });
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, chunks: chunks.length, longestChunk: Math.max(0, ...chunks.map((c) => c.text.length)) })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, error: (error as Error).message.slice(0, 200) })}\n`);
}

/**
 * Measures the browser bundles exactly as the server builds and serves them,
 * and writes the figures to docs/web-bundle.md.
 * Usage: npm run web:size
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildWebAssets } from "../src/web/bundle.js";

const OUT = path.resolve(import.meta.dirname, "../docs/web-bundle.md");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const assets = await buildWebAssets();
const rows = [...assets].map(([name, a]) => `| \`/${name}\` | ${a.body.length} B (${kb(a.body.length)}) | ${a.gzipped.length} B (${kb(a.gzipped.length)}) |`);
const report = `# Browser bundle size

Measured with \`npm run web:size\` (esbuild, minified IIFE, gzip level 9 — the bytes the server sends).

| Script | Minified | Gzipped |
| --- | --- | --- |
${rows.join("\n")}

No framework and no runtime dependencies: plain TypeScript under \`src/web/client/\`.
`;
await writeFile(OUT, report);
console.log(report);

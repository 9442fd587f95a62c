/**
 * @module bundle
 * Bundles the browser code (plain TypeScript under ./client) with esbuild's
 * API, in memory, when the server first needs it: there is no build step to
 * forget, and `npm start` works right after `npm install`.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** A built browser script, ready to send as is or gzipped. */
export interface WebAsset {
  body: Buffer;
  gzipped: Buffer;
  /** Strong validator over the content, for conditional requests. */
  etag: string;
}

/** The scripts we serve: URL name → entry point. */
export const WEB_ENTRIES = {
  "app.js": "page.ts",
  "widget.js": "widget.ts",
  "admin.js": "admin/admin-page.ts",
} as const;

export type WebAssetName = keyof typeof WEB_ENTRIES;

const CLIENT_DIR = path.join(import.meta.dirname, "client");

/** Bundles every entry (minified, one self-contained IIFE each). */
export async function buildWebAssets(): Promise<Map<WebAssetName, WebAsset>> {
  const names = Object.keys(WEB_ENTRIES) as WebAssetName[];
  const result = await build({
    entryPoints: names.map((name) => ({ in: path.join(CLIENT_DIR, WEB_ENTRIES[name]), out: path.parse(name).name })),
    outdir: "/web",
    bundle: true,
    minify: true,
    format: "iife",
    target: ["chrome100", "firefox100", "safari15"],
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  const byName = new Map(result.outputFiles.map((file) => [path.basename(file.path), Buffer.from(file.contents)]));
  return new Map(
    names.map((name) => {
      const body = byName.get(name)!;
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      return [name, { body, gzipped: gzipSync(body, { level: 9 }), etag }];
    }),
  );
}

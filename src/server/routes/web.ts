/**
 * @module web
 * The chat page (GET /) and the browser scripts: /app.js for the page and
 * /widget.js for other sites. Scripts are bundled once, on first request, and
 * served from memory, gzipped when the client accepts it.
 */
import { Router, type Request, type Response } from "express";
import { buildWebAssets, WEB_ENTRIES, type WebAsset, type WebAssetName } from "../../web/bundle.js";
import { chatPageHtml } from "../../web/html.js";
import { pageHeaders } from "../page-headers.js";

/** Other sites fetch widget.js on every page view; a short cache keeps updates quick to arrive. */
const SCRIPT_CACHE_CONTROL = "public, max-age=300";

export function webRoutes(): Router {
  const router = Router();
  let assets: Promise<Map<WebAssetName, WebAsset>> | undefined;
  // A failed build is not cached: the next request tries again (and the error reaches the log).
  const loadAssets = () =>
    (assets ??= buildWebAssets().catch((error: unknown) => {
      assets = undefined;
      throw error;
    }));

  router.get("/", pageHeaders, (_req, res) => {
    res.type("html").send(chatPageHtml());
  });
  for (const name of Object.keys(WEB_ENTRIES) as WebAssetName[]) {
    router.get(`/${name}`, async (req, res) => sendScript(req, res, (await loadAssets()).get(name)!));
  }
  return router;
}

function sendScript(req: Request, res: Response, asset: WebAsset): void {
  res.set({ "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": SCRIPT_CACHE_CONTROL, ETag: asset.etag });
  res.vary("Accept-Encoding");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  if (req.acceptsEncodings("gzip")) {
    res.set("Content-Encoding", "gzip").send(asset.gzipped);
    return;
  }
  res.send(asset.body);
}

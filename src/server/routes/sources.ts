/**
 * @module sources
 * GET /sources/:id — the stored text of one indexed document, where `id` is
 * the document's corpus-relative `source` path, URL-encoded as one segment.
 * Documents come only from the live index snapshot, never from the file
 * system, so no id can reach a file outside the corpus. `?start=&end=` marks
 * a passage; HTML by default, JSON when asked for.
 */
import { Router } from "express";
import type { IndexHolder } from "../../store/index-holder.js";
import type { StoredDocument } from "../../core/types.js";
import { sourcePageHtml, type TextRange } from "../../web/html.js";
import { HttpError } from "../http-error.js";
import { pageHeaders } from "../page-headers.js";

export function sourceRoutes(index: IndexHolder): Router {
  const router = Router();
  router.get("/sources/:id", pageHeaders, (req, res) => {
    const doc = index.current.documents.get(req.params.id);
    if (!doc) throw new HttpError(404, "No such source document.");
    const passage = passageRange(req.query.start, req.query.end, doc.text.length);
    res.vary("Accept");
    if (req.accepts(["html", "json"]) === "json") res.json(documentJson(doc, passage));
    else res.type("html").send(sourcePageHtml(doc, passage));
  });
  return router;
}

// A malformed or out-of-range passage is ignored rather than refused: the document is still worth showing.
function passageRange(start: unknown, end: unknown, length: number): TextRange | undefined {
  const s = Number(start);
  const e = Number(end);
  if (typeof start !== "string" || typeof end !== "string" || !Number.isInteger(s) || !Number.isInteger(e)) return undefined;
  return s >= 0 && s < e && e <= length ? { start: s, end: e } : undefined;
}

function documentJson(doc: StoredDocument, passage: TextRange | undefined) {
  return {
    source: doc.source,
    title: doc.title,
    text: doc.text,
    ...(doc.pages && { pages: doc.pages }),
    ...(passage && { passage }),
  };
}

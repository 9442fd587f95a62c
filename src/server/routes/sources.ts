/**
 * @module sources
 * GET /sources/:id — the stored text of one indexed document, where `id` is
 * the document's corpus-relative `source` path, URL-encoded as one segment.
 * Documents come only from the live index snapshot, never from the file
 * system, so no id can reach a file outside the corpus. `?start=&end=` marks
 * a passage; HTML by default, JSON when asked for. A document longer than
 * MAX_SOURCE_CHARS is served as a window of that size around the passage.
 */
import { Router } from "express";
import type { IndexHolder } from "../../store/index-holder.js";
import type { StoredDocument } from "../../core/types.js";
import type { TextRange } from "../../core/views.js";
import { sourcePageHtml } from "../../web/html.js";
import { HttpError } from "../http-error.js";
import { pageHeaders } from "../page-headers.js";
import { sourceWindow, type SourceWindow } from "../response-limits.js";

export function sourceRoutes(index: IndexHolder): Router {
  const router = Router();
  router.get("/sources/:id", pageHeaders, async (req, res) => {
    const doc = await index.current.document(req.params.id);
    if (!doc) throw new HttpError(404, "No such source document.");
    const passage = passageRange(req.query.start, req.query.end, doc.text.length);
    const shown = sourceWindow(doc, passage);
    res.vary("Accept");
    if (req.accepts(["html", "json"]) === "json") res.json(documentJson(doc, shown, passage));
    else res.type("html").send(sourcePageHtml({ ...doc, text: shown.text }, passage && shiftedInto(passage, shown)));
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

/** The passage in window offsets, clipped to the window; undefined when it lies outside. */
function shiftedInto(passage: TextRange, shown: SourceWindow): TextRange | undefined {
  const start = Math.max(0, passage.start - shown.offset);
  const end = Math.min(shown.text.length, passage.end - shown.offset);
  return start < end ? { start, end } : undefined;
}

/** `text` is the document, or the window of it starting at `offset` when `truncated`; `passage` and `pages` are in document offsets. */
function documentJson(doc: StoredDocument, shown: SourceWindow, passage: TextRange | undefined) {
  return {
    source: doc.source,
    title: doc.title,
    text: shown.text,
    ...(shown.truncated && { truncated: true, offset: shown.offset }),
    ...(doc.pages && { pages: doc.pages }),
    ...(passage && { passage }),
  };
}

/**
 * @module html
 * The two server-rendered pages: the chat page shell (the chat itself is
 * built by app.js) and a source document with the cited passage marked.
 * Every document string goes through `escapeHtml`.
 */
import type { StoredDocument } from "../core/types.js";
import type { TextRange } from "../core/views.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Makes text safe to place in HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The pages' shared look: system font, light and dark palettes. */
export const BASE_STYLE = `
  :root { color-scheme: light dark; --bg: #fff; --fg: #1d2330; --muted: #5b6475; --mark: #ffe58a; }
  @media (prefers-color-scheme: dark) { :root { --bg: #14171d; --fg: #e6e9ef; --muted: #a3abba; --mark: #6b5a12; } }
  html, body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, sans-serif; }
`;

/** The chat page: a mount point and the app script; the title names the product. */
export function chatPageHtml(title = "Ask the documents"): string {
  return scriptPage({
    title,
    script: "app.js",
    style: "body { height: 100dvh; } #app { height: 100%; max-width: 1100px; margin: 0 auto; }",
    mount: `<main id="app" data-title="${escapeHtml(title)}"></main>`,
    noscript: "The chat needs JavaScript. The API is at <code>POST /ask</code>.",
  });
}

/** The admin page: a mount point and its script (admin.js builds the sign-in form and the document table). */
export function adminPageHtml(title = "Documents · admin"): string {
  return scriptPage({
    title,
    script: "admin.js",
    head: '<meta name="robots" content="noindex">',
    mount: '<main id="admin"></main>',
    noscript: "The admin page needs JavaScript. The API is at <code>GET /admin/documents</code>.",
  });
}

/** A page whose content a script of ours builds into `mount`; every argument but `title` is trusted markup. */
function scriptPage(page: { title: string; script: string; mount: string; noscript: string; style?: string; head?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${page.head ?? ""}
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
<style>${BASE_STYLE} ${page.style ?? ""}</style>
<script src="${page.script}" defer></script>
</head>
<body>
${page.mount}
<noscript><p>${page.noscript}</p></noscript>
</body>
</html>
`;
}

/**
 * A source document as readable text; `passage`, when given, is wrapped in
 * `<mark id="passage">` so that a `#passage` link scrolls to it without script.
 */
export function sourcePageHtml(doc: StoredDocument, passage?: TextRange): string {
  const { text } = doc;
  const body = passage
    ? `${escapeHtml(text.slice(0, passage.start))}<mark id="passage">${escapeHtml(text.slice(passage.start, passage.end))}</mark>${escapeHtml(text.slice(passage.end))}`
    : escapeHtml(text);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${BASE_STYLE}
  main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
  .source { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; }
  mark { background: var(--mark); color: inherit; scroll-margin: 30vh; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p class="source">${escapeHtml(doc.source)}</p>
<div class="text">${body}</div>
</main>
</body>
</html>
`;
}

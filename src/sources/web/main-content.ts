/**
 * @module main-content
 * A web page reduced to what a reader came for: the `<main>` (or
 * `role="main"`, or the only `<article>`, else the body) without navigation,
 * headers, footers, asides, forms, scripts, styles and anything hidden, kept
 * as HTML so the HTML loader still sees its headings. Also the page's links,
 * for a crawl that starts from a page rather than a sitemap.
 */
import * as cheerio from "cheerio";

export interface PageContent {
  /** A small HTML document: the page's title and its main content. */
  html: string;
  /** Absolute http(s) links found anywhere on the page, fragments removed. */
  links: string[];
}

const NOT_CONTENT = [
  "script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "form", "dialog:not([open])",
  "nav", "header", "footer", "aside", "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[role=search]",
  "[hidden]", "[aria-hidden=true]",
].join(", ");
// Inline styles that hide an element; stylesheets are not evaluated (a crawler is not a browser).
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

export function extractMainContent(html: string, pageUrl: string): PageContent {
  const $ = cheerio.load(html);
  const links = new Set<string>();
  $("a[href]").each((_, a) => {
    const href = $(a).attr("href");
    if (!href || !URL.canParse(href, pageUrl)) return;
    const url = new URL(href, pageUrl);
    url.hash = "";
    if (url.protocol === "http:" || url.protocol === "https:") links.add(url.href);
  });
  const title = $("title").first().text().replace(/\s+/g, " ").trim();
  $(NOT_CONTENT).remove();
  $("[style]").filter((_, el) => HIDDEN_STYLE.test($(el).attr("style") ?? "")).remove();
  const articles = $("article");
  const main = $("main, [role=main]").first();
  const content = main.length ? main : articles.length === 1 ? articles : $("body");
  const body = content.html() ?? "";
  const escapedTitle = $("<p>").text(title).html() ?? "";
  return { html: `<!doctype html><html><head><title>${escapedTitle}</title></head><body>${body}</body></html>`, links: [...links] };
}

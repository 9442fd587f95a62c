/**
 * @module security-headers
 * helmet's headers on every response. The Content-Security-Policy is left to
 * the HTML routes (src/server/page-headers.ts): JSON needs none, and one
 * global policy would have to allow what only the chat page needs.
 */
import helmet from "helmet";

export const securityHeaders = helmet({
  contentSecurityPolicy: false,
  // /widget.js is loaded by <script> tags on other sites (those in ALLOWED_ORIGINS).
  crossOriginResourcePolicy: { policy: "cross-origin" },
});

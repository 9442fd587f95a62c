/**
 * @module page-headers
 * Security headers for the HTML pages we serve (the chat page and source
 * documents): a Content-Security-Policy that allows only our own scripts, so
 * text that slipped through as markup still could not run.
 */
import helmet from "helmet";

export const pageHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "script-src-attr": ["'none'"],
      // The widget's styles live in a <style> element inside its shadow root.
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'self'"],
      // Served over plain HTTP on intranets too; upgrading would break it there.
      "upgrade-insecure-requests": null,
    },
  },
});

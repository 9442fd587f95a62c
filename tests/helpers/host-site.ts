/**
 * A stand-in for somebody else's website: a tiny HTTP server on its own
 * 127.0.0.1 port (so another origin) serving one page that embeds the widget
 * with the one script tag the README documents.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface HostSite {
  origin: string;
  close(): Promise<void>;
}

export interface HostPageOptions {
  /** Resolved per request, so the widget's server may start after the host. */
  widgetSrc: () => string;
  /** The host page's own CSS. */
  css?: string;
  /** Body content before the script tag. */
  body?: string;
}

export async function startHostSite({ widgetSrc, css = "", body = "<h1>Partner site</h1>" }: HostPageOptions): Promise<HostSite> {
  const page = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner site</title><style>${css}</style></head>
<body>${body}
<script src="${widgetSrc()}" data-title="Ask our documents" defer></script>
</body></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

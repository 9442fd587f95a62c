/**
 * @module host-check
 * Refuses requests whose Host header names a site we are not (DNS rebinding):
 * a web page on evil.example can make its own name resolve to an intranet
 * address, and the browser then lets it read our answers as same-origin.
 * Loopback names and IP addresses are always accepted — rebinding needs a
 * name — and so are the operator's PUBLIC_ORIGIN host and ALLOWED_HOSTS.
 */
import { isIP } from "node:net";
import type { RequestHandler } from "express";
import { HttpError } from "../http-error.js";

const LOOPBACK_NAMES = new Set(["localhost", "localhost.localdomain"]);

/**
 * @param allowedHosts lower-case `name` or `name:port` values; `*` accepts every host.
 * @example app.use(hostCheck(config.web.allowedHosts))
 */
export function hostCheck(allowedHosts: readonly string[]): RequestHandler {
  if (allowedHosts.includes("*")) return (_req, _res, next) => next();
  const allowed = new Set(allowedHosts);
  return (req, _res, next) => {
    const host = (req.headers.host ?? "").toLowerCase();
    if (allowed.has(host) || isAlwaysAllowed(hostName(host)) || allowed.has(hostName(host))) return next();
    throw new HttpError(403, "This host name is not served here; an operator can add it to ALLOWED_HOSTS.", { code: "host_not_allowed" });
  };
}

/** The name without its port: "a.example:3000" → "a.example", "[::1]:3000" → "::1". */
function hostName(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  return host.replace(/:\d*$/, "");
}

function isAlwaysAllowed(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || name.endsWith(".localhost") || isIP(name) !== 0;
}

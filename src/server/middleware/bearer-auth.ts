/**
 * @module bearer-auth
 * `Authorization: Bearer <key>` against a list of accepted keys, compared in
 * constant time: each key is compared as a SHA-256 digest (fixed length, so
 * neither the length nor the matching prefix of a key leaks through timing),
 * and every key is compared whichever one matches.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { HttpError } from "../http-error.js";

export interface BearerAuthOptions {
  /** Accepted keys; at least one. */
  keys: readonly string[];
  /** Named in `WWW-Authenticate`, so a client knows which credential is meant. */
  realm: string;
  /** The 401 message. */
  message: string;
}

export function bearerAuth({ keys, realm, message }: BearerAuthOptions): RequestHandler {
  if (!keys.length) throw new Error("bearerAuth needs at least one key");
  const expected = keys.map(digest);
  return (req, _res, next) => {
    const presented = digest(/^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "")?.[1]?.trim() ?? "");
    let matched = false;
    for (const key of expected) matched = timingSafeEqual(presented, key) || matched;
    if (!matched) throw new HttpError(401, message, { code: "invalid_api_key", headers: { "WWW-Authenticate": `Bearer realm="${realm}"` } });
    next();
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

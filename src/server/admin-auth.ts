/**
 * @module admin-auth
 * Who may use the admin routes. Scripts send `Authorization: Bearer
 * <ADMIN_TOKEN>`. The admin page signs in once with the token and then holds
 * a session: a random id in an httpOnly, SameSite=Strict cookie scoped to
 * /admin (so page scripts cannot read it and other sites cannot send it),
 * plus a CSRF token the page sends in `X-CSRF-Token` with every change, which
 * a forged cross-site request cannot know. Sessions live in memory: a restart
 * signs everyone out, which for a handful of operators is the safe default.
 * Secrets are compared as SHA-256 digests with timingSafeEqual, in constant
 * time whatever their lengths.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import { HttpError } from "./http-error.js";
import { bearerAuth } from "./middleware/bearer-auth.js";

export const SESSION_COOKIE = "rag_admin";
export const CSRF_HEADER = "x-csrf-token";
// An operator's working day; after it the page asks for the token again.
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
// Enough for every operator's browsers; the oldest session goes first past it.
const MAX_SESSIONS = 1000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

interface Session {
  csrfToken: string;
  expiresAt: number;
}

export class AdminSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly expected: Buffer;

  constructor(
    token: string,
    private readonly now: () => number = Date.now,
  ) {
    this.expected = digest(token);
  }

  /** Whether `presented` is the admin token. */
  isToken(presented: string): boolean {
    return timingSafeEqual(digest(presented), this.expected);
  }

  /** Starts a session: returns its id (for the cookie) and its CSRF token (for the page). */
  create(): { id: string; csrfToken: string } {
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const id = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(32).toString("base64url");
    this.sessions.set(id, { csrfToken, expiresAt: this.now() + SESSION_TTL_MS });
    return { id, csrfToken };
  }

  /** The live session with this id, if any. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= this.now()) this.sessions.delete(id);
    return session && session.expiresAt > this.now() ? session : undefined;
  }

  delete(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}

/** The session id the request's cookie carries. */
export function sessionIdOf(req: Request): string | undefined {
  return parseCookies(req.get("cookie") ?? "")[SESSION_COOKIE];
}

/** Sets (or, with undefined, clears) the session cookie. */
export function setSessionCookie(req: Request, res: Response, id: string | undefined): void {
  res.append(
    "Set-Cookie",
    serializeCookie(SESSION_COOKIE, id ?? "", {
      httpOnly: true,
      sameSite: "strict",
      // Over HTTPS (directly or behind a trusted proxy) the cookie never travels in clear.
      secure: req.secure,
      path: "/admin",
      maxAge: id ? SESSION_TTL_MS / 1000 : 0,
    }),
  );
}

/**
 * Lets a request through with the bearer token, or with a session cookie
 * (and, for anything but GET/HEAD, the session's CSRF token): 401 without
 * either, 403 for a session request whose CSRF token is missing or wrong.
 */
export function requireAdmin(sessions: AdminSessions, token: string): RequestHandler {
  const bearer = bearerAuth({ keys: [token], realm: "admin", message: UNAUTHORIZED });
  return (req, res, next) => {
    if (req.get("authorization") !== undefined) return bearer(req, res, next);
    const session = sessions.get(sessionIdOf(req));
    if (!session) throw unauthorized();
    if (!SAFE_METHODS.has(req.method) && !sameSecret(req.get(CSRF_HEADER) ?? "", session.csrfToken)) {
      throw new HttpError(403, "Missing or wrong CSRF token; reload the admin page.");
    }
    next();
  };
}

const UNAUTHORIZED = "Missing or wrong admin token.";

function unauthorized(): HttpError {
  return new HttpError(401, UNAUTHORIZED, { headers: { "WWW-Authenticate": 'Bearer realm="admin"' } });
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

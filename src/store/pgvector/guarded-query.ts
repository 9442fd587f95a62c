/**
 * @module pgvector/guarded-query
 * The one way the serving path queries PostgreSQL. A database that is
 * restarting, unreachable or too slow is a passing condition, not a bug: its
 * errors become IndexUnavailableError (answered 503 with Retry-After), while
 * any other error (a bad query) stays what it is. The pool opens new
 * connections by itself, so service resumes when the database is back.
 */
import type { Pool, QueryResultRow } from "pg";
import { IndexUnavailableError } from "../errors.js";

export type Query = <R extends QueryResultRow>(text: string, values?: unknown[]) => Promise<R[]>;

// SQLSTATEs of a server going away or refusing work for now: connection exceptions (class 08), shutdown or
// start-up (57P01–57P03), statement timeout (57014), too many connections (53300).
const PASSING_STATE = /^(08...|57P0[123]|57014|53300)$/;

export function guardedQuery(pool: Pool): Query {
  return async (text, values) => {
    try {
      return (await pool.query(text, values)).rows;
    } catch (error) {
      if (isUnavailable(error)) throw new IndexUnavailableError(`the index database is unavailable: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  };
}

/**
 * Errors with a SQLSTATE come from the server and are passing only for the
 * states above; those without one come from the driver and the network
 * (refused or reset connection, "Connection terminated", pool connect timeout).
 */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const sqlState = typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  return sqlState ? PASSING_STATE.test(sqlState) : error instanceof Error;
}

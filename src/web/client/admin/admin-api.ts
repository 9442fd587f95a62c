/**
 * @module admin-api
 * The admin page's calls to the admin API. The session cookie travels by
 * itself (same origin); every change also carries the session's CSRF token in
 * `X-CSRF-Token`. Every failure becomes an `AdminFailure` whose message can be
 * shown as is; 401 means the session is gone and the page asks to sign in.
 */
import type { DocumentListing, DocumentRow } from "../../../documents/document-catalog.js";
import type { ReindexStatus } from "../../../reindex/reindexer.js";

export type { DocumentListing, DocumentRow, ReindexStatus };

/** What a change (upload, deletion, reindex) answers once it is live. */
export interface ChangeResult {
  document?: string;
  status: "published" | "reloaded" | "up-to-date";
  generation: string;
  unreadable: { source: string; message: string }[];
}

export class AdminFailure extends Error {
  override name = "AdminFailure";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export class AdminApi {
  private csrfToken = "";

  constructor(private readonly base: URL) {}

  /** Resumes the session the cookie holds; false when there is none. */
  async resume(): Promise<boolean> {
    const response = await this.call("GET", "admin/session").catch((error: unknown) => {
      if (error instanceof AdminFailure && error.status === 401) return undefined;
      throw error;
    });
    if (!response) return false;
    this.csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
    return true;
  }

  async signIn(token: string): Promise<void> {
    const response = await this.call("POST", "admin/session", JSON.stringify({ token }), "application/json");
    this.csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  async signOut(): Promise<void> {
    await this.call("DELETE", "admin/session");
    this.csrfToken = "";
  }

  async documents(): Promise<DocumentListing> {
    return (await this.call("GET", "admin/documents")).json() as Promise<DocumentListing>;
  }

  /** What the reindexer is doing, and the largest upload the server takes. */
  async status(): Promise<{ reindex: ReindexStatus; maxUploadBytes: number }> {
    return (await this.call("GET", "admin/status")).json() as Promise<{ reindex: ReindexStatus; maxUploadBytes: number }>;
  }

  /** Uploads `file` as the document `id` (a new one, or a replacement) and resolves once it is live. */
  async put(id: string, file: Blob): Promise<ChangeResult> {
    return (await this.call("PUT", documentPath(id), file, "application/octet-stream")).json() as Promise<ChangeResult>;
  }

  async remove(id: string): Promise<ChangeResult> {
    return (await this.call("DELETE", documentPath(id))).json() as Promise<ChangeResult>;
  }

  async reindex(): Promise<ChangeResult> {
    return (await this.call("POST", "admin/reindex")).json() as Promise<ChangeResult>;
  }

  private async call(method: string, route: string, body?: BodyInit, type?: string): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (type) headers["content-type"] = type;
    if (method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(new URL(route, this.base), { method, headers, body, credentials: "same-origin" });
    } catch {
      throw new AdminFailure("Could not reach the server. Check your connection and try again.");
    }
    if (!response.ok) throw new AdminFailure(await errorMessage(response), response.status);
    return response;
  }
}

function documentPath(id: string): string {
  return `admin/documents/${encodeURIComponent(id)}`;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // not JSON: fall through to the generic message
  }
  return `The server answered ${response.status}. Please try again.`;
}

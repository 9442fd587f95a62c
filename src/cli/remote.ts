/**
 * @module cli/remote
 * `--url`: the same request sent to a running server's JSON API, so a person
 * can ask the service a team already runs without opening an index locally.
 */
import { CliError } from "./errors.js";

export async function postJson<T>(baseUrl: string, route: string, body: unknown): Promise<T> {
  const url = new URL(route, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(`cannot reach ${url.href}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const payload = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  if (!response.ok) {
    const reason = typeof payload?.error === "string" ? payload.error : response.statusText;
    throw new CliError(`${url.href} answered ${response.status}: ${reason}`);
  }
  if (!payload) throw new CliError(`${url.href} did not answer with JSON`);
  return payload as T;
}

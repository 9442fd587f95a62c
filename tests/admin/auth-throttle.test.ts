/**
 * Guessing the admin token (issue 16, item 9): wrong tokens from one address,
 * whether sent as a bearer token to the admin API or to the sign-in route,
 * draw from one budget of ten per 15 minutes; past it both answer 429, and
 * an operator's own failed requests (404, 409) never count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { KILN, writeCorpus } from "../reindex/fixtures.js";

const ADMIN_TOKEN = "auth-throttle-admin-token-0123456789abcdef";

describe("admin token guessing over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ corpusDir: await writeCorpus({ "kiln.txt": KILN }), embedder: fakeEmbedder(), env: { ADMIN_TOKEN } });
  });
  afterAll(() => server?.close());

  const status = (token: string) => fetch(`${server.url}/admin/status`, { headers: { authorization: `Bearer ${token}` } });
  const signIn = (token: string) => server.post("/admin/session", { token });

  it("When an operator's own requests fail (404), Then they do not count as guesses", async () => {
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${server.url}/admin/documents/missing-${i}.md`, { method: "DELETE", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(response.status).toBe(404);
    }
    expect((await status(ADMIN_TOKEN)).status).toBe(200);
  });

  it("When wrong tokens keep coming from one address, by sign-in and by bearer, Then after ten in all both answer 429, even to the right token", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(`wrong-sign-in-${i}`)).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await status(`wrong-bearer-${i}-0123456789abcdef0123456789`)).status).toBe(401);
    const throttled = await status("wrong-bearer-again-0123456789abcdef0123456789");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await throttled.json()) as { error: string }).error).toMatch(/Too many failed sign-ins/);
    expect((await status(ADMIN_TOKEN)).status).toBe(429);
    expect((await signIn(ADMIN_TOKEN)).status).toBe(429);
  });
});

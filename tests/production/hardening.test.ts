/**
 * Items 7–9 of the penetration test (issue 16) against the real server: DNS
 * rebinding, slow clients, the metrics token, admin token length, invisible
 * questions (the admin sign-in throttle is tested with the admin page).
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

const ADMIN_TOKEN = "hardening-admin-token-0123456789abcdef";
const METRICS_TOKEN = "hardening-metrics-token-0123456789abcdef";

/** Sends raw bytes and resolves with what came back and how long the server kept the connection open. */
function rawExchange(url: string, write: (socket: net.Socket) => void, giveUpMs: number): Promise<{ response: string; openMs: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = performance.now();
    let response = "";
    const socket = net.connect(Number(port), hostname, () => write(socket));
    socket.on("data", (chunk) => (response += chunk.toString("utf8")));
    const done = () => resolve({ response, openMs: performance.now() - started });
    socket.on("close", done);
    socket.on("error", () => undefined);
    setTimeout(() => socket.destroy(), giveUpMs);
  });
}

describe("Hardening", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_TOKEN, METRICS_TOKEN, ALLOWED_HOSTS: "rag.example.org", HEADERS_TIMEOUT_MS: "1000", BODY_TIMEOUT_MS: "2000" } });
  }, 120_000);
  afterAll(() => server?.close());

  it("When a request names a foreign host (DNS rebinding), Then it is refused; loopback, IP addresses and ALLOWED_HOSTS are served", async () => {
    const withHost = (host: string, origin?: string) =>
      rawExchange(server.url, (s) => s.write(`GET /health HTTP/1.1\r\nHost: ${host}\r\n${origin ? `Origin: ${origin}\r\n` : ""}Connection: close\r\n\r\n`), 5000);
    const port = new URL(server.url).port;
    expect((await withHost("evil.example", "http://evil.example")).response).toMatch(/^HTTP\/1\.1 403/);
    expect((await withHost(`evil.example:${port}`)).response).toMatch(/^HTTP\/1\.1 403/);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `10.0.0.7:${port}`, "rag.example.org"]) {
      expect((await withHost(host)).response, host).toMatch(/^HTTP\/1\.1 200/);
    }
  });

  it("When a client sends its body slowly, Then the connection is closed within BODY_TIMEOUT_MS, on an unknown route too", async () => {
    const slow = await rawExchange(
      server.url,
      (socket) => {
        socket.write(`POST /no-such-route HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
        const drip = setInterval(() => (socket.destroyed ? clearInterval(drip) : socket.write(" ")), 200);
      },
      20_000,
    );
    expect(slow.openMs).toBeLessThan(10_000);
  });

  it("When /metrics is asked without the token, Then 401; with it, the metrics", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain("http_requests_total");
  });

  it("When ADMIN_TOKEN or METRICS_TOKEN is shorter than 32 characters, Then start-up is refused naming it", () => {
    expect(() => loadConfig({ ADMIN_TOKEN: "short-token" })).toThrow(ConfigError);
    expect(() => loadConfig({ ADMIN_TOKEN: "short-token" })).toThrow(/ADMIN_TOKEN.*at least 32 characters/);
    expect(() => loadConfig({ METRICS_TOKEN: "x".repeat(31) })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ ADMIN_TOKEN: "y".repeat(32) }).reindex.adminToken).toBe("y".repeat(32));
  });

  it("When a question is only zero-width or white space characters, Then it is refused with 400", async () => {
    for (const question of ["\u200b\u200c\u200d", " \u2060\ufeff\t", "\u202e\u202c", "\u3164\u2800"]) {
      const response = await server.post("/ask", { question });
      expect(response.status, JSON.stringify(question)).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/must not be empty/) });
    }
    expect((await server.post("/search", { query: "\u200b" })).status).toBe(400);
  });
});

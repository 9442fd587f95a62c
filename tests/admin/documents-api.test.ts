/**
 * The admin documents API over real HTTP against the real service (real index,
 * real corpus folder in a temp dir), used as a script would: with the bearer token.
 */
import { readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, startTestServer, type TestServer } from "../helpers/test-server.js";
import { FERRY, FERRY_REPLACED, KILN, LIBRARY, writeCorpus } from "../reindex/fixtures.js";
import { minimalPdf } from "../reindex/minimal-pdf.js";
import { ADMIN_TOKEN } from "./admin-token.js";

const MARSH = `Saltmarsh Observatory

The Saltmarsh observatory counts curlews every Tuesday at dawn. Its telescope was built in 1911 by the Pellory brothers.
`;

interface Row {
  id: string;
  type: string;
  size: number;
  status: string;
  reason?: string;
  chunks?: number;
  pages?: number;
  indexedAt?: string;
}

describe("admin documents API", () => {
  let server: TestServer;
  let corpusDir: string;
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

  const put = (id: string, body: string | Buffer, headers: Record<string, string> = auth) =>
    fetch(`${server.url}/admin/documents/${encodeURIComponent(id)}`, { method: "PUT", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
  const del = (id: string) => fetch(`${server.url}/admin/documents/${encodeURIComponent(id)}`, { method: "DELETE", headers: auth });
  const list = async () => {
    const response = await fetch(`${server.url}/admin/documents`, { headers: auth });
    expect(response.status).toBe(200);
    return (await response.json()) as { generation: string; documents: Row[] };
  };
  const row = async (id: string) => (await list()).documents.find((d) => d.id === id);
  const ask = async (question: string) =>
    (await (await server.post("/ask", { question })).json()) as { abstained: boolean; citations: { source: string }[] };

  beforeAll(async () => {
    corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "notes/library.md": LIBRARY, "logo.png": Buffer.from([137, 80, 78, 71]) });
    await writeFile(path.join(corpusDir, "broken.pdf"), "%PDF-1.4 this is not really a PDF");
    server = await startTestServer({ corpusDir, env: { ADMIN_TOKEN, MAX_FILE_MB: "0.01" } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("When the documents are listed, Then each has its type, size, chunks and status, and skipped files say why", async () => {
    const { documents, generation } = await list();
    expect(generation).toMatch(/^gen-/);
    expect(documents.map((d) => d.id).sort()).toEqual(["broken.pdf", "ferry.txt", "kiln.txt", "logo.png", "notes/library.md"]);
    expect(documents.find((d) => d.id === "kiln.txt")).toMatchObject({ type: "txt", size: Buffer.byteLength(KILN), status: "indexed", chunks: 1 });
    expect((await row("kiln.txt"))!.indexedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await row("logo.png")).toMatchObject({ status: "unsupported", reason: ".png files are not indexed" });
    expect(await row("broken.pdf")).toMatchObject({ status: "unreadable" });
    expect((await row("broken.pdf"))!.reason).toMatch(/pdf|parse/i);
  });

  it("When a new document is PUT, Then it is written, indexed and answerable when the response arrives", async () => {
    const response = await put("field/marsh.md", MARSH);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ document: "field/marsh.md", status: "published", filesAdded: 1 });
    expect(await readFile(path.join(corpusDir, "field", "marsh.md"), "utf8")).toBe(MARSH);
    expect(await row("field/marsh.md")).toMatchObject({ status: "indexed", type: "md", chunks: 1 });
    const answer = await ask("When does the Saltmarsh observatory count curlews?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]!.source).toBe("field/marsh.md");
    // Written aside and renamed: no temporary file is left behind.
    expect(await readdir(path.join(corpusDir, "field"))).toEqual(["marsh.md"]);
  });

  it("When an existing document is PUT again, Then it is replaced and the old text is no longer answered", async () => {
    const response = await put("ferry.txt", FERRY_REPLACED);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ document: "ferry.txt", status: "published", filesChanged: 1 });
    const answer = await ask("How long is the central span of the Quillon bridge?");
    expect(answer.citations[0]!.source).toBe("ferry.txt");
    expect((await row("ferry.txt"))!.chunks).toBeGreaterThan(1);
  });

  it("When a PDF is PUT, Then its pages are counted", async () => {
    const pdf = minimalPdf(["The Brannock lighthouse keeper logs the fog horn hours.", "The lamp of the Brannock lighthouse turns twice a minute."]);
    expect((await put("lighthouse.pdf", pdf)).status).toBe(200);
    expect(await row("lighthouse.pdf")).toMatchObject({ status: "indexed", type: "pdf", pages: 2 });
  });

  it("When a document is DELETEd, Then it leaves the folder and the index, and a second delete is 404", async () => {
    const response = await del("field/marsh.md");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ document: "field/marsh.md", status: "published", filesRemoved: 1 });
    expect(await row("field/marsh.md")).toBeUndefined();
    const answer = await ask("When does the Saltmarsh observatory count curlews?");
    expect(answer.citations.map((c) => c.source)).not.toContain("field/marsh.md");
    const again = await del("field/marsh.md");
    expect(again.status).toBe(404);
    expect((await again.json()).error).toMatch(/no document "field\/marsh.md"/);
  });

  it("When a name climbs out of the corpus or is absolute, Then it is refused with 400 and nothing is written", async () => {
    const outside = await makeTempDir("rag-outside-");
    await symlink(outside, path.join(corpusDir, "escape"));
    for (const name of ["../evil.md", "notes/../../evil.md", "/etc/evil.md", "C:\\evil.md", ".hidden.md", "escape/evil.md", "a\u0000b.md"]) {
      const response = await put(name, "# Evil\n\nText.");
      expect(response.status, name).toBe(400);
      expect((await response.json()).error, name).toMatch(/absolute|out of the corpus|hidden|characters/);
    }
    expect((await del("../kiln.txt")).status).toBe(400);
    expect(await readdir(outside)).toEqual([]);
    expect(await readdir(path.dirname(corpusDir))).not.toContain("evil.md");
  });

  it("When a file is of an unsupported type, too large or empty, Then it is refused with 415, 413 or 400", async () => {
    const unsupported = await put("script.exe", "MZ");
    expect(unsupported.status).toBe(415);
    expect((await unsupported.json()).error).toMatch(/supported types: .*\.md.*\.pdf/);
    const large = await put("big.txt", "x".repeat(20_000));
    expect(large.status).toBe(413);
    expect((await large.json()).error).toMatch(/larger than the limit of 10 KB/);
    const empty = await put("empty.txt", "");
    expect(empty.status).toBe(400);
    expect(await readdir(corpusDir)).not.toContain("big.txt");
  });

  it("When two changes arrive at once, Then one is applied and the other is answered 409 with nothing changed", async () => {
    const [first, second] = await Promise.all([put("one.txt", KILN.replace("Aldermoor", "Oneford")), put("two.txt", KILN.replace("Aldermoor", "Twoford"))]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect((await refused.json()).error).toMatch(/reindex is already running/);
    const names = await readdir(corpusDir);
    expect(names.filter((n) => n === "one.txt" || n === "two.txt")).toHaveLength(1);
  });

  it("When no token or a wrong one is sent, Then the documents API answers 401", async () => {
    expect((await fetch(`${server.url}/admin/documents`)).status).toBe(401);
    expect((await put("x.md", "# X", { authorization: "Bearer wrong" })).status).toBe(401);
    expect(await readdir(corpusDir)).not.toContain("x.md");
  });
});

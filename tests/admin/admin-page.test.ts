/**
 * The admin page in real headless Chromium against the real service: signing
 * in, uploading a PDF and a Markdown file with progress shown, asking the chat
 * about the new file, deleting it, and the refusals (wrong token, a change
 * without the CSRF token); at 360 px and by keyboard.
 */
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askInChat, chromiumMissing, launchChromium, watchDialogs } from "../helpers/browser.js";
import { makeTempDir, startTestServer, type TestServer } from "../helpers/test-server.js";
import { minimalPdf } from "../reindex/minimal-pdf.js";
import { ADMIN_TOKEN } from "./admin-token.js";

const MARKDOWN = `# Quillmere Aquarium

## Feeding times

The Quillmere aquarium feeds its octopus, named Bramble, every Thursday at half past two in the afternoon.
`;
const QUESTION = "When is Bramble the octopus fed at the Quillmere aquarium?";

if (chromiumMissing) console.warn(chromiumMissing);

describe.skipIf(chromiumMissing)("admin page in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let uploads: string;

  beforeAll(async () => {
    uploads = await makeTempDir("rag-admin-uploads-");
    await writeFile(path.join(uploads, "aquarium.md"), MARKDOWN);
    await writeFile(path.join(uploads, "tide-tables.pdf"), minimalPdf(["The Quillmere tide tables are printed every spring.", "High tide at the Quillmere pier."]));
    [server, browser] = await Promise.all([startTestServer({ env: { ADMIN_TOKEN } }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(uploads, { recursive: true, force: true });
  });

  async function openAdmin(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/admin`);
    expect(response!.headers()["content-security-policy"]).toContain("script-src 'self'");
    return page;
  }

  async function signIn(page: Page, token = ADMIN_TOKEN): Promise<void> {
    await page.locator("#admin-token").fill(token);
    await page.locator("#admin-token").press("Enter");
  }

  it("When a wrong token is entered, Then sign-in is refused with a message and no session cookie is set", async () => {
    const context = await browser.newContext();
    const page = await openAdmin(context);
    await signIn(page, "not-the-admin-token");
    await page.locator("#sign-in-error", { hasText: "Wrong admin token" }).waitFor();
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(async () => (await fetch("/admin/documents")).status)).toBe(401);
    await context.close();
  });

  it("When signed in, Then a PDF and a Markdown file upload with progress, the chat answers from the new file, and after deleting it the chat no longer finds it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openAdmin(context);
    const dialogs = watchDialogs(page);
    const response = page.waitForResponse((r) => r.url().endsWith("/admin/session") && r.request().method() === "POST");
    await signIn(page);
    expect((await response).status()).toBe(200);
    await page.locator("table.documents").waitFor();
    expect(await page.locator("tr[data-id='nemo-unesco-museum-forum-2025.txt'] .status").innerText()).toBe("Indexed");

    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: "rag_admin", httpOnly: true, sameSite: "Strict", path: "/admin" });
    expect(await page.evaluate(() => document.cookie)).toBe("");

    const progressShown = page.locator("progress.progress:not([hidden])").waitFor();
    await page.locator("#upload-input").setInputFiles([path.join(uploads, "tide-tables.pdf"), path.join(uploads, "aquarium.md")]);
    await progressShown;
    await page.locator(".message", { hasText: "aquarium.md: live in generation" }).waitFor({ timeout: 60_000 });
    await page.locator("progress.progress").waitFor({ state: "hidden" });
    const pdfRow = page.locator("tr[data-id='tide-tables.pdf']");
    expect(await pdfRow.locator(".status").innerText()).toBe("Indexed");
    expect(await pdfRow.locator("td").nth(3).innerText()).toBe("2"); // pages
    expect(await page.locator("tr[data-id='aquarium.md'] .status").innerText()).toBe("Indexed");

    const chat = await context.newPage();
    await chat.goto(`${server.url}/`);
    const answer = await askInChat(chat, QUESTION);
    expect(await answer.innerText()).toContain("half past two");
    await chat.locator(".cite").first().click();
    expect(await chat.locator(".citation-source").innerText()).toContain("aquarium.md");

    await page.getByRole("button", { name: "Delete aquarium.md", exact: true }).click();
    await page.getByRole("button", { name: "Yes, delete aquarium.md" }).click();
    await page.locator(".message", { hasText: "aquarium.md: live in generation" }).waitFor({ timeout: 60_000 });
    await page.locator("tr[data-id='aquarium.md']").waitFor({ state: "detached" });
    expect(await readdir(path.join(server.dir, "corpus"))).not.toContain("aquarium.md");

    await chat.locator("button", { hasText: "New chat" }).click();
    const after = await askInChat(chat, QUESTION);
    expect(await after.getAttribute("class")).toMatch(/abstained|uncertain/);
    expect(await after.innerText()).not.toContain("aquarium");
    expect(dialogs.fired).toEqual([]);
    await context.close();
  });

  it("When a signed-in page sends a change without the CSRF token, Then it is refused with 403 and nothing changes", async () => {
    const context = await browser.newContext();
    const page = await openAdmin(context);
    await signIn(page);
    await page.locator("table.documents").waitFor();
    const statuses = await page.evaluate(async () => {
      const put = await fetch("/admin/documents/forged.md", { method: "PUT", body: "# Forged\n\nText." });
      const wrong = await fetch("/admin/documents/forged.md", { method: "PUT", body: "# Forged", headers: { "x-csrf-token": "guess" } });
      const reindex = await fetch("/admin/reindex", { method: "POST" });
      return [put.status, wrong.status, reindex.status, (await put.json()).error];
    });
    expect(statuses.slice(0, 3)).toEqual([403, 403, 403]);
    expect(statuses[3]).toMatch(/CSRF/);
    expect(await readdir(path.join(server.dir, "corpus"))).not.toContain("forged.md");
    await context.close();
  });

  it("When the screen is a 360 px phone in dark mode, Then the page does not overflow and the table scrolls in its own region", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, colorScheme: "dark" });
    const page = await openAdmin(context);
    await signIn(page);
    await page.locator("table.documents").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const background = await page.evaluate(() => getComputedStyle(document.getElementById("admin")!.shadowRoot!.querySelector(".admin")!).backgroundColor);
    expect(background).toBe("rgb(20, 23, 29)");
    // Keyboard: from the heading, Tab reaches the file picker with a visible focus ring.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.getElementById("admin")!.shadowRoot!.activeElement?.id);
    expect(focused).toBe("upload-input");
    await context.close();
  });
});

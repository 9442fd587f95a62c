/**
 * Takes the README's screenshots of the chat (desktop, 360 px phone, phone in
 * dark mode, and the widget on another site) and of the content-gap report
 * with headless Chromium against the real service and the repository's
 * corpus, into docs/screenshots/, and of the chat's first screen and the admin page. The report's two weeks of traffic are made
 * up here (see `seedDemoLog`); today's questions and the vote are real.
 * Usage: npm run screenshots [-- file.png …]   (needs /usr/bin/chromium)
 */
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions } from "playwright-core";
import type { AnswerOutcome } from "../src/answer/types.js";
import type { SafeQuestionLog } from "../src/insights/question-log/index.js";
import { askInChat, chromiumMissing, launchChromium } from "../tests/helpers/browser.js";
import { startHostSite } from "../tests/helpers/host-site.js";
import { startTestServer, type TestServer } from "../tests/helpers/test-server.js";
import { minimalPdf } from "../tests/reindex/minimal-pdf.js";

const OUT_DIR = path.resolve(import.meta.dirname, "../docs/screenshots");
const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const FOLLOW_UP = "What is the ticket price for the Grand Egyptian Museum?";
const DESKTOP = { width: 1280, height: 800 };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// Names of the pictures to retake (`npm run screenshots -- admin.png first-screen.png`); none: all.
const ONLY = process.argv.slice(2);

if (chromiumMissing) throw new Error(chromiumMissing);
await mkdir(OUT_DIR, { recursive: true });

const ADMIN_TOKEN = "screenshot-admin-token-0123456789abcdef0123456789";
const server = await startTestServer({ env: { ALLOWED_ORIGINS: "*", QUESTION_LOG: "1", ADMIN_TOKEN } });
const browser = await launchChromium();
try {
  const shots: [string, () => Promise<void>][] = [
    ["desktop.png", () => chatShot(browser, server, "desktop.png", { viewport: DESKTOP })],
    ["phone.png", () => chatShot(browser, server, "phone.png", PHONE)],
    ["phone-dark.png", () => chatShot(browser, server, "phone-dark.png", { ...PHONE, colorScheme: "dark" })],
    ["widget.png", () => widgetShot(browser, server, "widget.png")],
    ["insights.png", () => insightsShot(browser, server, "insights.png")],
    // After the admin page's uploads, the first screen has three documents to draw examples from.
    ["admin.png", () => adminShot(browser, server, "admin.png")],
    ["first-screen.png", () => firstScreenShot(browser, server, "first-screen.png")],
  ];
  for (const [file, take] of shots) if (!ONLY.length || ONLY.includes(file)) await take();
} finally {
  await browser.close();
  await server.close();
}

/** An answered question with its citation open, and an abstained one above it. */
async function chatShot(browser: Browser, server: TestServer, file: string, options: BrowserContextOptions): Promise<void> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  for (const question of [FOLLOW_UP, QUESTION]) await askInChat(page, question);
  await page.locator(".cite").last().click();
  await page.screenshot({ path: path.join(OUT_DIR, file) });
  await context.close();
  console.log(`wrote docs/screenshots/${file}`);
}

async function widgetShot(browser: Browser, server: TestServer, file: string): Promise<void> {
  const site = await startHostSite({
    widgetSrc: () => `${server.url}/widget.js`,
    css: "body { font: 18px/1.6 Georgia, serif; max-width: 40rem; margin: 3rem auto; color: #333; }",
    body: "<h1>Partner museum</h1><p>Opening hours, exhibitions and visitor information of a site that embeds the widget with one script tag.</p>",
  });
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.goto(`${site.origin}/`);
  await page.locator(".launcher").click();
  await askInChat(page, QUESTION);
  await page.screenshot({ path: path.join(OUT_DIR, file) });
  await page.close();
  await site.close();
  console.log(`wrote docs/screenshots/${file}`);
}

/** The chat before any question: what it knows, and examples to click (phone size). */
async function firstScreenShot(browser: Browser, server: TestServer, file: string): Promise<void> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.locator("button.example").first().waitFor();
  await page.screenshot({ path: path.join(OUT_DIR, file) });
  await context.close();
  console.log(`wrote docs/screenshots/${file}`);
}

/** The admin page after uploading two documents (one a PDF), signed in through the form. */
async function adminShot(browser: Browser, server: TestServer, file: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin`);
  await page.locator("#admin-token").fill(ADMIN_TOKEN);
  await page.locator("#admin-token").press("Enter");
  await page.locator("table.documents").waitFor();
  await page.locator("#upload-input").setInputFiles([
    { name: "visitor-guide.md", mimeType: "text/markdown", buffer: Buffer.from("# Visitor guide\n\n## Opening hours\n\nThe museum opens at ten every day except Mondays.\n\n## Tickets\n\nAdults pay twelve euros; children enter free.\n") },
    { name: "annual-report-2024.pdf", mimeType: "application/pdf", buffer: minimalPdf(["Annual report 2024: 412,000 visitors.", "New wing opened in May."]) },
  ]);
  await page.locator(".message", { hasText: "annual-report-2024.pdf: live in generation" }).waitFor({ timeout: 120_000 });
  await page.screenshot({ path: path.join(OUT_DIR, file) });
  await context.close();
  console.log(`wrote docs/screenshots/${file}`);
}

/** The report over a demonstration log, after real questions and a real vote with a comment. */
async function insightsShot(browser: Browser, server: TestServer, file: string): Promise<void> {
  const log = server.services.insights.log!;
  await seedDemoLog(log);
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.goto(`${server.url}/`);
  for (const question of ["How much does a ticket to the Grand Egyptian Museum cost?", "Are dogs allowed in the museum?"]) await askInChat(page, question);
  await page.getByRole("button", { name: "Not helpful" }).last().click();
  await page.getByLabel("What was wrong or missing? (optional)").last().fill("Visitors ask this every week: please add the pet policy");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await page.getByRole("status").filter({ hasText: "Thank you" }).waitFor();
  await log.flush();
  const report = await browser.newPage({ viewport: { width: 1100, height: 1300 }, extraHTTPHeaders: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  await report.goto(`${server.url}/admin/insights`);
  await report.screenshot({ path: path.join(OUT_DIR, file) });
  await Promise.all([page.close(), report.close()]);
  console.log(`wrote docs/screenshots/${file}`);
}

/** Made-up traffic of the last two weeks: mostly answered, with a few recurring gaps worded several ways. */
async function seedDemoLog(log: SafeQuestionLog): Promise<void> {
  const gaps: [string, AnswerOutcome][] = [
    ["What is the ticket price for the Grand Egyptian Museum?", "not_found"],
    ["How much is admission at the Grand Egyptian Museum?", "not_found"],
    ["Grand Egyptian Museum entrance fee?", "not_found"],
    ["Can I bring my dog to the museum?", "not_found"],
    ["Are pets allowed in the museum?", "not_found"],
    ["Which museums signed the Hangzhou declaration?", "uncertain"],
    ["Who signed the declaration at the forum?", "uncertain"],
  ];
  const closest = (await (await server.post("/search", { query: "declaration signed at the forum", k: 2 })).json()) as {
    results: { id: string; source: string; title: string; score: number }[];
  };
  const day = 86_400_000;
  for (let d = 13; d >= 1; d--) {
    const askedAt = new Date(Date.now() - d * day);
    const answered = 8 + ((d * 7) % 6);
    const entries: { question: string; outcome: AnswerOutcome }[] = Array.from({ length: answered }, () => ({
      question: "Where did the Third UNESCO High-Level Forum for Museums take place?",
      outcome: "answered",
    }));
    for (let g = 0; g < 1 + (d % 4); g++) {
      const [question, outcome] = gaps[(d + g * 3) % gaps.length]!;
      entries.push({ question, outcome });
    }
    for (const { question, outcome } of entries) {
      log.record({
        id: randomUUID(),
        askedAt,
        question,
        outcome,
        confidence: outcome === "answered" ? 0.7 : outcome === "uncertain" ? 0.3 : 0.1,
        sources: outcome === "uncertain" ? closest.results.map(({ id, source, title, score }) => ({ id, source, title, score })) : [],
        latencyMs: 40,
        model: "extractive",
      });
    }
  }
  await log.flush();
}

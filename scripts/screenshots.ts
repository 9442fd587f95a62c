/**
 * Takes the README's screenshots of the chat (desktop, 360 px phone, phone in
 * dark mode, and the widget on another site) with headless Chromium against
 * the real service and the repository's corpus, into docs/screenshots/.
 * Usage: npm run screenshots   (needs /usr/bin/chromium)
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions } from "playwright-core";
import { askInChat, chromiumMissing, launchChromium } from "../tests/helpers/browser.js";
import { startHostSite } from "../tests/helpers/host-site.js";
import { startTestServer, type TestServer } from "../tests/helpers/test-server.js";

const OUT_DIR = path.resolve(import.meta.dirname, "../docs/screenshots");
const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const FOLLOW_UP = "What is the ticket price for the Grand Egyptian Museum?";
const DESKTOP = { width: 1280, height: 800 };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

if (chromiumMissing) throw new Error(chromiumMissing);
await mkdir(OUT_DIR, { recursive: true });

const server = await startTestServer({ env: { ALLOWED_ORIGINS: "*" } });
const browser = await launchChromium();
try {
  await chatShot(browser, server, "desktop.png", { viewport: DESKTOP });
  await chatShot(browser, server, "phone.png", PHONE);
  await chatShot(browser, server, "phone-dark.png", { ...PHONE, colorScheme: "dark" });
  await widgetShot(browser, server, "widget.png");
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

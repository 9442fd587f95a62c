/**
 * Headless Chromium for browser tests, driven by playwright-core with the
 * system browser (Debian's `chromium`; nothing is downloaded). Tests skip,
 * saying why, when it is not installed.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Undefined when the browser is present; otherwise the reason browser tests are skipped. */
export const chromiumMissing = existsSync(CHROMIUM_PATH)
  ? undefined
  : `skipping browser tests: ${CHROMIUM_PATH} is absent (apt-get install chromium)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Records whether any alert/confirm/prompt fired on the page (dismissing it). */
export function watchDialogs(page: Page): { fired: string[] } {
  const fired: string[] = [];
  page.on("dialog", (dialog) => {
    fired.push(dialog.message());
    void dialog.dismiss();
  });
  return { fired };
}

/** Types a question into the chat (page or open widget) and sends it with Enter. */
export async function sendQuestion(page: Page, question: string): Promise<void> {
  await page.locator("textarea").fill(question);
  await page.locator("textarea").press("Enter");
}

/** Sends a question and waits until its answer has settled (answered, abstained, stopped or failed). */
export async function askInChat(page: Page, question: string): Promise<Locator> {
  const settled = page.locator('.answer[aria-busy="false"]');
  const answer = settled.nth(await settled.count());
  await sendQuestion(page, question);
  await answer.waitFor();
  return answer;
}

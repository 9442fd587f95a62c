/**
 * @module widget
 * Entry point of widget.js. One tag on any site,
 * `<script src="https://host/widget.js" data-title="Ask our documents" defer></script>`,
 * adds a floating button that opens the chat in a panel. Everything lives in
 * a shadow root, so the host page's CSS and ours cannot touch each other, and
 * questions go back to the host the script came from (allowed by CORS).
 */
import { Chat } from "./chat.js";
import { h, styleElement } from "./dom.js";
import { CHAT_CSS, WIDGET_CSS } from "./styles.js";

// currentScript is only set while this script first runs, so it is read right away.
const script = document.currentScript as HTMLScriptElement | null;
const base = new URL(".", script?.src || location.href);
const title = script?.dataset.title || "Ask our documents";

function mountWidget(): void {
  const host = document.createElement("ask-docs-widget");
  const root = host.attachShadow({ mode: "open" });
  const launcher = h("button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "chat-panel" }, title);
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) chat.focus();
    else launcher.focus();
  };
  const chat = new Chat({ title, base, onClose: () => setOpen(false) });
  const panel = h("div", { id: "chat-panel", class: "widget-panel", role: "dialog", "aria-label": title, hidden: true }, chat.element);
  launcher.addEventListener("click", () => setOpen(panel.hidden));
  root.append(styleElement(CHAT_CSS + WIDGET_CSS), launcher, panel);
  document.body.append(host);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountWidget, { once: true });
else mountWidget();

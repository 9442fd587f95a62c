/**
 * @module page
 * Entry point of app.js: the chat filling the page served at GET /.
 */
import { Chat } from "./chat.js";
import { styleElement } from "./dom.js";
import { CHAT_CSS } from "./styles.js";

const mount = document.getElementById("app");
if (mount) {
  const chat = new Chat({ title: mount.dataset.title || "Ask the documents", base: new URL(".", location.href) });
  const root = mount.attachShadow({ mode: "open" });
  root.append(styleElement(CHAT_CSS), chat.element);
  chat.focus();
}

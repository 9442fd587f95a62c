/**
 * @module styles
 * The chat's CSS, placed in its shadow root so that the host page's styles
 * and ours never meet. Light and dark palettes follow prefers-color-scheme;
 * the citation panel sits beside the conversation when the chat is wide and
 * pops over it when narrow (a container query, so the widget and a phone
 * get the popover alike).
 */
import { FEEDBACK_CSS } from "./feedback.js";
import { WELCOME_CSS } from "./welcome.js";

/** The base of every shadow root we fill (chat, widget, admin page): colours for light and dark, focus, type. */
export const BASE_CSS = `
:host {
  all: initial;
  display: block;
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1d2330; --muted: #596275; --surface: #f2f4f8; --border: #d3d8e2;
  --accent: #2253c9; --accent-fg: #ffffff; --focus: #f59e0b; --mark: #ffe27a;
  --warn: #b7791f; --error: #b42318; --ok: #1a7f37;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg);
}
@media (prefers-color-scheme: dark) {
  :host {
    --bg: #14171d; --fg: #e6e9ef; --muted: #a3abba; --surface: #1f242d; --border: #3a4150;
    --accent: #8fb0ff; --accent-fg: #0b1020; --focus: #fbbf24; --mark: #705d0f;
    --warn: #f0b429; --error: #ff8a80; --ok: #6fdd8b;
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button { font: inherit; cursor: pointer; }
`;

export const CHAT_CSS = `${BASE_CSS}

.chat { container-type: inline-size; position: relative; display: flex; flex-direction: column; height: 100%; background: var(--bg); color: var(--fg); }
.chat-header { display: flex; align-items: center; gap: .5rem; padding: .6rem .75rem .6rem 1rem; border-bottom: 1px solid var(--border); }
.chat-header h1 { flex: 1; margin: 0; font-size: 1.05rem; font-weight: 650; }
.text-button { border: 1px solid var(--border); border-radius: 8px; background: none; color: var(--fg); padding: .25rem .6rem; }
.icon-button { border: 0; border-radius: 8px; background: none; color: var(--fg); font-size: 1.4rem; line-height: 1; padding: .2rem .5rem; }

.body { position: relative; display: flex; flex: 1; min-height: 0; }
.log { flex: 1; min-width: 0; overflow-y: auto; padding: 1rem; }
.exchange { display: flex; flex-direction: column; gap: .4rem; margin-bottom: 1.1rem; }
.question, .answer { max-width: min(44rem, 92%); border-radius: 14px; padding: .55rem .8rem; overflow-wrap: anywhere; white-space: pre-wrap; }
.question { align-self: flex-end; margin: 0; background: var(--accent); color: var(--accent-fg); border-bottom-right-radius: 4px; }
.answer { align-self: flex-start; background: var(--surface); border-bottom-left-radius: 4px; }
.answer p { margin: 0; }
.answer[aria-busy="true"] .answer-text::after { content: "▍"; animation: blink 1s steps(1) infinite; }
@keyframes blink { 50% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .answer[aria-busy="true"] .answer-text::after { animation: none; } }
.answer.abstained { background: transparent; border: 1px dashed var(--warn); color: var(--muted); font-style: italic; }
.answer.uncertain { background: transparent; border: 1px solid var(--warn); }
.answer.uncertain .answer-label { color: var(--warn); }
.answer-label { font-style: normal; font-weight: 600; font-size: .8rem; color: var(--warn); text-transform: uppercase; letter-spacing: .04em; }
.answer.failed { background: transparent; border: 1px solid var(--error); }
.answer.failed .answer-note { color: var(--error); }
.answer-note { color: var(--muted); font-size: .9rem; }
.answer-searched { color: var(--muted); font-size: .8rem; margin-top: .35rem; }
.answer-text:not(:empty) + .answer-note { margin-top: .35rem; }
.nowrap { white-space: nowrap; }
.cite { border: 0; background: none; padding: 0 .1em; color: var(--accent); font-size: .78em; font-weight: 650; vertical-align: super; line-height: 1; text-decoration: underline; }

.citation-panel {
  position: absolute; inset: auto .5rem .5rem .5rem; max-height: 78%; overflow-y: auto; z-index: 1;
  background: var(--bg); border: 1px solid var(--border); border-radius: 12px;
  box-shadow: 0 10px 30px rgb(0 0 0 / .25); padding: .75rem 1rem 1rem;
}
@container (min-width: 760px) {
  .citation-panel { position: static; flex: 0 0 340px; max-height: none; margin: .75rem; box-shadow: none; }
}
.citation-panel > .icon-button { float: right; margin: -.25rem -.5rem 0 .5rem; }
.citation-title { margin: 0 0 .25rem; font-size: 1rem; }
.citation-source { margin: 0 0 .75rem; color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
.passage { margin: 0 0 .75rem; padding: .5rem .75rem; border-left: 3px solid var(--accent); background: var(--surface); white-space: pre-wrap; overflow-wrap: anywhere; font-size: .92rem; }
mark { background: var(--mark); color: inherit; border-radius: 2px; }
.source-link { color: var(--accent); }

.composer { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; padding: .75rem; border-top: 1px solid var(--border); }
.question-input {
  flex: 1; min-width: 0; min-height: 2.75rem; max-height: 9rem; resize: vertical; padding: .55rem .7rem;
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 10px;
}
.send, .stop { min-height: 2.75rem; padding: 0 1.1rem; border-radius: 10px; border: 0; font-weight: 600; }
.send { background: var(--accent); color: var(--accent-fg); }
.stop { background: var(--surface); color: var(--fg); border: 1px solid var(--border); }
.hint { flex-basis: 100%; margin: 0; color: var(--muted); font-size: .78rem; }
${FEEDBACK_CSS}
${WELCOME_CSS}`;

/** The widget's own chrome: the floating button and the panel that holds the chat. */
export const WIDGET_CSS = `
.launcher {
  position: fixed; right: 1.25rem; bottom: 1.25rem; z-index: 2147483000;
  border: 0; border-radius: 999px; padding: .8rem 1.2rem; font-weight: 650;
  background: var(--accent); color: var(--accent-fg); box-shadow: 0 6px 20px rgb(0 0 0 / .25);
}
.widget-panel {
  position: fixed; right: 1.25rem; bottom: 5rem; z-index: 2147483000;
  width: min(420px, calc(100vw - 2.5rem)); height: min(620px, calc(100dvh - 6.5rem));
  border: 1px solid var(--border); border-radius: 16px; overflow: hidden; box-shadow: 0 12px 40px rgb(0 0 0 / .3);
}
@media (max-width: 480px) {
  .widget-panel { inset: 0; width: auto; height: auto; border: 0; border-radius: 0; }
}
`;

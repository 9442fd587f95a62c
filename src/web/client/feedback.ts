/**
 * @module feedback
 * Thumbs up / down under an answer, sent to `POST /feedback` with the
 * answer's id. Down opens an optional one-line comment (Enter sends it), so
 * a reader can say what was missing without being made to. Plain buttons and
 * a form, so Tab, Enter and Space do everything; the outcome is announced
 * through a status region. One vote per answer: the buttons lock once it is
 * sent, and unlock again if sending failed.
 */
import { type Feedback, MAX_COMMENT_CHARS, type Vote } from "../../core/feedback.js";
import { h } from "./dom.js";

export const FEEDBACK_CSS = `
.feedback { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem; max-width: min(44rem, 92%); font-size: .85rem; color: var(--muted); }
.vote { border: 1px solid var(--border); border-radius: 999px; background: none; color: var(--fg); padding: .1rem .55rem; line-height: 1.4; }
.vote[aria-pressed="true"] { background: var(--surface); border-color: var(--accent); }
.vote:disabled { cursor: default; }
.vote:disabled:not([aria-pressed="true"]) { opacity: .45; }
.feedback-comment { display: flex; flex-basis: 100%; flex-wrap: wrap; gap: .35rem; align-items: center; }
.feedback-comment label { flex-basis: 100%; }
.feedback-comment input { flex: 1; min-width: 0; padding: .35rem .55rem; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 8px; }
.feedback-comment button { border: 0; border-radius: 8px; padding: .35rem .8rem; background: var(--accent); color: var(--accent-fg); font-weight: 600; }
.feedback-status:empty { display: none; }
.feedback-status { margin: 0; }
`;

/** The controls for answer `answerId`; votes go to `<base>feedback`. */
export function feedbackControls(base: URL, answerId: string): HTMLElement {
  const up = h("button", { type: "button", class: "vote", "aria-pressed": "false", "aria-label": "Helpful" }, "👍");
  const down = h("button", { type: "button", class: "vote", "aria-pressed": "false", "aria-label": "Not helpful" }, "👎");
  const inputId = `feedback-comment-${answerId}`;
  const comment = h("input", { type: "text", id: inputId, maxlength: String(MAX_COMMENT_CHARS), autocomplete: "off" });
  const form = h(
    "form",
    { class: "feedback-comment", hidden: true },
    h("label", { for: inputId }, "What was wrong or missing? (optional)"),
    comment,
    h("button", { type: "submit" }, "Send feedback"),
  );
  const status = h("p", { class: "feedback-status", role: "status" });
  const element = h("div", { class: "feedback", role: "group", "aria-label": "Was this answer helpful?" }, h("span", {}, "Helpful?"), up, down, form, status);

  const lock = (locked: boolean) => {
    up.disabled = locked;
    down.disabled = locked;
  };
  const send = async (vote: Vote, text = "") => {
    lock(true);
    form.hidden = true;
    status.textContent = "Sending…";
    const sent = await postFeedback(base, { id: answerId, vote, ...(text.trim() && { comment: text.trim() }) });
    status.textContent = sent ? "Thank you for the feedback." : "Could not send the feedback. Please try again.";
    if (!sent) {
      lock(false);
      up.setAttribute("aria-pressed", "false");
      down.setAttribute("aria-pressed", "false");
    }
  };

  up.addEventListener("click", () => {
    up.setAttribute("aria-pressed", "true");
    void send("up");
  });
  down.addEventListener("click", () => {
    down.setAttribute("aria-pressed", "true");
    up.disabled = true;
    form.hidden = false;
    comment.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send("down", comment.value);
  });
  return element;
}

async function postFeedback(base: URL, body: { id: string } & Feedback): Promise<boolean> {
  try {
    const response = await fetch(new URL("feedback", base), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return response.ok;
  } catch {
    return false;
  }
}

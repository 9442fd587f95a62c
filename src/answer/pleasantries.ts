/**
 * @module pleasantries
 * What a chat message says around its question: "Hi, when was the forum held?", "Could you tell me who moderated the
 * panel?", "… please", "Thanks!". None of it is asked about, yet each word weighed as a term of the question: "hi" and
 * "tell", which no answer says, were the rarest terms of their questions, and "Who moderated the panel?" went from
 * answered (0.76) to uncertain (0.13) when asked "Could you tell me who moderated the panel?". The question is read
 * without them; a greeting or thanks said alone is answered as "What can I ask?" is (overview.ts).
 */

import { withoutClosing, withoutTrailing } from "../ingest/closing-punctuation.js";

// Words a question opens with.
const QUESTION_OPENING = "(?:who|whom|whose|what|whats|when|where|which|why|how|can|could|do|does|did|is|are|was|were|will|would|should|may|i)";
// "Hi", "hello there", "good morning".
const GREETING_SOURCE = String.raw`(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day))(?:,?\s+there)?`;
const GREETING = new RegExp(`^${GREETING_SOURCE}$`, "iu");
// "Thanks", "thank you very much".
const THANKS_WORDS = String.raw`(?:thanks|thank you|thx|cheers|many thanks)(?: (?:so|very) much)?`;
// Said alone: "Thanks", "ok, thank you very much", "great, thanks for your help".
const THANKS_SOURCE = String.raw`(?:(?:ok(?:ay)?|great|perfect|cool|brilliant|lovely)[,!.]?\s+)?${THANKS_WORDS}(?: for (?:your|the) help)?`;
const THANKS = new RegExp(`^${THANKS_SOURCE}$`, "iu");
/** A greeting or thanks said alone, as a pattern's source (overview.ts answers it as "What can I ask?"). */
export const SMALL_TALK_SOURCE = `(?:${GREETING_SOURCE}|${THANKS_SOURCE})`;
// A greeting before the question, set apart by punctuation ("Hi, when …", "Hello! Can you …") or followed by a word
// that opens a question ("hey what is …"; not "hello world").
const LEADING_GREETING = new RegExp(`^\\s*${GREETING_SOURCE}(?:\\s*[,!.:;-]+\\s*|\\s+(?=${QUESTION_OPENING}\\b))(?=\\S)`, "iu");
// Thanks ending the question, once its stops are trimmed (by hand, withoutEndingThanks): "… held? Thanks", "…, thank you
// very much!". Patterns reaching back over the stops and spaces before it were retried from every position of a long
// run of them (20 s for 50,000 spaces).
const ENDING_THANKS = new RegExp(String.raw`\b${THANKS_WORDS}(?: in advance)?$`, "iu");
// "Please …", "can you please …"; "…, please" is ENDING_PLEASE. Not a "please" inside what is asked ("the 'please call' sign").
const PLEASE = /^\s*please\b,?\s*|(?<=\b(?:can|could|would|will) you )please\s+/giu;
const ENDING_PLEASE = /\bplease$/iu;
// A question asked about: "could you tell me who …", "do you know when …", "I'd like to know where …". Not "tell me
// about X" (overview.ts), nor "tell me why" alone, which may be what is searched for (a song's title).
const INDIRECT = /^\s*(?:(?:can|could|would|will) you (?:tell|show) me|(?:can|could|would|will) you let me know|do you know|does anyone know|i(?:['’]d| would) like to know|i want to know|i was wondering)\s+(?=(?:who|whom|whose|what|when|where|which|why|how|if|whether)\b)/iu;

// "Can you tell me about X?" asks what "Tell me about X" asks (overview.ts).
const ASKED_TO_TELL_ABOUT = /^\s*(?:can|could|would|will) you (?=(?:tell|show) me about\b)/iu;

/** Whether the message is a greeting alone ("Hi!", "Good morning") or thanks alone ("Thanks!"); undefined for anything else. */
export function smallTalk(message: string): "greeting" | "thanks" | undefined {
  const said = withoutClosing(message.trim());
  return GREETING.test(said) ? "greeting" : THANKS.test(said) ? "thanks" : undefined;
}

/**
 * The question a chat message asks, without a greeting before it, thanks after it, a "please" around it, or the "could
 * you tell me" that asks it: "Hello! Could you please tell me when the forum was held? Thanks" → "when the forum was held?".
 * A message that is nothing else ("Thanks!") is left as it is.
 */
export function withoutPleasantries(message: string): string {
  if (smallTalk(message)) return message;
  const polite = withoutEndingPlease(withoutEndingThanks(message.replace(LEADING_GREETING, ""))).replace(PLEASE, "").replace(/\s{2,}/g, " ");
  const question = polite.replace(INDIRECT, "").replace(ASKED_TO_TELL_ABOUT, "").trim();
  return question || message;
}

/** The message without the thanks it ends with, nor the stops, commas and spaces around them: "… held? Thanks!" → "… held?". */
function withoutEndingThanks(message: string): string {
  const closed = withoutTrailing(message, /[\s.!]/u);
  const thanks = ENDING_THANKS.exec(closed);
  return thanks ? withoutTrailing(closed.slice(0, thanks.index), /[\s,.!]/u) : message;
}

/** The message without the "please" it ends with, nor a comma before it, its closing kept: "Opening hours, please?" → "Opening hours?". */
function withoutEndingPlease(message: string): string {
  const closed = withoutClosing(message);
  const please = ENDING_PLEASE.exec(closed);
  if (!please) return message;
  const before = withoutTrailing(closed.slice(0, please.index), /\s/u);
  return `${before.endsWith(",") ? before.slice(0, -1) : before}${message.slice(closed.length)}`;
}

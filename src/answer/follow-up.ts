/**
 * @module follow-up
 * Follow-up questions ("and who else was on the panel?") are rewritten into a
 * standalone question before retrieval. This module holds the seam and the
 * deterministic rewriter used offline (and whenever the model cannot help).
 */
import { isStopWord, terms, words } from "../retrieval/tokenize.js";

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

/** Turns the last question of a conversation into one that can be searched on its own. */
export interface QuestionRewriter {
  rewrite(question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string>;
}

// Words that point back into the conversation instead of naming what they mean.
const REFERS_BACK =
  /\b(he|she|him|her|his|hers|they|them|their|theirs|it|its|this|that|these|those|there|else|other|others|former|latter|same)\b/i;
const CONTINUES = /^\s*(and|but|also|so|then|what about|how about)\b/i;
// A question with this few content terms is probably elliptical ("And in 2024?").
const MAX_ELLIPTICAL_TERMS = 2;
// Capitalised words and acronyms in a row: names of people, places, organisations.
const NAME = /(?:\b(?:\p{Lu}[\p{L}’'-]*|\p{N}+)\b[ \t]*)+/gu;
const MAX_TOPIC_NAMES = 3;

/**
 * The offline rewriter: a question that refers back ("she", "it", "and …") gets
 * the names from the last exchange appended — first from the assistant's
 * answer, which says who or what was meant, then from the user's question;
 * with no names there, the last question's content words. Retrieval then
 * matches the same passages as the standalone question would.
 */
export class HeuristicRewriter implements QuestionRewriter {
  async rewrite(question: string, history: ChatTurn[]): Promise<string> {
    if (!history.length || !refersBack(question)) return question;
    const topic = conversationTopic(question, history);
    return topic.length ? `${question.trim()} (${topic.join(", ")})` : question;
  }
}

export function refersBack(question: string): boolean {
  return REFERS_BACK.test(question) || CONTINUES.test(question) || terms(question).length <= MAX_ELLIPTICAL_TERMS;
}

/** Names (or, failing that, content words) of the last exchange that the question does not already contain. */
function conversationTopic(question: string, history: ChatTurn[]): string[] {
  const known = new Set(words(question));
  const lastUser = history.findLastIndex((turn) => turn.role === "user");
  const answer = history.slice(lastUser + 1).find((turn) => turn.role === "assistant")?.content ?? "";
  const asked = lastUser >= 0 ? history[lastUser]!.content : "";
  const isNew = (phrase: string) => words(phrase).some((w) => !known.has(w));
  const names = unique([...namesIn(answer), ...namesIn(asked)]).filter(isNew).slice(0, MAX_TOPIC_NAMES);
  if (names.length) return names;
  return unique(words(asked).filter((w) => !isStopWord(w) && !known.has(w)));
}

/** Capitalised phrases that are not just a capitalised first word of a sentence. */
function namesIn(text: string): string[] {
  const plain = text.replace(/\[\d+\]/g, " ");
  const names: string[] = [];
  for (const match of plain.matchAll(NAME)) {
    const phrase = match[0].trim();
    const phraseWords = words(phrase);
    if (!phraseWords.length || phraseWords.every(isStopWord) || /^\p{N}+$/u.test(phrase)) continue;
    const startsSentence = /(^|[.!?:]\s*)$/.test(plain.slice(0, match.index).trimEnd() || "");
    // "Petra Havu moderated" at a sentence start is still a name; a lone "Which" is not.
    if (startsSentence && phraseWords.length === 1 && !/^\p{Lu}{2,}$/u.test(phrase)) continue;
    names.push(phrase.split(/\s+/).filter((w) => !isStopWord(w.toLowerCase())).join(" "));
  }
  return names.filter(Boolean);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

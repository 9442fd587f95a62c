/**
 * @module follow-up
 * Follow-up questions ("and who else was on the panel?") are rewritten into a
 * standalone question before retrieval. This module holds the seam and the
 * deterministic rewriter used offline (and whenever the model cannot help).
 * "Tell me more" asks the last question again for what its answers did not
 * say: offline it is searched as that question, and the sentences they
 * quoted are no longer evidence (notYetSaid).
 */
import { isStopWord, terms, words } from "../retrieval/tokenize.js";
import type { SentenceEvidence } from "./evidence.js";
import { withoutClosing } from "../ingest/closing-punctuation.js";
import { asksAboutDocuments } from "./overview.js";

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
// Pronouns that stand for a person: their referent is a name, most often in the last answer.
const REFERS_TO_PERSON = /\b(he|she|him|her|his|hers)\b/i;
const CONTINUES = /^\s*(and|but|also|so|then|what about|how about)\b/i;
// A question with this few content terms is probably elliptical ("And in 2024?").
const MAX_ELLIPTICAL_TERMS = 2;
// Capitalised words and acronyms in a row: names of people, places, organisations, events.
const NAME = /(?:\b\p{Lu}[\p{L}’'-]*\b[ \t]*)+/gu;
const CALENDAR_WORD = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const MAX_TOPIC_NAMES = 2;

/**
 * The offline rewriter: a question that refers back ("she", "it", "and …") gets
 * what it most likely refers to appended. "She" or "his" stands for a person,
 * so the names of people (two or more capitalised words) from the last answer,
 * then the last question; any other reference stands for what the user last
 * asked about, so the names in the last question; with no names, its content
 * words. Few words are added on purpose: each one pulls retrieval towards the
 * previous passage and away from what the follow-up asks.
 */
export class HeuristicRewriter implements QuestionRewriter {
  async rewrite(question: string, history: ChatTurn[]): Promise<string> {
    if (!history.length) return question;
    const asked = asksForMore(question) ? topicOfMore(history) : undefined;
    if (asked) return asked.question;
    if (!refersBack(question)) return question;
    const topic = conversationTopic(question, history);
    return topic.length ? `${question.trim()} (${topic.join(", ")})` : question;
  }
}

// "Tell me more", "more details, please", "go on", "anything else?": more on the last question, naming nothing new.
// (Closing punctuation is trimmed by withoutClosing, not by the pattern.)
const MORE = /^\W*(?:(?:can you |could you |please )?(?:tell me|say|give me|show me) more(?: about (?:it|that|this|them))?|more(?: details| info(?:rmation)?)?|go on|continue|keep going|anything else|what else|elaborate|(?:and )?then what)(?:,?\s*please)?$/iu;

/** Whether the question asks for more on the last one, naming nothing of its own. */
export function asksForMore(question: string): boolean {
  return MORE.test(withoutClosing(question));
}

/**
 * For "tell me more" (asksForMore): the evidence without the sentences that the answers since the question it is about
 * already quoted (their citation markers set aside), so that the answer goes on to what they did not say.
 */
export function notYetSaid(history: ChatTurn[], evidence: SentenceEvidence[]): SentenceEvidence[] {
  const asked = topicOfMore(history);
  if (!asked) return evidence;
  const said = asked.answers.replace(/\s*\[\d+\]/g, "").replace(/\s+/g, " ");
  return evidence.filter((s) => !said.includes(s.text.replace(/\s+/g, " ")));
}

/** What "tell me more" is about: the last question that was not itself a request for more, and every answer since. */
function topicOfMore(history: ChatTurn[]): { question: string; answers: string } | undefined {
  const at = history.findLastIndex((turn) => turn.role === "user" && !asksForMore(turn.content));
  if (at < 0) return undefined;
  const answers = history.slice(at + 1).filter((turn) => turn.role === "assistant");
  return { question: history[at]!.content, answers: answers.map((turn) => turn.content).join("\n") };
}

export function refersBack(question: string): boolean {
  return REFERS_BACK.test(question) || CONTINUES.test(question) || terms(question).length <= MAX_ELLIPTICAL_TERMS;
}

/** What the question most likely refers to in the last exchange, minus what it already says. */
function conversationTopic(question: string, history: ChatTurn[]): string[] {
  const known = new Set(words(question));
  const isNew = (phrase: string) => words(phrase).some((w) => !known.has(w));
  const lastUser = history.findLastIndex((turn) => turn.role === "user");
  const lastQuestion = lastUser >= 0 ? history[lastUser]!.content : "";
  // "What is this document about?" names no topic: "document" would only pull retrieval towards nothing in particular.
  const asked = asksAboutDocuments(lastQuestion) ? "" : lastQuestion;
  const answered = history.slice(lastUser + 1).find((turn) => turn.role === "assistant")?.content ?? "";
  const candidates = REFERS_TO_PERSON.test(question)
    ? [...namesIn(answered), ...namesIn(asked)].filter((name) => name.split(" ").length >= 2)
    : namesIn(asked);
  const names = unique(candidates.filter(isNew)).slice(0, MAX_TOPIC_NAMES);
  if (names.length) return names;
  return unique(words(asked).filter((w) => !isStopWord(w) && !known.has(w)));
}

/** Capitalised phrases, without dates, stop words, or a sentence's capitalised first word. */
function namesIn(text: string): string[] {
  const plain = text.replace(/\[\d+\]/g, " ");
  const names: string[] = [];
  for (const match of plain.matchAll(NAME)) {
    const phrase = match[0]
      .trim()
      .split(/\s+/)
      .filter((w) => !isStopWord(w.toLowerCase()) && !CALENDAR_WORD.test(w))
      .join(" ");
    if (!phrase) continue;
    const startsSentence = /(^|[.!?:])$/.test(plain.slice(0, match.index).trimEnd());
    // A capitalised first word alone ("Which", "Besides") is grammar, not a name; an acronym is still a name.
    if (startsSentence && !phrase.includes(" ") && !/^\p{Lu}{2,}$/u.test(phrase)) continue;
    names.push(phrase);
  }
  return names;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** Request bodies, validated at the edge; the handlers trust the derived types. */
import { z } from "zod";
import { MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS } from "../core/limits.js";

export { MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS };

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .max(max, `${name} must be at most ${max} characters`)
    .refine((s) => s.replace(INVISIBLE, "").length > 0, `${name} must not be empty`);

// White space, format characters (zero-width spaces and joiners, bidi controls) and blank-looking fillers: a text of only these says nothing.
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]+/gu;

const turnSchema = z.strictObject({
  role: z.enum(["user", "assistant"], { error: 'role must be "user" or "assistant"' }),
  content: text("content", MAX_TURN_CHARS),
});

export const askRequestSchema = z.strictObject({
  question: text("question", MAX_QUESTION_CHARS),
  k: z.number({ error: "k must be a number" }).int("k must be an integer").min(1).max(20).optional(),
  /** Answer as Server-Sent Events (also chosen by `Accept: text/event-stream`). */
  stream: z.boolean({ error: "stream must be true or false" }).optional(),
  /** Earlier turns, oldest first; the question is rewritten to stand alone before retrieval. */
  history: z
    .array(turnSchema, { error: "history must be an array of {role, content}" })
    .max(MAX_HISTORY_TURNS, `history must have at most ${MAX_HISTORY_TURNS} turns`)
    .optional(),
});

export const searchRequestSchema = z.strictObject({
  query: text("query", 2000),
  k: z.number({ error: "k must be a number" }).int("k must be an integer").min(1).max(100).optional(),
  mode: z.enum(["dense", "keyword", "hybrid"]).optional(),
});

export type AskRequest = z.infer<typeof askRequestSchema>;
export type SearchRequest = z.infer<typeof searchRequestSchema>;

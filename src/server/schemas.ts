/** Request bodies, validated at the edge; the handlers trust the derived types. */
import { z } from "zod";

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .max(max, `${name} must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, `${name} must not be empty`);

export const askRequestSchema = z.strictObject({
  question: text("question", 2000),
  k: z.number({ error: "k must be a number" }).int("k must be an integer").min(1).max(20).optional(),
});

export const searchRequestSchema = z.strictObject({
  query: text("query", 2000),
  k: z.number({ error: "k must be a number" }).int("k must be an integer").min(1).max(100).optional(),
  mode: z.enum(["dense", "keyword", "hybrid"]).optional(),
});

export type AskRequest = z.infer<typeof askRequestSchema>;
export type SearchRequest = z.infer<typeof searchRequestSchema>;

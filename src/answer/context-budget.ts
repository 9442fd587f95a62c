/**
 * @module context-budget
 * Packs retrieved passages into the answerer's token budget, best first.
 * Tokens are estimated, not counted: the service runs offline with any
 * OpenAI-compatible model, so no tokenizer is guaranteed to match.
 */
import { formatPassage } from "./prompt.js";
import type { Passage } from "./types.js";

// English prose averages about four characters per token in BPE vocabularies.
const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export interface PackedPassages {
  /** Passages shown to the answerer, renumbered 1, 2, … in retrieval order. */
  packed: Passage[];
  /** Passages that did not fit, numbered after the packed ones. */
  leftOut: Passage[];
}

/**
 * Takes passages in retrieval order while they fit in `budget` tokens (as the
 * prompt wraps them), skipping any that would overflow so that a shorter one
 * further down can still fit. The best passage is always kept: an answer
 * without passages is worse than a slightly long prompt.
 */
export function packPassages(passages: Passage[], budget: number): PackedPassages {
  const packed: Passage[] = [];
  const leftOut: Passage[] = [];
  let used = 0;
  for (const passage of passages) {
    const cost = estimateTokens(formatPassage(passage));
    if (packed.length === 0 || used + cost <= budget) {
      packed.push(passage);
      used += cost;
    } else leftOut.push(passage);
  }
  return {
    packed: packed.map((p, i) => ({ ...p, n: i + 1 })),
    leftOut: leftOut.map((p, i) => ({ ...p, n: packed.length + i + 1 })),
  };
}

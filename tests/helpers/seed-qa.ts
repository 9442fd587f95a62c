import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SHARED_DIR } from "./test-server.js";

export interface SeedQuestion {
  id: string;
  question: string;
  answerable: boolean;
  answer_keywords?: string[];
  evidence?: string;
}

export const SEED_QA_FILE = path.join(SHARED_DIR, "eval/seed-qa.jsonl");

export function loadSeedQa(file = SEED_QA_FILE): SeedQuestion[] | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SeedQuestion);
}

/** Case- and quote-insensitive containment, as the seed set's keywords are meant to be matched. */
export function containsKeyword(answer: string, keywords: string[]): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/[‘’ʼ`]/g, "'").replace(/[“”]/g, '"');
  return keywords.some((k) => fold(answer).includes(fold(k)));
}

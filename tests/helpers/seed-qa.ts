import path from "node:path";
import { readSeedQa, type SeedQuestion } from "../../src/eval/datasets.js";
import { holdsGoldAnswer } from "../../src/eval/qa.js";
import { SHARED_DIR } from "./test-server.js";

export type { SeedQuestion };
/** An answer holds one of a seed question's keywords (the eval's own matching). */
export const containsKeyword = holdsGoldAnswer;

export const SEED_QA_FILE = path.join(SHARED_DIR, "eval/seed-qa.jsonl");

/** The seed questions, or undefined when ../shared is absent (the caller skips with a message). */
export function loadSeedQa(file = SEED_QA_FILE): SeedQuestion[] | undefined {
  return readSeedQa(file);
}

/**
 * @module core/limits
 * Bounds of a question and its conversation, the same for every way in (HTTP,
 * the OpenAI-compatible API, MCP): enough for a follow-up to be understood,
 * small enough for the body limit and the prompt.
 */
export const MAX_QUESTION_CHARS = 2000;
export const MAX_HISTORY_TURNS = 20;
export const MAX_TURN_CHARS = 4000;

/**
 * @module core/feedback
 * A reader's verdict on an answer, shared by the service (route, question
 * log) and the browser code that sends it, so both enforce the same limit.
 */

export type Vote = "up" | "down";

/** Longest comment a reader may leave with a vote (the API's limit and the chat's input). */
export const MAX_COMMENT_CHARS = 500;

/** A vote, and optionally a short comment. */
export interface Feedback {
  vote: Vote;
  comment?: string;
}

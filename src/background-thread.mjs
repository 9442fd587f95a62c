/**
 * @module background-thread
 * Lowers the CPU priority of the calling worker thread (Linux: a thread has
 * its own nice value, set through its thread id). Model inference and index
 * builds run in such threads; on a machine with few cores they would
 * otherwise take turns with the event loop as equals, and every request, even
 * GET /health, would wait for a time slice behind them. At nice 10 they still
 * get all the CPU the event loop leaves free. Elsewhere this does nothing.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

const BACKGROUND_NICE = 10;

export function runInBackground() {
  if (process.platform !== "linux") return;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, BACKGROUND_NICE);
  } catch {
    // Without /proc or the right to renice, the thread keeps the normal priority.
  }
}

import { describe, expect, it, vi } from "vitest";
import { enforceRetention, SafeQuestionLog, type QuestionLog } from "../../src/insights/question-log/index.js";
import { record } from "./question-log.contract.js";

/** A database that accepts connections but never answers: the failure a timeout cannot see quickly. */
function hungStore(): QuestionLog & { calls: string[] } {
  const calls: string[] = [];
  const never = <T>(name: string) => {
    calls.push(name);
    return new Promise<T>(() => undefined);
  };
  return {
    calls,
    record: () => never("record"),
    addFeedback: () => never("addFeedback"),
    entries: () => never("entries"),
    dailyOutcomes: () => never("dailyOutcomes"),
    deleteBefore: () => never("deleteBefore"),
    close: async () => undefined,
  };
}

describe("SafeQuestionLog", () => {
  it("When the store hangs, Then record returns at once, and writes beyond maxPending are dropped and reported", async () => {
    const store = hungStore();
    const failures: string[] = [];
    const log = new SafeQuestionLog(store, { maxPending: 3, onFailure: (operation) => failures.push(operation) });
    for (let i = 0; i < 5; i++) expect(log.record(record())).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.calls).toEqual(["record", "record", "record"]);
    expect(failures).toEqual(["record", "record"]);
  });
});

describe("enforceRetention", () => {
  it("When it starts and each interval passes, Then entries older than the retention are deleted, cut off at now minus the days", async () => {
    vi.useFakeTimers();
    try {
      const cutoffs: Date[] = [];
      let now = new Date("2026-12-02T00:00:00Z");
      const stop = await enforceRetention({ deleteBefore: async (cutoff) => (cutoffs.push(cutoff), 0) }, { days: 30, intervalMs: 1000, now: () => now });
      expect(cutoffs.map((c) => c.toISOString())).toEqual(["2026-11-02T00:00:00.000Z"]);
      now = new Date("2026-12-03T00:00:00Z");
      vi.advanceTimersByTime(1000);
      expect(cutoffs.map((c) => c.toISOString())).toEqual(["2026-11-02T00:00:00.000Z", "2026-11-03T00:00:00.000Z"]);
      stop();
      vi.advanceTimersByTime(5000);
      expect(cutoffs).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

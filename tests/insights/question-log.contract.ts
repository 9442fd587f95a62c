/**
 * The behaviour every question log backend must have; the SQLite and the
 * PostgreSQL test files each run it against their own store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionLog, QuestionRecord } from "../../src/insights/question-log/index.js";

const DAY_MS = 86_400_000;
const NOW = new Date("2026-12-02T12:00:00Z");

let counter = 0;
/** A record with a fresh uuid, asked `daysAgo` before NOW. */
export function record(overrides: Partial<QuestionRecord> = {}, daysAgo = 0): QuestionRecord {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    askedAt: new Date(NOW.getTime() - daysAgo * DAY_MS),
    question: `Question ${counter}?`,
    outcome: "answered",
    confidence: 0.71,
    sources: [{ id: "doc.txt#0", source: "doc.txt", title: "Doc", score: 0.83 }],
    latencyMs: 12.5,
    model: "extractive",
    ...overrides,
  };
}

export function describeQuestionLogContract(name: string, open: () => Promise<{ log: QuestionLog; close(): Promise<void> }>): void {
  describe(`question log contract: ${name}`, () => {
    let log: QuestionLog;
    let close: () => Promise<void>;
    beforeAll(async () => ({ log, close } = await open()));
    afterAll(() => close?.());

    it("When an entry is recorded, Then it reads back field for field, with no feedback", async () => {
      const entry = record({ question: "Where is the forum?", outcome: "uncertain", confidence: 0.3125 });
      await log.record(entry);
      const [read] = (await log.entries({ since: new Date(0), limit: 1000 })).filter((e) => e.id === entry.id);
      expect(read).toEqual(entry);
    });

    it("When a vote is added, Then it resolves to the answer's outcome and is stored with its comment; an unknown id resolves to undefined", async () => {
      const entry = record({ outcome: "not_found" });
      await log.record(entry);
      const at = new Date(NOW.getTime() + 1000);
      await expect(log.addFeedback(entry.id, { vote: "down", comment: "Nothing about prices" }, at)).resolves.toBe("not_found");
      await expect(log.addFeedback("00000000-0000-4000-8000-ffffffffffff", { vote: "up" }, at)).resolves.toBeUndefined();
      await expect(log.addFeedback("not-a-uuid", { vote: "up" }, at)).resolves.toBeUndefined();
      const [read] = (await log.entries({ since: new Date(0), limit: 1000 })).filter((e) => e.id === entry.id);
      expect(read!.feedback).toEqual({ vote: "down", comment: "Nothing about prices", at });
    });

    it("When gaps are asked for, Then only not-found, uncertain and voted-down answers come back, newest first", async () => {
      const since = new Date(NOW.getTime() + 10 * DAY_MS);
      const answered = record({ outcome: "answered" }, -11);
      const votedUp = record({ outcome: "answered" }, -12);
      const votedDown = record({ outcome: "answered" }, -13);
      const notFound = record({ outcome: "not_found" }, -14);
      const uncertain = record({ outcome: "uncertain" }, -15);
      for (const e of [answered, votedUp, votedDown, notFound, uncertain]) await log.record(e);
      await log.addFeedback(votedUp.id, { vote: "up" }, NOW);
      await log.addFeedback(votedDown.id, { vote: "down" }, NOW);
      const gaps = await log.entries({ since, gapsOnly: true, limit: 100 });
      expect(gaps.map((e) => e.id)).toEqual([uncertain.id, notFound.id, votedDown.id]);
      expect((await log.entries({ since, limit: 2 })).map((e) => e.id)).toEqual([uncertain.id, notFound.id]);
    });

    it("When outcomes are counted per day, Then each UTC day has its count per outcome", async () => {
      const since = new Date("2027-06-01T00:00:00Z");
      const at = (iso: string) => ({ askedAt: new Date(iso) });
      for (const e of [
        record({ ...at("2027-06-01T00:00:01Z"), outcome: "answered" }),
        record({ ...at("2027-06-01T23:59:59Z"), outcome: "answered" }),
        record({ ...at("2027-06-01T12:00:00Z"), outcome: "not_found" }),
        record({ ...at("2027-06-02T08:00:00Z"), outcome: "uncertain" }),
      ])
        await log.record(e);
      const counts = (await log.dailyOutcomes(since)).map((c) => ({ ...c, count: Number(c.count) }));
      expect(counts).toEqual(
        expect.arrayContaining([
          { day: "2027-06-01", outcome: "answered", count: 2 },
          { day: "2027-06-01", outcome: "not_found", count: 1 },
          { day: "2027-06-02", outcome: "uncertain", count: 1 },
        ]),
      );
      expect(counts).toHaveLength(3);
    });

    it("When entries older than a cutoff are deleted, Then exactly those go", async () => {
      const old = record({}, 400);
      const recent = record({}, 399);
      await log.record(old);
      await log.record(recent);
      const deleted = await log.deleteBefore(new Date(NOW.getTime() - 399.5 * DAY_MS));
      expect(deleted).toBe(1);
      const left = (await log.entries({ since: new Date(0), limit: 10_000 })).map((e) => e.id);
      expect(left).not.toContain(old.id);
      expect(left).toContain(recent.id);
    });
  });
}

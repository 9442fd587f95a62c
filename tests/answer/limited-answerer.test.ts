import { assessmentOf } from "./passages.js";
import { describe, expect, it } from "vitest";
import { limitAnswerer, ModelBusyError } from "../../src/answer/limited-answerer.js";
import type { AnswerDraft, AnswerInput, Answerer } from "../../src/answer/types.js";

const INPUT: AnswerInput = { question: "q", passages: [], evidence: [], assessment: assessmentOf() };
const DRAFT: AnswerDraft = { answer: "a [1]", cited: [1], abstained: false, model: "fake" };

/** A fake model whose calls finish only when the test says so; it records how many ran at once. */
class FakeSlowAnswerer implements Answerer {
  readonly model = "fake";
  running = 0;
  maxRunning = 0;
  calls = 0;
  private readonly pending: (() => void)[] = [];

  async answer(): Promise<AnswerDraft> {
    await this.enter();
    return DRAFT;
  }

  async *stream(): AsyncGenerator<string, AnswerDraft> {
    await this.enter();
    yield "a ";
    yield "[1]";
    return DRAFT;
  }

  /** Lets the oldest running call finish. */
  finishOne(): void {
    this.pending.shift()?.();
  }

  private async enter(): Promise<void> {
    this.calls++;
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise<void>((resolve) => this.pending.push(resolve));
    this.running--;
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("limitAnswerer", () => {
  it("When more questions arrive than slots plus queue places, Then the extra ones are refused at once, saying when to retry", async () => {
    const inner = new FakeSlowAnswerer();
    const limited = limitAnswerer(inner, { concurrency: 2, queueSize: 1 });
    const accepted = [limited.answer(INPUT), limited.answer(INPUT), limited.answer(INPUT)];
    const refused = limited.answer(INPUT);
    await expect(refused).rejects.toBeInstanceOf(ModelBusyError);
    const error = (await refused.catch((e: unknown) => e)) as ModelBusyError;
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    await tick();
    for (let i = 0; i < 3; i++) {
      inner.finishOne();
      await tick();
    }
    expect(await Promise.all(accepted)).toEqual([DRAFT, DRAFT, DRAFT]);
    expect(inner.maxRunning).toBe(2);
    expect(inner.calls).toBe(3);
  });

  it("When a slot frees and a newcomer arrives in that very moment, Then the queued caller gets the slot and the cap still holds", async () => {
    const inner = new FakeSlowAnswerer();
    const states: { running: number; queued: number }[] = [];
    let released = false;
    let asked = false;
    let newcomer: Promise<AnswerDraft> | undefined;
    const limited = limitAnswerer(inner, { concurrency: 1, queueSize: 5 }, {
      onChange(state) {
        states.push(state);
        // The newcomer asks the instant the limiter reports the release: the worst moment for it to jump the queue.
        if (released && !asked) {
          asked = true; // before asking: asking reports a change, which comes back here
          newcomer = limited.answer(INPUT);
        }
      },
    });
    const first = limited.answer(INPUT);
    const queued = limited.answer(INPUT);
    await tick();
    released = true;
    inner.finishOne();
    await first;
    for (let i = 0; i < 2; i++) {
      await tick();
      inner.finishOne();
    }
    await Promise.all([queued, newcomer]);
    expect(inner.calls).toBe(3);
    expect(inner.maxRunning).toBe(1);
    expect(states.every((state) => state.running <= 1)).toBe(true);
    expect(states.at(-1)).toEqual({ running: 0, queued: 0 });
  });

  it("When a queued caller goes away, Then its place is given back and its call never reaches the model", async () => {
    const inner = new FakeSlowAnswerer();
    const limited = limitAnswerer(inner, { concurrency: 1, queueSize: 1 });
    const running = limited.answer(INPUT);
    const leaving = new AbortController();
    const queued = limited.answer(INPUT, leaving.signal);
    leaving.abort(new Error("client left"));
    await expect(queued).rejects.toThrow("client left");
    // The place is free again: one more may queue.
    const next = limited.answer(INPUT);
    await tick();
    inner.finishOne();
    await running;
    await tick();
    inner.finishOne();
    await next;
    expect(inner.calls).toBe(2);
  });

  it("When a stream is read, Then it holds its slot until it ends or its reader stops", async () => {
    const inner = new FakeSlowAnswerer();
    const limited = limitAnswerer(inner, { concurrency: 1, queueSize: 0 });
    const stream = limited.stream!(INPUT);
    const first = stream.next();
    await tick();
    await expect(limited.answer(INPUT)).rejects.toBeInstanceOf(ModelBusyError);
    inner.finishOne();
    expect(await first).toEqual({ value: "a ", done: false });
    await stream.return(DRAFT);
    const after = limited.answer(INPUT);
    await tick();
    inner.finishOne();
    expect(await after).toEqual(DRAFT);
  });
});

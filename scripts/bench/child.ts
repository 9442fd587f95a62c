/**
 * @module bench/child
 * Runs a benchmark step as a separate Node process (its own heap, RSS and
 * event loop) that takes one JSON argument and answers with JSON lines.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

function launch(script: string, args: unknown, timeoutMs?: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, script), JSON.stringify(args)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    // Past it the child is killed (SIGTERM) and the promise rejects.
    ...(timeoutMs && { timeout: timeoutMs }),
  });
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (piece: string) => (text = (text + piece).slice(-200_000)));
  return () => text;
}

/** Runs `script` to completion (killed after `timeoutMs`, when given) and returns the JSON of its last stdout line. */
export function runScript<T>(script: string, args: unknown, timeoutMs?: number): Promise<T> {
  const child = launch(script, args, timeoutMs);
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const last = stdout().trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as T);
      else reject(new Error(`${script} exited with code ${code}:\n${stderr().slice(-4000)}`));
    });
  });
}

export interface RunningScript<T> {
  /** The JSON of the first stdout line. */
  ready: T;
  stop(): Promise<void>;
}

/** Starts a long-running `script` and resolves once it printed its first JSON line. */
export function startScript<T>(script: string, args: unknown): Promise<RunningScript<T>> {
  const child = launch(script, args);
  const stderr = collect(child.stderr);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", function firstLine(piece: string) {
      buffered += piece;
      const newline = buffered.indexOf("\n");
      if (newline < 0) return;
      child.stdout!.off("data", firstLine);
      child.stdout!.resume();
      resolve({
        ready: JSON.parse(buffered.slice(0, newline)) as T,
        stop: async () => {
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with code ${code} before it was ready:\n${stderr().slice(-4000)}`)));
  });
}

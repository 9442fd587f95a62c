/**
 * The layers of src/ point one way: no top-level folder (or top-level module)
 * imports, directly or through others, one that imports it back, and src/core
 * imports nothing of the project. Read from the source text, so a cycle is
 * caught before anything runs into it at load time.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

/**
 * The top-level unit of a path inside src: its first folder, or the file
 * itself. A data file (JSON) is a unit of its own: it imports nothing, so
 * reading it ties its reader to no code of the folder it sits in.
 */
function unitOf(file: string): string {
  const relative = path.relative(SRC, file);
  if (relative.endsWith(".json")) return relative.split(path.sep).join("/");
  return relative.split(path.sep)[0]!.replace(/\.(ts|mts|mjs|js)$/, "");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Edges between top-level units, each with one file import that makes it (to name in a failure). */
function unitGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!;
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const to = unitOf(path.resolve(path.dirname(file), specifier!));
      if (to !== from && !edges.has(to)) edges.set(to, `${path.relative(SRC, file)} → ${specifier}`);
    }
  }
  return graph;
}

/** Every cycle found by depth-first search, as the list of units with the import behind each step. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (unit: string) => {
    state.set(unit, "open");
    stack.push(unit);
    for (const next of graph.get(unit)?.keys() ?? []) {
      if (state.get(next) === "open") {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        found.push(loop.slice(1).map((to, i) => `${loop[i]} → ${to} (${graph.get(loop[i]!)!.get(to)})`));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(unit, "done");
  };
  for (const unit of graph.keys()) if (!state.has(unit)) visit(unit);
  return found;
}

describe("import graph of src/", () => {
  it("When the top-level folders' imports are followed, Then none leads back to where it started", () => {
    const graph = unitGraph();
    expect(graph.size).toBeGreaterThan(5);
    expect(cycles(graph)).toEqual([]);
  });

  it("When src/core is read, Then it imports nothing of the project", () => {
    expect([...(unitGraph().get("core")?.values() ?? [])]).toEqual([]);
  });

  it("When two folders import each other, Then the check reports the cycle", () => {
    const graph = new Map([
      ["a", new Map([["b", "a/x.ts → ../b/y.js"]])],
      ["b", new Map([["a", "b/y.ts → ../a/x.js"]])],
    ]);
    expect(cycles(graph)).toEqual([["a → b (a/x.ts → ../b/y.js)", "b → a (b/y.ts → ../a/x.js)"]]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { settings } from "../src/config.js";
import { REPO_ROOT } from "./helpers/test-server.js";

describe("documentation", () => {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const envExample = readFileSync(path.join(REPO_ROOT, ".env.example"), "utf8");
  const table = readme.slice(readme.indexOf("<!-- config-table:start -->"), readme.indexOf("<!-- config-table:end -->"));

  it("When a setting exists in src/config.ts, Then the README table and .env.example both document it", () => {
    const names = Object.keys(settings);
    expect(names.filter((name) => !table.includes(`| \`${name}\` |`))).toEqual([]);
    expect(names.filter((name) => !new RegExp(`^#? ?${name}=`, "m").test(envExample))).toEqual([]);
  });

  it("When the README is read, Then it starts with the two set-up commands", () => {
    const firstBlock = /```\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(firstBlock).toMatch(/^npm install\nnpm start/);
    expect(firstBlock).toContain("npm test");
  });
});

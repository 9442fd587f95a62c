/**
 * @module versions
 * A release line of software, which changelogs and support policies give one line each: "3.x receives security fixes
 * only, until 2025-03-31" does not say how long 4.x will. A version is read by its major number, and only where it is
 * written as one: "v4", "version 4", "4.x" or "4.0.2" — not a price, a time or a room ("£12.50", "10.30", "Room 3.12").
 */
import { namesAnother } from "./alternatives.js";

const VERSIONS = [
  /\bv(\d+)(?:\.\d+){0,2}\b/giu,
  /\b(?:version|release)s?\s+(\d+)(?:\.(?:\d+|x)){0,2}\b/giu,
  /(?<![\d.])(\d+)\.x\b/giu,
  /(?<![\d.])(\d+)\.\d+\.\d+(?![\d.])/gu,
];

/** The major versions a text names. */
const versionsNamed = (text: string) => new Set(VERSIONS.flatMap((version) => [...text.matchAll(version)].map(([, major]) => Number(major))));

/** For a question naming a version ("how long will 4.x get security updates"): whether a text names only others. */
export const namesAnotherVersion = namesAnother(versionsNamed);

/** Passages built from plain strings, for unit tests of the answer stage. */
import type { Passage } from "../../src/answer/types.js";

export function passagesOf(...texts: string[]): Passage[] {
  let offset = 0;
  return texts.map((text, i) => {
    const start = offset;
    offset += text.length + 2;
    return {
      n: i + 1,
      score: 1 - i / 10,
      chunk: { id: `doc.txt#${i}`, source: "doc.txt", title: "Doc", headingPath: [], text, start, end: start + text.length },
    };
  });
}

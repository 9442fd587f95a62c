/**
 * @module table-headers
 * A long table is cut into several chunks, and only the first holds its
 * header: "| Mileage, own car — above 10,000 miles | 25p per mile |" opening a
 * later one had been read as the header of the rows below it, and they were
 * quoted as "Mileage, own car — above 10,000 miles: Mileage, motorcycle; 25p
 * per mile: 24p per mile". The header is read from the document above the
 * passage, at answer time, so that the index's chunks stay slices of their
 * documents (every store serves the document's text already).
 */
import type { IndexSnapshot, StoredDocument } from "../core/types.js";
import { cellsOf, headsRows, rowsAbove } from "./tables.js";
import type { Passage } from "./types.js";

/** The passages, each beginning inside a table with that table's header (`tableHeader`). */
export async function withTableHeaders(snapshot: Pick<IndexSnapshot, "document">, passages: Passage[]): Promise<Passage[]> {
  const documents = new Map<string, Promise<StoredDocument | undefined>>();
  const documentOf = (source: string) => documents.get(source) ?? documents.set(source, snapshot.document(source)).get(source)!;
  return Promise.all(
    passages.map(async (passage) => {
      const { chunk } = passage;
      const lead = /^\s*/.exec(chunk.text)![0].length;
      const firstLine = chunk.text.slice(lead).split("\n", 1)[0]!;
      // A row, or a Markdown table's delimiter row (its header then the line above the passage).
      if (!cellsOf(firstLine)) return passage;
      const text = (await documentOf(chunk.source))?.text;
      const lineStart = chunk.start + lead;
      if (text === undefined || (lineStart > 0 && text[lineStart - 1] !== "\n")) return passage;
      const { first } = rowsAbove(text, lineStart);
      return first && headsRows(text, first.end, first.cells) ? { ...passage, tableHeader: first.cells } : passage;
    }),
  );
}

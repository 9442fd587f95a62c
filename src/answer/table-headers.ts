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
import { headerAbove, opensWithRow } from "../retrieval/tables.js";
import type { Passage } from "./types.js";

/** The passages, each beginning inside a table with that table's header (`tableHeader`). */
export async function withTableHeaders(snapshot: Pick<IndexSnapshot, "document">, passages: Passage[]): Promise<Passage[]> {
  const documents = new Map<string, Promise<StoredDocument | undefined>>();
  const documentOf = (source: string) => documents.get(source) ?? documents.set(source, snapshot.document(source)).get(source)!;
  return Promise.all(
    passages.map(async (passage) => {
      const { chunk } = passage;
      // Only a passage that opens with a row has its document read.
      if (!opensWithRow(chunk.text)) return passage;
      const text = (await documentOf(chunk.source))?.text;
      const tableHeader = text === undefined ? undefined : headerAbove(text, chunk);
      return tableHeader ? { ...passage, tableHeader } : passage;
    }),
  );
}

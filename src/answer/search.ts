/**
 * @module search
 * The search use case: the passages retrieved for a query, as the API shows
 * them. One function for `POST /search`, the MCP `search_documents` tool and
 * `grounded-rag search`, so the three cannot drift apart.
 */
import type { Retriever, SearchMode } from "../retrieval/types.js";
import type { IndexHolder } from "../store/index-holder.js";
import { type CitedPassage, passageView } from "../core/views.js";

export interface SearchDependencies {
  index: IndexHolder;
  retriever: Retriever;
  defaultK: number;
  defaultMode: SearchMode;
}

export interface SearchInput {
  query: string;
  k?: number;
  mode?: SearchMode;
}

export type SearchResult = Omit<CitedPassage, "n">;

export async function searchDocuments({ query, k, mode }: SearchInput, deps: SearchDependencies): Promise<SearchResult[]> {
  const hits = await deps.retriever.retrieve(deps.index.current, query, { k: k ?? deps.defaultK, mode: mode ?? deps.defaultMode });
  return hits.map(passageView);
}

/** The search dependencies contained in the ask dependencies (same index, retriever and defaults). */
export function searchDependencies(ask: { index: IndexHolder; retriever: Retriever; defaultK: number; mode: SearchMode }): SearchDependencies {
  return { index: ask.index, retriever: ask.retriever, defaultK: ask.defaultK, defaultMode: ask.mode };
}

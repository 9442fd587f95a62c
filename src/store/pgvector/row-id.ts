import { createHash } from "node:crypto";

/**
 * A UUID derived from content (the layout of a version-5 UUID over SHA-256):
 * the same chunk, embedded by the same embedder, always gets the same row id,
 * which is how a reindex tells unchanged rows from changed ones. UUIDs rather
 * than raw hashes so that rows stay addressable by LangChain's PGVectorStore.
 */
export function contentUuid(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  const hex = hash.digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * @module sse
 * Reads Server-Sent Events from a fetch response body. EventSource cannot
 * POST a question, so the stream is parsed here: blank-line separated blocks
 * of `event:` and `data:` lines.
 */

/** One server event: its name (default "message") and its data lines joined. */
export interface ServerEvent {
  event: string;
  data: string;
}

/** Yields events as they arrive; ends when the body ends. */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      // A lone trailing "\r" may be half of a "\r\n" split across chunks: it waits for the next one.
      buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n|\r(?!$)/g, "\n");
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) yield event;
      }
    }
    const last = parseBlock(buffer.replace(/\r$/, ""));
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}

function parseBlock(block: string): ServerEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    const colon = line.indexOf(":");
    // Lines starting with ":" are comments (keep-alives).
    if (colon === 0 || !line) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length ? { event, data: data.join("\n") } : undefined;
}

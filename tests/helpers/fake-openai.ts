/**
 * A small fake OpenAI-compatible server for tests: real HTTP on 127.0.0.1,
 * `/v1/chat/completions` with and without `stream: true` (SSE chunks), and a
 * per-test script deciding each reply. It records every request, whether the
 * reply was finished, and whether the client closed the connection first.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestServer, type TestServer, type TestServerOptions } from "./test-server.js";

export interface ChatMessage {
  role: string;
  content: string;
}

export interface RecordedRequest {
  messages: ChatMessage[];
  stream: boolean;
  /** The whole reply was written. */
  finished: boolean;
  /** The client closed the connection before the reply was finished. */
  closedByClient: boolean;
}

/** What the fake does with one request. */
export interface FakeReply {
  /** Assistant message content (default: empty). */
  content?: string;
  /** An error status instead of a reply. */
  status?: number;
  /** A body sent as-is with status 200 (a malformed response). */
  raw?: string;
  /** Wait before answering at all. */
  delayMs?: number;
  /** Streaming only: wait between chunks. */
  chunkDelayMs?: number;
}

export type FakeScript = (request: RecordedRequest, index: number) => FakeReply;

export interface FakeOpenAI {
  /** Base URL to use as OPENAI_BASE_URL (ends in /v1). */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replaces the script for the following requests and forgets recorded requests. */
  script(script: FakeScript): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The system + user messages joined, for scripts that look for text anywhere in the prompt. */
export function promptText(request: RecordedRequest): string {
  return request.messages.map((m) => m.content).join("\n");
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  let script: FakeScript = () => ({ content: "" });
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url !== "/v1/chat/completions") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { messages: ChatMessage[]; stream?: boolean };
    const recorded: RecordedRequest = { messages: body.messages, stream: body.stream === true, finished: false, closedByClient: false };
    requests.push(recorded);
    res.on("close", () => {
      if (!recorded.finished) recorded.closedByClient = true;
    });
    const reply = script(recorded, requests.length - 1);
    if (reply.delayMs) await sleep(reply.delayMs);
    if (recorded.closedByClient) return;

    if (reply.status) {
      const error = { error: { message: `fake error ${reply.status}`, type: "server_error" } };
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(error));
    } else if (reply.raw !== undefined) {
      res.writeHead(200, { "content-type": "application/json" }).end(reply.raw);
    } else if (recorded.stream) {
      await streamReply(res, reply, recorded);
    } else {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion(reply.content ?? "")));
    }
    recorded.finished = !recorded.closedByClient;
  }

  async function streamReply(res: ServerResponse, reply: FakeReply, recorded: RecordedRequest): Promise<void> {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const pieces = (reply.content ?? "").match(/\S+\s*|\s+/g) ?? [];
    for (const [i, piece] of pieces.entries()) {
      if (recorded.closedByClient) return;
      res.write(`data: ${JSON.stringify(chunk({ ...(i === 0 && { role: "assistant" }), content: piece }, null))}\n\n`);
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
    }
    if (recorded.closedByClient) return;
    res.write(`data: ${JSON.stringify(chunk({}, "stop"))}\n\n`);
    res.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(next) {
      script = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const created = () => Math.floor(Date.now() / 1000);

function completion(content: string) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: created(),
    model: "fake-model",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function chunk(delta: Record<string, string>, finishReason: string | null) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: created(),
    model: "fake-model",
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
}

export interface ServiceWithFakeModel {
  fake: FakeOpenAI;
  server: TestServer;
  close(): Promise<void>;
}

/** The real service answering through a fresh fake model (model name `fake-chat`); `env` adds or overrides settings. */
export async function startServiceWithFakeModel(env: Record<string, string> = {}, options: Omit<TestServerOptions, "env"> = {}): Promise<ServiceWithFakeModel> {
  const fake = await startFakeOpenAI();
  const server = await startTestServer({
    ...options,
    env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.baseURL, CHAT_MODEL: "fake-chat", ...env },
  });
  return {
    fake,
    server,
    async close() {
      await server.close();
      await fake.close();
    },
  };
}

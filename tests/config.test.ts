import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("config", () => {
  it("When the environment is empty, Then defaults apply and the LLM is off", () => {
    const config = loadConfig({}, "/srv/app");
    expect(config.server.port).toBe(3000);
    expect(config.corpusDir).toBe("/srv/app/corpus");
    expect(config.indexDir).toBe("/srv/app/data/index");
    expect(config.llm).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("When OPENAI_API_KEY is set, Then the chat model is configured with the base URL", () => {
    const config = loadConfig({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: "http://127.0.0.1:9/v1", CHAT_MODEL: "m" });
    expect(config.llm).toMatchObject({ apiKey: "sk-test", baseURL: "http://127.0.0.1:9/v1", model: "m" });
  });

  it.each([
    [{ PORT: "eighty" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ TOP_K: "0" }, /TOP_K/],
    [{ CHUNK_SIZE: "300", CHUNK_OVERLAP: "300" }, /CHUNK_OVERLAP/],
    [{ EMBEDDINGS_PROVIDER: "magic" }, /EMBEDDINGS_PROVIDER/],
    [{ EMBEDDINGS_PROVIDER: "openai" }, /OPENAI_API_KEY/],
  ])("When %j is given, Then loading fails with a message naming the variable", (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});

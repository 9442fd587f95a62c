export { PgGenerationStore, type PgStoreOptions, type PublishCounts } from "./pg-generation-store.js";
export { PgKeywordSearch } from "./pg-keyword-search.js";
export { PgVectorStore } from "./pg-vector-store.js";
export { followLiveGeneration, type FollowOptions } from "./follower.js";

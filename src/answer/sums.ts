/**
 * @module sums
 * A sum of money a question names to say which thing it means: "tenant protection plan $10,000 coverage price" asks
 * about the $10,000 cover, which "$12 per month for $2,000 of coverage, or $19 per month for $5,000" does not price.
 * Only a sum written with its currency sign is read ("$10,000", "£2.50", "€40"): a bare number may be a count, a time
 * or a room. A band that holds the sum asked about names it: "£10,000 – £49,999" answers for £20,000, as "orders over
 * £40" do for a £50 order.
 */
import { namesAnother } from "./alternatives.js";
import { anyOf, AT_LEAST_WORDS, AT_MOST_WORDS } from "./limit-words.js";

const SUM = String.raw`[$€£¥₹]\s?(\d[\d,]*(?:\.\d{1,2})?)(\s?(?:k|m|bn)\b)?`;
const SUMS = new RegExp(SUM, "giu");
// A band: "£10,000 – £49,999", "£10k to £50k"; from a sum up: "over £40", "£50,000+"; up to one: "up to £500".
const BETWEEN = new RegExp(String.raw`${SUM}\s*(?:-|–|—|to)\s*${SUM}`, "giu");
const FROM = new RegExp(String.raw`\b(?:${anyOf([...AT_LEAST_WORDS, "from"])})\.?\s+${SUM}|${SUM}\s?\+`, "giu");
const UP_TO = new RegExp(String.raw`\b(?:${anyOf(AT_MOST_WORDS)})\.?\s+${SUM}`, "giu");
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };

/** A sum's digits and scale as hundredths of its currency ("$10,000" and "$10k" alike). */
const hundredths = (digits: string, scale: string | undefined) => Math.round(Number(digits.replace(/,/g, "")) * (SCALE[scale?.trim().toLowerCase() ?? ""] ?? 1) * 100);

/** The sums a text names. */
const sumsNamed = (text: string) => new Set([...text.matchAll(SUMS)].map(([, digits, scale]) => hundredths(digits!, scale)));

/** The bands of sums a text names, as [lowest, highest]. */
function bandsNamed(text: string): [number, number][] {
  return [
    ...[...text.matchAll(BETWEEN)].map(([, low, lowScale, high, highScale]): [number, number] => [hundredths(low!, lowScale), hundredths(high!, highScale)]),
    ...[...text.matchAll(FROM)].map(([, digits, scale, after, afterScale]): [number, number] => [hundredths((digits ?? after)!, digits ? scale : afterScale), Infinity]),
    ...[...text.matchAll(UP_TO)].map(([, digits, scale]): [number, number] => [0, hundredths(digits!, scale)]),
  ];
}

const namesOtherSums = namesAnother(sumsNamed);

/** For a question naming a sum ("how much is the $10,000 cover"): whether a text names only other sums, and no band holding it. */
export function namesAnotherSum(question: string): (text: string) => boolean {
  const onlyOthers = namesOtherSums(question);
  const asked = [...sumsNamed(question)];
  return (text) => onlyOthers(text) && !bandsNamed(text).some(([low, high]) => asked.some((sum) => low <= sum && sum <= high));
}

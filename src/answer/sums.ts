/**
 * @module sums
 * A sum of money a question names to say which thing it means: "tenant protection plan $10,000 coverage price" asks
 * about the $10,000 cover, which "$12 per month for $2,000 of coverage, or $19 per month for $5,000" does not price.
 * Only a sum written with its currency sign is read ("$10,000", "£2.50", "€40"): a bare number may be a count, a time
 * or a room.
 */
import { namesAnother } from "./alternatives.js";

const SUM = /[$€£¥₹]\s?(\d[\d,]*(?:\.\d{1,2})?)(\s?(?:k|m|bn)\b)?/giu;
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };

/** The sums a text names, in hundredths of their currency ("$10,000" and "$10k" alike). */
const sumsNamed = (text: string) =>
  new Set([...text.matchAll(SUM)].map(([, digits, scale]) => Math.round(Number(digits!.replace(/,/g, "")) * (SCALE[scale?.trim().toLowerCase() ?? ""] ?? 1) * 100)));

/** For a question naming a sum ("how much is the $10,000 cover"): whether a text names only other sums. */
export const namesAnotherSum = namesAnother(sumsNamed);

/**
 * @module contact-channels
 * The ways to reach someone that help pages list one per line, each with its own hours and details: "Live chat: 24 hours
 * a day", "Email: restore-help@… (we reply within one business day)", "Phone: 1-800-555-0193, 8:00 a.m. to 8:00 p.m.".
 * "What are the phone support hours?" is not answered by the e-mail's line, which had answered it (0.81). The telephone
 * counts as a channel only where it is one ("phone support", "by phone", "Phone:", "call extension 4400"), not as the
 * device a repair shop mends.
 */
import { namedBy, namesAnother } from "./alternatives.js";

const CHANNELS = [
  /\b(?:tele)?phone(?=\s*(?::|support|lines?|numbers?|hours|calls?|enquiries|team)\b)|\b(?:by|over the) (?:tele)?phone\b|\b(?:call|ring|dial)\b(?!\s+off\b)|\btel\b|\bhelplines?\b/iu,
  /\be-?mail(?:s|ed|ing)?\b/iu,
  /\b(?:live |web )?chat\b/iu,
];

/** For a question naming a channel ("phone support hours"): whether a text names only others ("Live chat: 24 hours a day"). */
export const namesAnotherChannel = namesAnother(namedBy(CHANNELS));

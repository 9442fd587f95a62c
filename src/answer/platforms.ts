/**
 * @module platforms
 * The operating systems software documents give instructions, paths and downloads for, one per platform: "Linux:
 * `/etc/emberdb/ember.conf`", "Windows: `C:\ProgramData\…`". A distribution is its system's (Ubuntu is Linux), an
 * iPhone's is iOS.
 */
import { namesAnother } from "./alternatives.js";

const PLATFORMS = [
  /\bwindows\b/iu,
  /\b(?:mac ?os(?: x)?|os ?x|macs?|macbooks?|imacs?)\b/iu,
  /\b(?:linux|ubuntu|debian|fedora|red ?hat|rhel|centos|arch linux)\b/iu,
  /\b(?:ios|iphones?|ipads?)\b/iu,
  /\bandroid\b/iu,
];

/** The platforms a text names, by their place in the list. */
const platformsNamed = (text: string) => new Set(PLATFORMS.flatMap((platform, i) => (platform.test(text) ? [i] : [])));

/** For a question naming a platform ("where is the log file on windows"): whether a text names only others. */
export const namesAnotherPlatform = namesAnother(platformsNamed);

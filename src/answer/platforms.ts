/**
 * @module platforms
 * The operating systems software documents give instructions, paths and downloads for, one per platform: "Linux:
 * `/etc/emberdb/ember.conf`", "Windows: `C:\ProgramData\…`". A distribution is its system's (Ubuntu is Linux), an
 * iPhone's is iOS, and so is a system's own installer or package manager: "Download the MSI installer …, or use
 * winget" is Windows's way, and had answered "How do I install EmberDB on a Mac?", where "brew install emberdb" does.
 */
import { namedBy, namesAnother } from "./alternatives.js";

const PLATFORMS = [
  /\b(?:windows|winget|msi|powershell|chocolatey)\b|\.exe\b/iu,
  /\b(?:mac ?os(?: x)?|os ?x|macs?|macbooks?|imacs?|homebrew|brew (?:install|cask))\b|\.dmg\b/iu,
  /\b(?:linux|ubuntu|debian|fedora|red ?hat|rhel|centos|arch linux|apt|apt-get|yum|dnf)\b|\.(?:deb|rpm)\b/iu,
  /\b(?:ios|iphones?|ipads?)\b/iu,
  /\bandroid\b/iu,
];

/** For a question naming a platform ("where is the log file on windows"): whether a text names only others. */
export const namesAnotherPlatform = namesAnother(namedBy(PLATFORMS));

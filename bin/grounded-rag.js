#!/usr/bin/env node
// The `grounded-rag` command. The code is TypeScript run through tsx, as `npm start` runs it;
// registering tsx's loader here (resolved next to this file) lets the command run from any folder.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");

import { describeSeedQa } from "../helpers/seed-qa-suite.js";
import { startTestServer } from "../helpers/test-server.js";

describeSeedQa("seed QA over HTTP with the offline answerer", () => startTestServer());

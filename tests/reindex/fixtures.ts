/** Small corpora for reindex tests: each document holds facts no other one mentions. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeTempDir } from "../helpers/test-server.js";

export const KILN = `Aldermoor Kiln Works

The Aldermoor kiln fires porcelain at 1280 degrees Celsius. Each firing lasts eleven hours and is followed by a slow cooling of two days. The kiln is loaded by hand on Mondays.
`;

export const FERRY = `Wrenfield Ferry

The Wrenfield ferry departs every 40 minutes from Pier 7. Tickets cost three euros and can be bought on board.
`;

export const LIBRARY = `Hollowbrook Library

The Hollowbrook library opens at 9 am on Saturdays. Its reading room holds the county archive of maps, and members may borrow twelve books at a time.
`;

/** The ferry document rewritten: several paragraphs, so it becomes several chunks. */
export const FERRY_REPLACED = `Wrenfield Crossing

The Wrenfield ferry was retired when the Quillon bridge opened on 3 March 2024. The bridge carries two lanes of traffic and a cycle path across the estuary.

Construction of the Quillon bridge took four years and used steel from the Marrow foundry. Its central span measures 310 metres, the longest in the region.

The old ferry boat, the Saint Brelade, is now moored at Pier 7 as a floating museum about river trade. Visitors can board it on weekends from April to October.

Tolls on the Quillon bridge were abolished in 2025 after a vote of the county council. Pedestrians have always crossed for free, day and night.
`;

/** Writes `files` (relative path → content) into a new temporary corpus folder and returns it. */
export async function writeCorpus(files: Record<string, string | Buffer>): Promise<string> {
  const dir = path.join(await makeTempDir("rag-corpus-"), "corpus");
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

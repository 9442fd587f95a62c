/**
 * A strict reader of the Prometheus text exposition format (0.0.4), enough to
 * prove that /metrics parses: every line is a comment, a HELP/TYPE line or a
 * sample of a declared family, and samples are returned by series.
 */

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
// Values are read as Go's ParseFloat reads them: NaN and Inf in any case (prom-client writes "Nan").
const VALUE = "[-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|[Nn][Aa][Nn]|[Ii][Nn][Ff](?:[Ii][Nn][Ii][Tt][Yy])?)";
const SAMPLE = new RegExp(`^(${NAME})(\\{(?:${LABEL}(?:,${LABEL})*,?)?\\})? (${VALUE})(?: -?[0-9]+)?$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP_LINE = new RegExp(`^# HELP (${NAME}) .*$`);
// Series a family of each type may expose besides its own name.
const SUFFIXES: Record<string, string[]> = { histogram: ["_bucket", "_sum", "_count"], summary: ["_sum", "_count"] };

/** Series (name plus label text, as exposed) → value. Throws on the first line that is not valid exposition text. */
export function parsePrometheusText(text: string): Map<string, number> {
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  for (const [i, line] of text.split("\n").entries()) {
    if (line === "" || HELP_LINE.test(line)) continue;
    const type = TYPE_LINE.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith("#")) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`line ${i + 1} is not a valid sample: ${line}`);
    const [, name, labels = "", value] = sample;
    if (!familyOf(name!, types)) throw new Error(`line ${i + 1}: ${name} has no # TYPE line before it`);
    samples.set(`${name}${labels}`, Number(value!.replace(/nan/i, "NaN").replace(/inf(inity)?$/i, "Infinity")));
  }
  return samples;
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const [family, type] of types) {
    if ((SUFFIXES[type] ?? []).some((suffix) => name === family + suffix)) return family;
  }
  return undefined;
}

/** Sum of every series of `name` whose labels include all of `labels`. */
export function sumOf(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const [series, value] of samples) {
    const open = series.indexOf("{");
    if ((open === -1 ? series : series.slice(0, open)) !== name) continue;
    if (Object.entries(labels).every(([k, v]) => series.includes(`${k}="${v}"`))) total += value;
  }
  return total;
}

/**
 * @module progress
 * How an ingest shows its progress: a progress bar on a terminal, plain log
 * lines otherwise (CI, pipes, a server's log), each with a rate and an ETA.
 */
import cliProgress from "cli-progress";

/** One step of a build: files loaded, or chunks embedded, out of a total. */
export interface BuildProgress {
  phase: "files" | "embed";
  done: number;
  total: number;
}

export interface ProgressReporter {
  update(progress: BuildProgress): void;
  stop(): void;
}

const UNITS: Record<BuildProgress["phase"], string> = { files: "files loaded", embed: "chunks embedded" };

/** A bar when `stream` is a terminal, else lines written with `log`. */
export function createProgressReporter(stream: NodeJS.WriteStream, log: (line: string) => void = console.log): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(log);
}

/** Log lines: every embedding batch, and files at each tenth (a thousand lines for a thousand files would drown the log). */
export function lineReporter(log: (line: string) => void): ProgressReporter {
  const rate = rateMeter();
  let lastTenth = -1;
  return {
    update(progress) {
      const { speed, eta } = rate.measure(progress);
      const tenth = Math.floor((10 * progress.done) / Math.max(1, progress.total));
      if (progress.phase === "files" && tenth === lastTenth && progress.done < progress.total) return;
      lastTenth = progress.phase === "files" ? tenth : -1;
      log(`ingest: ${progress.done}/${progress.total} ${UNITS[progress.phase]} (${speed.toFixed(0)}/s, ETA ${eta})`);
    },
    stop() {},
  };
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    { stream, format: "{phase} |{bar}| {value}/{total} | {speed}/s | ETA {etaText}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const rate = rateMeter();
  let phase: BuildProgress["phase"] | undefined;
  return {
    update(progress) {
      const { speed, eta } = rate.measure(progress);
      const payload = { phase: UNITS[progress.phase].padEnd(15), speed: speed.toFixed(0), etaText: eta };
      if (phase !== progress.phase) {
        if (phase) bar.stop();
        phase = progress.phase;
        bar.start(progress.total, progress.done, payload);
      } else bar.update(progress.done, payload);
    },
    stop: () => bar.stop(),
  };
}

/** Items per second since the phase began, and the time left at that rate. */
function rateMeter() {
  let phase: BuildProgress["phase"] | undefined;
  let since = 0;
  return {
    measure(progress: BuildProgress): { speed: number; eta: string } {
      if (phase !== progress.phase) [phase, since] = [progress.phase, performance.now()];
      const seconds = (performance.now() - since) / 1000;
      const speed = seconds > 0 ? progress.done / seconds : 0;
      const left = progress.total - progress.done;
      return { speed, eta: left <= 0 ? "0 s" : speed > 0 ? `${Math.ceil(left / speed)} s` : "?" };
    },
  };
}

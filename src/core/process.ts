/**
 * @module core/process
 * Whether a process id is still running: how the ingest lock tells a stale
 * lock from a held one, and how the embedded store tells an abandoned staging
 * folder from one being written. It serves both layers, so it sits here.
 */

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

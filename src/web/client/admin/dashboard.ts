/**
 * @module dashboard
 * The signed-in admin page: the live generation, the upload zone, a reindex
 * button with a live progress bar, and the document table. One change runs at
 * a time (the server refuses a second with 409 anyway); while it runs the
 * reindex progress is polled, and when it is live the table is reloaded.
 * Messages go to a polite live region, failures to an alert.
 */
import { h } from "../dom.js";
import { AdminFailure, type AdminApi, type ChangeResult, type DocumentRow } from "./admin-api.js";
import { documentTable, formatSize } from "./document-table.js";
import { uploadZone } from "./upload-zone.js";

// Often enough to see each embedding batch advance, rarely enough to cost nothing.
const PROGRESS_POLL_MS = 400;

export class Dashboard {
  readonly element: HTMLElement;
  private readonly generation = h("p", { class: "generation" });
  private readonly message = h("p", { class: "message", role: "status", "aria-live": "polite" });
  private readonly error = h("p", { class: "error", role: "alert" });
  private readonly progress = h("progress", { class: "progress", max: "1", hidden: true, "aria-label": "Reindex progress" });
  private readonly progressText = h("span", { class: "progress-text" });
  private readonly reindexButton = h("button", { type: "button", class: "primary" }, "Reindex now");
  private readonly tableSlot = h("div", { class: "table-slot" });
  private readonly upload: ReturnType<typeof uploadZone>;
  private rows: DocumentRow[] = [];
  private busy = false;

  constructor(
    private readonly api: AdminApi,
    maxUploadBytes: number,
    private readonly onSignedOut: () => void,
  ) {
    const signOut = h("button", { type: "button", class: "small" }, "Sign out");
    signOut.addEventListener("click", async () => {
      await this.api.signOut().catch(() => undefined);
      this.onSignedOut();
    });
    this.reindexButton.addEventListener("click", () => void this.run("Reindexing…", () => this.api.reindex()));
    this.upload = uploadZone(formatSize(maxUploadBytes), (files) => void this.uploadAll(files));
    this.element = h(
      "div",
      { class: "dashboard" },
      h("header", { class: "admin-header" }, h("h1", {}, "Documents"), this.generation, signOut),
      h("section", { "aria-label": "Add documents" }, this.upload.element),
      h("div", { class: "toolbar" }, this.reindexButton, h("div", { class: "progress-line" }, this.progress, this.progressText)),
      this.message,
      this.error,
      this.tableSlot,
    );
  }

  /** Loads the table (and the live generation). */
  async refresh(): Promise<void> {
    try {
      const listing = await this.api.documents();
      this.rows = listing.documents;
      this.generation.textContent = `Live generation ${listing.generation}, built ${new Date(listing.builtAt).toLocaleString()} · ${listing.documents.filter((d) => d.status === "indexed").length} indexed`;
      this.render();
    } catch (failure) {
      this.fail(failure);
    }
  }

  private render(): void {
    this.tableSlot.replaceChildren(
      documentTable(this.rows, {
        replace: (row, file) => void this.run(`Replacing ${row.id}…`, () => this.api.put(row.id, file)),
        remove: (row) => void this.run(`Deleting ${row.id}…`, () => this.api.remove(row.id)),
      }, this.busy),
    );
  }

  private async uploadAll(files: File[]): Promise<void> {
    for (const [i, file] of files.entries()) {
      const counter = files.length > 1 ? ` (${i + 1} of ${files.length})` : "";
      const ok = await this.run(`Uploading ${file.name}${counter}…`, () => this.api.put(file.name, file));
      if (!ok) return;
    }
  }

  /** Runs one change with the progress bar; returns whether it succeeded. */
  private async run(label: string, change: () => Promise<ChangeResult>): Promise<boolean> {
    if (this.busy) return false;
    this.setBusy(true);
    this.error.textContent = "";
    this.message.textContent = label;
    const stopPolling = this.pollProgress();
    try {
      const result = await change();
      const what = result.document ? `${result.document}: ` : "";
      const unreadable = result.unreadable.length ? ` ${result.unreadable.length} file(s) could not be read; see the table.` : "";
      this.message.textContent =
        result.status === "up-to-date" ? `${what}nothing changed; generation ${result.generation} stays live.${unreadable}` : `${what}live in generation ${result.generation}.${unreadable}`;
      return true;
    } catch (failure) {
      this.message.textContent = "";
      this.fail(failure);
      return false;
    } finally {
      stopPolling();
      this.setBusy(false);
      await this.refresh();
    }
  }

  private pollProgress(): () => void {
    this.progress.hidden = false;
    this.progress.removeAttribute("value");
    this.progressText.textContent = "Starting…";
    const timer = setInterval(async () => {
      const status = await this.api.status().catch(() => undefined);
      const step = status?.reindex.progress;
      if (!step || !step.total) return;
      this.progress.value = step.done / step.total;
      this.progressText.textContent = `${step.done} of ${step.total} ${step.phase === "embed" ? "passages embedded" : "files read"}`;
    }, PROGRESS_POLL_MS);
    return () => {
      clearInterval(timer);
      this.progress.hidden = true;
      this.progressText.textContent = "";
    };
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.reindexButton.disabled = busy;
    this.upload.setBusy(busy);
    this.element.setAttribute("aria-busy", String(busy));
    this.render();
  }

  private fail(failure: unknown): void {
    if (failure instanceof AdminFailure && failure.status === 401) {
      this.onSignedOut();
      return;
    }
    this.error.textContent = failure instanceof AdminFailure ? failure.message : "Something went wrong. Please try again.";
  }
}

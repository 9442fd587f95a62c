/**
 * @module upload-zone
 * Where files are added: drop them on the zone, or press its button to pick
 * them (a real file input behind a label, so keyboard and screen readers work).
 */
import { h } from "../dom.js";

export const ACCEPTED_TYPES = [".md", ".markdown", ".txt", ".text", ".html", ".htm", ".pdf"];

export function uploadZone(maxLabel: string, onFiles: (files: File[]) => void): { element: HTMLElement; setBusy(busy: boolean): void } {
  const input = h("input", { id: "upload-input", type: "file", multiple: true, accept: ACCEPTED_TYPES.join(","), class: "visually-hidden" });
  const label = h("label", { for: "upload-input", class: "pick" }, "Choose files");
  const zone = h(
    "div",
    { class: "drop-zone" },
    h("p", {}, "Drop .md, .txt, .html or .pdf files here, or "),
    input,
    label,
    h("p", { class: "hint" }, `Up to ${maxLabel} each. A file with the name of an existing document replaces it.`),
  );
  input.addEventListener("change", () => {
    const files = Array.from(input.files ?? []);
    input.value = "";
    if (files.length) onFiles(files);
  });
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length) onFiles(files);
  });
  return {
    element: zone,
    setBusy(busy) {
      input.disabled = busy;
      zone.classList.toggle("busy", busy);
    },
  };
}

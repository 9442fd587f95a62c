/**
 * @module document-table
 * The documents as a table: name (a web page links to itself), type, size,
 * chunks, pages, when indexed, status with its reason, and per-row Replace
 * and Delete. Delete asks for confirmation in the row itself, so it works by
 * keyboard and needs no dialog.
 */
import { h } from "../dom.js";
import type { DocumentRow } from "./admin-api.js";

export interface RowActions {
  replace(row: DocumentRow, file: File): void;
  remove(row: DocumentRow): void;
}

const STATUS_LABEL: Record<DocumentRow["status"], string> = {
  indexed: "Indexed",
  pending: "Pending",
  unreadable: "Unreadable",
  unsupported: "Skipped",
};

export function documentTable(rows: DocumentRow[], actions: RowActions, busy: boolean): HTMLElement {
  const body = h("tbody", {}, ...rows.map((row) => documentRow(row, actions, busy)));
  const table = h(
    "table",
    { class: "documents" },
    h("caption", { class: "visually-hidden" }, "Documents"),
    h(
      "thead",
      {},
      h("tr", {}, ...["Name", "Type", "Size", "Chunks", "Pages", "Last indexed", "Status", "Actions"].map((label) => h("th", { scope: "col" }, label))),
    ),
    body,
  );
  if (!rows.length) body.append(h("tr", {}, h("td", { colspan: "8", class: "empty" }, "No documents yet: upload some above.")));
  // The wrapper scrolls sideways on a narrow screen, and can be scrolled by keyboard.
  return h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Documents" }, table);
}

function documentRow(row: DocumentRow, actions: RowActions, busy: boolean): HTMLElement {
  const isWeb = row.type === "web";
  const name = isWeb ? h("a", { href: row.id, target: "_blank", rel: "noopener" }, row.id) : row.id;
  const status = h("span", { class: `status status-${row.status}` }, STATUS_LABEL[row.status]);
  return h(
    "tr",
    { "data-id": row.id },
    h("th", { scope: "row", class: "name" }, name),
    h("td", {}, row.type || "—"),
    h("td", { class: "number" }, formatSize(row.size)),
    h("td", { class: "number" }, row.chunks === undefined ? "—" : String(row.chunks)),
    h("td", { class: "number" }, row.pages === undefined ? "—" : String(row.pages)),
    h("td", {}, row.indexedAt ? h("time", { datetime: row.indexedAt }, new Date(row.indexedAt).toLocaleString()) : "—"),
    h("td", {}, status, row.reason && h("span", { class: "reason" }, ` ${row.reason}`)),
    h("td", { class: "actions" }, ...(isWeb ? [] : rowButtons(row, actions, busy))),
  );
}

function rowButtons(row: DocumentRow, actions: RowActions, busy: boolean): HTMLElement[] {
  const picker = h("input", { type: "file", class: "visually-hidden", tabindex: "-1", "aria-hidden": "true" });
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    if (file) actions.replace(row, file);
  });
  const replace = h("button", { type: "button", class: "small", disabled: busy, "aria-label": `Replace ${row.id}` }, "Replace");
  replace.addEventListener("click", () => picker.click());
  const remove = h("button", { type: "button", class: "small danger", disabled: busy, "aria-label": `Delete ${row.id}` }, "Delete");
  const confirmBox = h("span", { class: "confirm", hidden: true });
  const yes = h("button", { type: "button", class: "small danger", "aria-label": `Yes, delete ${row.id}` }, "Yes, delete");
  const no = h("button", { type: "button", class: "small" }, "Cancel");
  confirmBox.append(yes, no);
  remove.addEventListener("click", () => {
    remove.hidden = replace.hidden = true;
    confirmBox.hidden = false;
    no.focus();
  });
  no.addEventListener("click", () => {
    remove.hidden = replace.hidden = false;
    confirmBox.hidden = true;
    remove.focus();
  });
  yes.addEventListener("click", () => actions.remove(row));
  return [replace, remove, confirmBox, picker];
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * @module admin-styles
 * The admin page's layout on top of the chat's colours (BASE_CSS): a single
 * column that holds at 360 px, the table scrolling sideways inside its own
 * region rather than the page.
 */
export const ADMIN_CSS = `
.admin { max-width: 1100px; margin: 0 auto; padding: 1rem; background: var(--bg); color: var(--fg); min-height: 100dvh; }
h1 { margin: 0; font-size: 1.35rem; }
button, .pick { min-height: 2.5rem; padding: 0 1rem; border-radius: 10px; border: 1px solid var(--border); background: var(--surface); color: var(--fg); font-weight: 600; }
button:disabled { opacity: .55; cursor: not-allowed; }
.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.small { min-height: 2.25rem; padding: 0 .7rem; font-size: .9rem; }
.danger { color: var(--error); border-color: var(--error); background: none; }
.error { color: var(--error); margin: .5rem 0; }
.error:empty, .message:empty { display: none; }
.message { margin: .5rem 0; }

.sign-in { display: flex; flex-direction: column; gap: .6rem; max-width: 22rem; margin: 10vh auto 0; }
.sign-in input { min-height: 2.75rem; padding: .5rem .7rem; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 10px; }

.admin-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin-bottom: 1rem; }
.admin-header h1 { flex: 0 0 auto; }
.generation { flex: 1 1 16rem; margin: 0; color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }

.drop-zone { position: relative; border: 2px dashed var(--border); border-radius: 14px; padding: 1rem; text-align: center; background: var(--surface); }
.drop-zone p { display: inline; margin: 0; }
.drop-zone .hint { display: block; margin-top: .5rem; color: var(--muted); font-size: .85rem; }
.drop-zone.dragging { border-color: var(--accent); }
.drop-zone.busy { opacity: .6; }
.pick { display: inline-flex; align-items: center; cursor: pointer; background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.drop-zone input:focus-visible + .pick { outline: 3px solid var(--focus); outline-offset: 2px; }

.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; margin: 1rem 0 .25rem; }
.progress-line { display: flex; align-items: center; gap: .5rem; flex: 1 1 12rem; }
.progress { flex: 1; height: .8rem; accent-color: var(--accent); }
.progress-text { color: var(--muted); font-size: .9rem; }

/* Positioned, so the rows' hidden file inputs are laid out inside the scrolling region, not the page. */
.table-scroll { position: relative; overflow-x: auto; margin-top: .75rem; border: 1px solid var(--border); border-radius: 12px; }
.documents { width: 100%; border-collapse: collapse; font-size: .92rem; }
.documents th, .documents td { padding: .5rem .6rem; text-align: left; border-bottom: 1px solid var(--border); vertical-align: top; }
.documents thead th { background: var(--surface); font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); white-space: nowrap; }
.documents tbody tr:last-child > * { border-bottom: 0; }
.documents .name { font-weight: 600; overflow-wrap: anywhere; min-width: 10rem; }
.documents .name a { color: var(--accent); }
.documents .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.documents .empty { text-align: center; color: var(--muted); }
.actions { white-space: nowrap; }
.actions button + button, .confirm button + button { margin-left: .35rem; }
.status { font-weight: 650; }
.status-indexed { color: var(--ok); }
.status-pending { color: var(--warn); }
.status-unreadable, .status-unsupported { color: var(--error); }
.reason { color: var(--muted); }
`;

/**
 * @module admin-page
 * Entry point of admin.js, the page at GET /admin: resumes the session the
 * cookie holds, or shows the sign-in form; then the dashboard. Everything is
 * built with `h` (text only, never HTML strings) inside a shadow root, with
 * the chat's colours, light and dark.
 */
import { h, styleElement } from "../dom.js";
import { BASE_CSS } from "../styles.js";
import { AdminApi, AdminFailure } from "./admin-api.js";
import { ADMIN_CSS } from "./admin-styles.js";
import { Dashboard } from "./dashboard.js";
import { signInForm } from "./sign-in.js";

const mount = document.getElementById("admin");
if (mount) {
  const api = new AdminApi(new URL(".", location.href));
  const root = mount.attachShadow({ mode: "open" });
  const view = h("div", { class: "admin" });
  root.append(styleElement(BASE_CSS + ADMIN_CSS), view);

  const showSignIn = () => {
    const form = signInForm(api, () => void showDashboard());
    view.replaceChildren(form);
    form.querySelector("input")?.focus();
  };
  const showDashboard = async () => {
    const { maxUploadBytes } = await api.status();
    const dashboard = new Dashboard(api, maxUploadBytes, showSignIn);
    view.replaceChildren(dashboard.element);
    await dashboard.refresh();
    dashboard.element.querySelector("h1")?.setAttribute("tabindex", "-1");
    (dashboard.element.querySelector("h1") as HTMLElement | null)?.focus();
  };
  api.resume().then(
    (signedIn) => (signedIn ? showDashboard() : showSignIn()),
    (error: unknown) => {
      view.replaceChildren(h("p", { class: "error", role: "alert" }, error instanceof AdminFailure ? error.message : "Could not load the admin page."));
    },
  );
}

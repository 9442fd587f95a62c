/**
 * @module sign-in
 * The sign-in form: one password field for the admin token. The token is sent
 * once; afterwards the session cookie (httpOnly, not readable here) is used.
 */
import { h } from "../dom.js";
import { AdminFailure, type AdminApi } from "./admin-api.js";

export function signInForm(api: AdminApi, onSignedIn: () => void): HTMLElement {
  const input = h("input", { id: "admin-token", type: "password", autocomplete: "current-password", required: true, "aria-describedby": "sign-in-error" });
  const error = h("p", { id: "sign-in-error", class: "error", role: "alert" });
  const button = h("button", { type: "submit", class: "primary" }, "Sign in");
  const form = h(
    "form",
    { class: "sign-in", "aria-labelledby": "sign-in-title" },
    h("h1", { id: "sign-in-title" }, "Documents · admin"),
    h("label", { for: "admin-token" }, "Admin token"),
    input,
    button,
    error,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.textContent = "";
    try {
      await api.signIn(input.value);
      input.value = "";
      onSignedIn();
    } catch (failure) {
      error.textContent = failure instanceof AdminFailure ? failure.message : "Could not sign in.";
      input.select();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

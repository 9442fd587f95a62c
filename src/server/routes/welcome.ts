/**
 * @module welcome route
 * `GET /welcome`: the chat's first screen (documents indexed, greeting,
 * example questions), computed once per live generation.
 */
import { Router } from "express";
import type { IndexSnapshot } from "../../core/types.js";
import { welcomeFor, type Welcome, type WelcomeSettings } from "../../documents/welcome.js";
import type { IndexHolder } from "../../store/index-holder.js";

export function welcomeRoutes(index: IndexHolder, settings: WelcomeSettings): Router {
  const router = Router();
  const cache = new WeakMap<IndexSnapshot, Welcome>();
  router.get("/welcome", (_req, res) => {
    const snapshot = index.current;
    let welcome = cache.get(snapshot);
    if (!welcome) cache.set(snapshot, (welcome = welcomeFor(snapshot, settings)));
    res.json(welcome);
  });
  return router;
}

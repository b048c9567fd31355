// The web app's router: #/view/argument → a view module's render(root, argument, params). Each render is timed
// and the time left on <main data-render-ms> (the browser tests report it).
import { h, note } from "./dom.js";
import * as documents from "./documents.js";
import * as article from "./article.js";
import * as events from "./events.js";
import * as stories from "./stories.js";
import * as timeline from "./timeline.js";
import * as map from "./map.js";
import * as network from "./network.js";

const views = {
  documents: documents.render,
  article: article.render,
  events: events.render,
  stories: stories.renderList,
  story: stories.renderStory,
  timeline: timeline.render,
  map: map.render,
  network: network.render,
};

let generation = 0;

async function route() {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  const view = views[name] ?? views.documents;
  const root = document.getElementById("view");
  const mine = ++generation;
  root.dataset.ready = "false";
  root.dataset.view = views[name] ? name : "documents";
  for (const a of document.querySelectorAll("nav a")) {
    const current = a.getAttribute("href") === `#/${name}` || (name === "story" && a.getAttribute("href") === "#/stories");
    if (current) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  root.replaceChildren(note("Loading…"));
  const started = performance.now();
  const content = h("div");
  try {
    await view(content, rest.map(decodeURIComponent).join("/"), new URLSearchParams(query ?? ""));
  } catch (error) {
    content.replaceChildren(note(`Could not load this view: ${error.message}${error.code ? ` (${error.code})` : ""}`, "error"));
  }
  if (mine !== generation) return;
  root.replaceChildren(content);
  root.dataset.renderMs = String(Math.round(performance.now() - started));
  root.dataset.ready = "true";
}

window.addEventListener("hashchange", route);
route();

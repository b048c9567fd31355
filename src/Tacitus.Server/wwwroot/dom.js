// Small DOM helpers. Every piece of data reaches the page as a text node or an attribute value set through the
// DOM, never as HTML: nothing a document says can become markup or script.

const SVG = "http://www.w3.org/2000/svg";

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function setAttributes(el, attrs) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.setAttribute("class", v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  return el;
}

/** An HTML element: h("a", {href: "#/x"}, "text", child, ...). */
export function h(tag, attrs, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return append(setAttributes(document.createElementNS(SVG, tag), attrs), children);
}

/** Reads the API; throws an Error carrying the problem's code and detail on a non-2xx answer. */
export async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== null && v !== undefined && v !== "") query.set(k, String(v));
  const url = "/api/" + path + (query.size ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body?.detail ?? `${response.status} ${response.statusText}`);
    error.code = body?.code;
    throw error;
  }
  return body;
}

/** All pages of a listing, up to max items. */
export async function apiAll(path, params, max = 5000) {
  const items = [];
  let offset = 0;
  while (offset !== null && offset !== undefined && items.length < max) {
    const page = await api(path, { ...params, offset, limit: 1000 });
    items.push(...page.items);
    offset = page.next;
  }
  return items;
}

export function actorLabel(a) {
  if (!a) return "∅";
  const code = [a.country, a.sector].filter(Boolean).join(" ");
  return (a.name ?? a.text) + (code ? ` (${code})` : "");
}

export function modalityFlags(m) {
  return ["denied", "negated", "hedged", "future", "conditional"].filter((k) => m?.[k]);
}

export function badge(text, kind) {
  return h("span", { class: `badge badge-${kind ?? text}` }, text);
}

/** A message in the view (loading, empty, error) with a role screen readers announce. */
export function note(text, kind = "info") {
  return h("p", { class: `note note-${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The floating explanation shown when a mark is hovered or focused. */
export function showTip(target, lines) {
  const tip = document.getElementById("tip");
  tip.replaceChildren(...lines.map((l) => h("div", null, l)));
  tip.hidden = false;
  const r = target.getBoundingClientRect();
  const left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
  tip.style.left = `${Math.max(4, left)}px`;
  tip.style.top = `${window.scrollY + r.bottom + 6}px`;
}

export function hideTip() {
  document.getElementById("tip").hidden = true;
}

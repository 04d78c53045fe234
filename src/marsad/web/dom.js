// The only way the UI builds DOM. Every string from the server (article text, titles, entity names, URLs...) is data:
// it becomes a text node or an attribute value set through the DOM, never markup. Links go to in-app hash routes built
// here, or to an http(s) URL that `external` has parsed and checked; event-handler attributes cannot be set at all.

const SVG_NS = "http://www.w3.org/2000/svg";

function setAttrs(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith("on") || lower === "style" || lower === "srcdoc") {
      throw new Error(`refusing to set the attribute ${name}`);   // handlers and inline styles never come from here
    }
    if ((lower === "href" || lower === "src" || lower === "xlink:href" || lower === "action")
        && !(value instanceof SafeUrl)) {
      throw new Error(`${name} must be a SafeUrl (route() or external())`);
    }
    if (lower === "class" && Array.isArray(value)) {
      el.setAttribute("class", value.filter(Boolean).join(" "));
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** An HTML element: h("a", {href: route("actor", gid)}, "text", otherNode, [more]). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element, built the same way. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** A URL the code itself vouches for; only these may be put in href. */
export class SafeUrl {
  constructor(url) { this.url = url; }
  toString() { return this.url; }
}

/** An in-app route: route("doc", id, {focus: "v1"}) -> "#/doc/<id>?focus=v1". Every part is percent-encoded. */
export function route(...parts) {
  let params = null;
  const last = parts[parts.length - 1];
  if (parts.length > 1 && (last === null || last === undefined || typeof last === "object")) params = parts.pop();
  let url = "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
  if (params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") qs.set(k, String(v));
    const text = qs.toString();
    if (text) url += "?" + text;
  }
  return new SafeUrl(url);
}

/** An outside link, only when `url` parses as http: or https: (javascript:, data: and the rest give null). */
export function external(url) {
  if (typeof url !== "string" || !url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return new SafeUrl(parsed.href);
  } catch (_) { /* not a URL */ }
  return null;
}

/** Latin text (English names, ids, ISO dates, codes) isolated left-to-right inside the Arabic flow. */
export function ltr(text, cls) {
  return h("bdi", {dir: "ltr", class: cls || null}, text === null || text === undefined ? "" : String(text));
}

/** Text of unknown direction (a name from the data), isolated so it cannot reorder what is around it. */
export function iso(text, cls) {
  return h("bdi", {class: cls || null}, text === null || text === undefined ? "" : String(text));
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// -- labels in Arabic ---------------------------------------------------------------------------------------------

export const LABELS = {
  PER: "شخص", ORG: "منظمة", GPE: "دولة أو مدينة", LOC: "مكان", FAC: "منشأة", NORP: "جماعة", MISC: "أخرى",
  TITLE: "منصب", DATE: "تاريخ", TIME: "وقت", DURATION: "مدة", NUMBER: "عدد", MONEY: "مبلغ",
};

export const EVENTS = {
  AGREE: "اتفاق", CONSULT: "لقاء وتشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون", AID: "مساعدة",
  RETREAT: "تراجع", REQUEST: "طلب", ACCUSE: "اتهام", REJECT: "رفض", THREATEN: "تهديد", PROTEST: "احتجاج",
  SANCTION: "عقوبات", MOBILIZE: "تعبئة", COERCE: "إكراه", ASSAULT: "اعتداء",
};

export const MODALITIES = {
  asserted: "وقع", planned: "مقرر", expected: "متوقع", negated: "منفي", hypothetical: "افتراضي",
};

export const QUOTE_KINDS = {direct: "مباشر", indirect: "غير مباشر", mixed: "مختلط"};

export const SECTORS = {
  GOV: "حكومة", MIL: "عسكري", REB: "متمردون", IGO: "منظمة دولية", NGO: "منظمة غير حكومية", MED: "إعلام",
  BUS: "أعمال", CVL: "مدنيون", JUD: "قضاء", LEG: "تشريع", OPP: "معارضة", PTY: "حزب", REL: "ديني", EDU: "تعليم",
  HLH: "صحة", COP: "شرطة", SPY: "استخبارات", UAF: "مسلحون", CRM: "جريمة",
};

/** A label's Arabic name with the code beside it, e.g. «شخص PER». Unknown codes are shown as they are. */
export function labelChip(label, kind) {
  const names = kind === "event" ? EVENTS : kind === "modality" ? MODALITIES : LABELS;
  const cls = kind === "event" ? "chip chip-event" : kind === "modality" ? `chip chip-mod mod-${safeClass(label)}`
    : `chip lab-${safeClass(label)}`;
  const name = names[label];
  return h("span", {class: cls}, name ? name + " " : "", ltr(label, "code"));
}

/** A class-name fragment from a code: only [A-Za-z0-9_-] survive (codes come from the data). */
export function safeClass(code) {
  return String(code || "").replace(/[^A-Za-z0-9_-]/g, "").slice(0, 20) || "X";
}

/** "1٬234" in Arabic-Indic digits is not what analysts copy into spreadsheets: Latin digits, grouped. */
export function num(n) {
  return ltr(Number(n || 0).toLocaleString("en-US"));
}

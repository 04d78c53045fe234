// Marsad's web UI: hash routes over the read API, built with dom.h (no markup from data, ever).
//   #/                      home: search, recent documents, most-cited actors
//   #/search?q=             search results with highlighted snippets, and matching actors
//   #/doc/ID?focus=KEY      an article with mentions, quotes and event triggers highlighted in place
//   #/actor/GID             an actor: identity, partners, timeline, quotes
//   #/events?event=&modality=&actor=&from=&to=   the event explorer
//   #/network?event=&modality=&from=&to=&min=    who met (or accused...) whom, as a graph
//   #/analyze               analyse a pasted text without storing it

import {
  h, route, external, ltr, iso, clear, labelChip, safeClass, num,
  LABELS, EVENTS, MODALITIES, QUOTE_KINDS, SECTORS,
} from "./dom.js";
import {Offsets, nest} from "./spans.js";
import {networkSvg, barsSvg} from "./graph.js";

const view = document.getElementById("view");
const pop = document.getElementById("pop");
let generation = 0;

// -- the API --------------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET (or POST with `body`) a JSON endpoint; params with null/undefined values are left out. */
async function api(path, params, body) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined) url.searchParams.set(k, v);
  const init = body === undefined ? {headers: {accept: "application/json"}}
    : {method: "POST", headers: {accept: "application/json", "content-type": "application/json"},
      body: JSON.stringify(body)};
  for (let attempt = 0; ; attempt++) {
    let resp;
    try {
      resp = await fetch(url, init);
    } catch (_) {
      throw new ApiError(0, "تعذّر الاتصال بالخادم");
    }
    if (resp.status === 429 && attempt < 3) {   // rate-limited: wait as told, then try again
      await sleep(1000 * Math.min(5, Number(resp.headers.get("retry-after")) || 1));
      continue;
    }
    let data = null;
    try { data = await resp.json(); } catch (_) { /* not JSON */ }
    if (!resp.ok) {
      const message = data && data.error && typeof data.error.message === "string" ? data.error.message
        : `HTTP ${resp.status}`;
      throw new ApiError(resp.status, message);
    }
    return data;
  }
}

const enc = encodeURIComponent;

// -- small building blocks ------------------------------------------------------------------------------------------


/** An entity's English name, marked when it is a machine transliteration rather than the knowledge base's name. */
function enName(e, cls, tag = "span") {
  if (!e || !e.name_en) return null;
  const machine = e.name_en_source === "transliteration";
  return h(tag, {class: [cls, machine ? "translit" : null],
                   title: machine ? "نقحرة آلية للاسم، لا اسم من قاعدة المعرفة" : null},
    ltr(e.name_en), machine ? h("span", {class: "muted"}, " ≈") : null);
}

function entityLink(ent, cls) {
  if (!ent) return h("span", {class: "muted"}, "—");
  const name = ent.name || ent.name_en || ent.gid || "؟";
  if (!ent.gid) return iso(name, cls);
  return h("a", {href: route("actor", ent.gid), class: ["ent", `lab-${safeClass(ent.label)}`, cls]}, iso(name));
}

function entityList(list) {
  if (!list || !list.length) return h("span", {class: "muted"}, "—");
  const out = [];
  list.forEach((ent, i) => { if (i) out.push("، "); out.push(entityLink(ent)); });
  return h("span", {class: "ents"}, out);
}

/** actors ← recipients: in right-to-left reading the arrow points from the one who acts to the one acted upon. */
function participants(actors, recipients) {
  return h("span", {class: "parts"}, entityList(actors),
    recipients && recipients.length ? [h("span", {class: "arrow", "aria-label": "إلى"}, " ← "),
      entityList(recipients)] : null);
}

function dateOf(item) {
  if (item.date) return ltr(item.date, "date");
  if (item.day) return h("span", {class: "date muted", title: "تاريخ النشر"}, ltr(item.day));
  return h("span", {class: "muted"}, "—");
}

function section(title, ...children) {
  return h("section", {class: "card"}, h("h2", null, title), children);
}

function empty(text) { return h("p", {class: "empty"}, text); }

function errorBox(err) {
  const msg = err instanceof ApiError ? err.message : String(err && err.message ? err.message : err);
  return h("div", {class: "error", role: "alert"}, h("strong", null, "خطأ: "), iso(msg));
}

/** A document's title for a list, or «بلا عنوان» and its id. */
function titleOf(title, id) {
  return title ? iso(title) : h("span", {class: "muted"}, "بلا عنوان ", ltr(id, "code"));
}

function docLink(id, title, params) {
  return h("a", {href: params ? route("doc", id, params) : route("doc", id), class: "doclink"},
    title ? iso(title) : ["بلا عنوان ", ltr(id, "muted code")]);
}

/** For an untitled article: its first line, cut at a word near 100 characters. */
function fallbackTitle(text) {
  const line = String(text || "").trim().split("\n")[0];
  if (line.length <= 110) return line;
  const cut = line.lastIndexOf(" ", 100);
  return line.slice(0, cut > 40 ? cut : 100) + "…";
}

function stat(label, value) {
  return h("div", {class: "stat"}, h("span", {class: "stat-n"}, num(value)), h("span", {class: "stat-l"}, label));
}

function searchForm(q, big) {
  const input = h("input", {type: "search", name: "q", value: q || "", autocomplete: "off", "aria-label": "نص البحث",
    placeholder: "ابحث في الأخبار: ويتكوف، \"الرئيس الروسي\"، بوتين OR زيلينسكي…"});
  const form = h("form", {class: big ? "search big" : "search", role: "search"}, input,
    h("button", {type: "submit"}, "بحث"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const value = input.value.trim();
    if (value) location.hash = route("search", {q: value}).url;
  });
  return form;
}

function select(name, options, value, label) {
  const el = h("select", {name, "aria-label": label});
  for (const [v, text] of options) {
    const opt = h("option", {value: v}, text);
    if (v === (value || "")) opt.selected = true;
    el.appendChild(opt);
  }
  return el;
}

function field(label, control) {
  return h("label", {class: "field"}, h("span", null, label), control);
}

const DATE_PATTERN = "\\d{4}(-\\d{2}(-\\d{2})?)?";

function dateInput(name, value, label) {
  return h("input", {type: "text", name, value: value || "", dir: "ltr", pattern: DATE_PATTERN, inputmode: "numeric",
    placeholder: "YYYY-MM-DD", "aria-label": label, class: "date-in"});
}

/** An entity search box: type a few letters, pick an actor; `.gid` holds the choice. */
function entityPicker(initial, placeholder) {
  const input = h("input", {type: "search", placeholder: placeholder || "ابحث عن فاعل…", autocomplete: "off",
    "aria-label": "فاعل", class: "picker-in"});
  const list = h("ul", {class: "suggest", role: "listbox", hidden: true});
  const chip = h("span", {class: "picked", hidden: true});
  const box = h("div", {class: "picker"}, chip, input, list);
  box.gid = null;
  let timer = null, seq = 0, active = -1, items = [];

  function pick(ent) {
    box.gid = ent ? ent.gid : null;
    clear(chip);
    if (ent) {
      const x = h("button", {type: "button", class: "unpick", "aria-label": "إزالة"}, "×");
      x.addEventListener("click", () => { pick(null); input.focus(); });
      chip.append(iso(ent.name || ent.gid), ...(ent.name_en ? [" ", ltr(ent.name_en, "en")] : []), x);
      chip.hidden = false;
      input.hidden = true;
    } else {
      chip.hidden = true;
      input.hidden = false;
      input.value = "";
    }
    hide();
  }
  function hide() { list.hidden = true; active = -1; }
  function mark() {
    [...list.children].forEach((li, i) => li.classList.toggle("active", i === active));
  }
  async function lookup() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { hide(); return; }
    let found = [];
    try { found = await api("/api/entities", {q, limit: 8}); } catch (_) { found = []; }
    if (mine !== seq) return;
    items = found;
    clear(list);
    for (const ent of found) {
      const li = h("li", {role: "option"}, iso(ent.name || ent.gid), " ",
        ent.name_en ? ltr(ent.name_en, "en") : null, " ", labelChip(ent.label),
        h("span", {class: "muted small"}, " ", num(ent.documents), " وثيقة"));
      li.addEventListener("mousedown", (e) => { e.preventDefault(); pick(ent); });
      list.appendChild(li);
    }
    if (!found.length) list.appendChild(h("li", {class: "muted"}, "لا نتائج"));
    list.hidden = false;
    active = -1;
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(lookup, 180); });
  input.addEventListener("keydown", (e) => {
    if (list.hidden || !items.length) return;
    if (e.key === "ArrowDown") { active = (active + 1) % items.length; mark(); e.preventDefault(); }
    else if (e.key === "ArrowUp") { active = (active - 1 + items.length) % items.length; mark(); e.preventDefault(); }
    else if (e.key === "Enter" && active >= 0) { pick(items[active]); e.preventDefault(); }
    else if (e.key === "Escape") hide();
  });
  input.addEventListener("blur", () => setTimeout(hide, 150));
  if (initial) {
    api("/api/entities/" + enc(initial)).then(pick, () => pick({gid: initial, name: initial}));
  }
  box.pick = pick;
  return box;
}

// -- the pop-over card ------------------------------------------------------------------------------------------------

const popState = {pinned: false, anchor: null, timer: null};

function showPop(anchor, content, point, pinned) {
  clearTimeout(popState.timer);
  clear(pop).append(...content.filter(Boolean));
  pop.hidden = false;
  pop.classList.toggle("pinned", !!pinned);
  popState.pinned = !!pinned;
  popState.anchor = anchor;
  // Place it under the line box nearest the pointer (a highlight may wrap over several lines).
  const rects = [...anchor.getClientRects()];
  let rect = rects[0] || anchor.getBoundingClientRect();
  if (point) for (const r of rects) if (point.y >= r.top && point.y <= r.bottom) rect = r;
  const width = pop.offsetWidth, height = pop.offsetHeight;
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  let left = Math.min(vw - width - 8, Math.max(8, rect.right - width));   // right-aligned, as the text reads
  let top = rect.bottom + 6;
  if (top + height > vh - 8 && rect.top - height - 6 > 8) top = rect.top - height - 6;
  pop.style.left = `${Math.round(left + window.scrollX)}px`;
  pop.style.top = `${Math.round(top + window.scrollY)}px`;
}

function hidePop() {
  clearTimeout(popState.timer);
  pop.hidden = true;
  popState.pinned = false;
  popState.anchor = null;
}

pop.addEventListener("mouseenter", () => clearTimeout(popState.timer));
pop.addEventListener("mouseleave", () => {
  if (!popState.pinned) popState.timer = setTimeout(hidePop, 250);
});
document.addEventListener("click", (e) => {
  if (!pop.hidden && !pop.contains(e.target) && !(popState.anchor && popState.anchor.contains(e.target))) hidePop();
});
document.addEventListener("keydown", (e) => { if (e.key === "Escape") hidePop(); });

function kv(label, value) {
  return h("div", {class: "kv"}, h("span", {class: "kv-k"}, label), h("span", {class: "kv-v"}, value));
}

// -- the article ----------------------------------------------------------------------------------------------------

const LAYER = {block: 0, quote: 1, cue: 1, event: 2, mention: 3, hit: 4};

/** The article's text with every layer in place, and the lookups the side panels and cards need. */
function renderText(doc, hit) {
  const text = typeof doc.text === "string" ? doc.text : "";
  const off = new Offsets(text);
  const spans = [];
  const span = (kind, key, start, end, data) => spans.push({kind, key, layer: LAYER[kind], data,
    start: off.unit(start), end: off.unit(end)});
  const blocks = doc.blocks && doc.blocks.length ? doc.blocks : [{start: 0, end: off.length, kind: "paragraph"}];
  blocks.forEach((b, i) => span("block", `b:${i}`, b.start, b.end, b));
  for (const q of doc.quotes || []) {
    if (q.content) span("quote", `q:${q.id}`, q.content.start, q.content.end, q);
    if (q.cue) span("cue", `q:${q.id}`, q.cue.start, q.cue.end, q);
  }
  for (const v of doc.events || []) if (v.trigger) span("event", `v:${v.id}`, v.trigger.start, v.trigger.end, v);
  for (const m of doc.mentions || []) span("mention", `m:${m.id}`, m.start, m.end, m);
  if (hit) span("hit", "hit", hit[0], hit[1], null);

  const pieces = new Map();   // key -> [elements], in text order
  function element(piece) {
    const sp = piece.span, d = sp.data;
    let el;
    if (sp.kind === "block") {
      el = h(d.kind === "heading" ? "h3" : d.kind === "title" ? "h2" : "p", {class: `blk blk-${safeClass(d.kind)}`});
    } else if (sp.kind === "quote") {
      el = h("span", {class: ["q", `q-${safeClass(d.kind)}`, piece.first && "first", piece.last && "last"]});
    } else if (sp.kind === "cue") {
      el = h("span", {class: "qc"});
    } else if (sp.kind === "event") {
      el = h("span", {class: ["v", `ev-${safeClass(d.event)}`, `mod-${safeClass(d.modality)}`]});
    } else if (sp.kind === "mention") {
      el = h("span", {class: ["m", `lab-${safeClass(d.label)}`], "data-e": d.entity || null});
    } else {
      el = h("mark", {class: "hit"});
    }
    if (sp.kind !== "block") {
      el.setAttribute("data-k", sp.key);
      el.dataset.kind = sp.kind;
      if (!pieces.has(sp.key)) pieces.set(sp.key, []);
      pieces.get(sp.key).push(el);
    }
    fill(el, piece);
    return el;
  }
  function fill(el, node) {
    let at = node.start;
    for (const child of node.children) {
      if (child.start > at) el.appendChild(document.createTextNode(text.slice(at, child.start)));
      el.appendChild(element(child));
      at = child.end;
    }
    if (node.end > at) el.appendChild(document.createTextNode(text.slice(at, node.end)));
  }
  const body = h("div", {class: "article-text", lang: "ar"});
  fill(body, nest(text.length, spans));
  return {body, pieces};
}

function flash(els) {
  for (const el of els) {
    el.classList.remove("flash");
    void el.offsetWidth;   // restart the animation
    el.classList.add("flash");
  }
}

function scrollToKey(pieces, key) {
  const els = pieces.get(key);
  if (!els || !els.length) return false;
  els[0].scrollIntoView({block: "center", behavior: "smooth"});
  flash(els);
  return true;
}

/** The article page (a stored document, or a fresh analysis when `stored` is false). */
function articleView(doc, params, stored) {
  const entities = new Map((doc.entities || []).map((e) => [e.id, e]));
  const mentions = new Map((doc.mentions || []).map((m) => [m.id, m]));
  const quotes = new Map((doc.quotes || []).map((q) => [q.id, q]));
  const events = new Map((doc.events || []).map((v) => [v.id, v]));
  const ent = (id) => {
    const e = entities.get(id);
    return e ? {gid: stored ? e.gid : null, name: e.name, name_en: e.name_en, label: e.label} : null;
  };
  const ents = (ids) => (ids || []).map(ent).filter(Boolean);

  let hit = null;
  const hitParam = params.get("hit");
  if (hitParam && /^\d+-\d+$/.test(hitParam)) hit = hitParam.split("-").map(Number);
  const {body, pieces} = renderText(doc, hit);

  // Cards for the pop-over.
  function mentionCard(m) {
    const e = m.entity ? entities.get(m.entity) : null;
    const out = [h("div", {class: "pop-head"}, labelChip(m.label), " ", h("q", null, iso(m.text)))];
    if (e) {
      out.push(h("div", {class: "pop-name"}, iso(e.name)));
      if (e.name_en) out.push(enName(e, "pop-en", "div"));
      out.push(kv("النوع", labelChip(e.label)));
      out.push(kv("معرّف قاعدة المعرفة", e.gid || e.kb_id ? ltr(e.gid || e.kb_id, "code") : h("span",
        {class: "muted"}, "غير مربوط")));
      if (e.country) out.push(kv("البلد", ltr(e.country, "code")));
      if (e.sector) out.push(kv("القطاع", [SECTORS[e.sector] || "", " ", ltr(e.sector, "code")]));
      out.push(kv("الإشارات في المقال", num((e.mentions || []).length)));
      if (stored && e.gid) out.push(h("a", {href: route("actor", e.gid), class: "pop-link"}, "صفحة الفاعل ←"));
    } else if (m.value !== null && m.value !== undefined) {
      out.push(kv("القيمة", ltr(String(m.value), "code")));
    }
    return out;
  }
  function eventCard(v) {
    const out = [h("div", {class: "pop-head"}, labelChip(v.event, "event"), " ", labelChip(v.modality, "modality"))];
    out.push(h("div", {class: "pop-parts"}, participants(ents(v.actor), ents(v.recipient))));
    out.push(kv("الفعل", h("q", null, iso(v.trigger ? v.trigger.text : ""))));
    out.push(kv("التاريخ", v.date ? ltr(v.date) : h("span", {class: "muted"}, "غير محدد")));
    if (v.duration) out.push(kv("المدة", ltr(v.duration, "code")));
    if (v.event_loc) out.push(kv("المكان", entityLink(ent(v.event_loc))));
    if (v.mode && v.mode.length) out.push(kv("الصيغة", ltr(v.mode.join(", "), "code")));
    if (v.context && v.context.length) out.push(kv("السياق", ltr(v.context.join(", "), "code")));
    return out;
  }
  function quoteCard(q) {
    return [h("div", {class: "pop-head"}, h("span", {class: "chip chip-quote"}, "اقتباس ", QUOTE_KINDS[q.kind] || ""),
      " ", entityLink(ent(q.speaker))),
    q.cue ? kv("فعل القول", h("q", null, iso(q.cue.text))) : null,
    h("blockquote", {class: "pop-quote"}, iso(q.content ? q.content.text : ""))].filter(Boolean);
  }
  function cardFor(el) {
    const key = el.getAttribute("data-k") || "";
    const id = key.slice(2);
    if (key.startsWith("m:") && mentions.has(id)) return mentionCard(mentions.get(id));
    if (key.startsWith("v:") && events.has(id)) return eventCard(events.get(id));
    if (key.startsWith("q:") && quotes.has(id)) return quoteCard(quotes.get(id));
    return null;
  }
  body.addEventListener("mouseover", (e) => {
    if (popState.pinned) return;
    const el = e.target.closest && e.target.closest(".m, .v");
    if (!el || !body.contains(el)) return;
    const card = cardFor(el);
    if (card) showPop(el, card, {x: e.clientX, y: e.clientY}, false);
  });
  body.addEventListener("mouseout", (e) => {
    if (popState.pinned) return;
    const el = e.target.closest && e.target.closest(".m, .v");
    if (el && !(e.relatedTarget && (el.contains(e.relatedTarget) || pop.contains(e.relatedTarget)))) {
      popState.timer = setTimeout(hidePop, 250);
    }
  });
  body.addEventListener("click", (e) => {
    const el = e.target.closest && e.target.closest("[data-k]");
    if (!el || !body.contains(el) || el.dataset.kind === "hit") return;
    const card = cardFor(el);
    if (!card) return;
    e.stopPropagation();
    showPop(el, card, {x: e.clientX, y: e.clientY}, true);
    flash(pieces.get(el.getAttribute("data-k")) || []);
  });

  // Header.
  const storeInfo = doc.store || null;
  const source = external(doc.url);
  const head = h("header", {class: "doc-head"},
    doc.title ? h("h1", {class: "doc-title"}, iso(doc.title))
      : h("h1", {class: "doc-title untitled"}, iso(fallbackTitle(doc.text)), h("span", {class: "untitled-tag"},
        "بلا عنوان")),
    h("div", {class: "meta"},
      doc.published ? h("span", null, "نُشر ", ltr(doc.published)) : null,
      storeInfo && storeInfo.outlet ? h("span", null, "المصدر: ", iso(storeInfo.outlet)) : null,
      source ? h("a", {href: source, rel: "noopener noreferrer nofollow", target: "_blank", class: "ext"},
        "الرابط الأصلي ", ltr(source.url.length > 60 ? source.url.slice(0, 57) + "…" : source.url))
        : doc.url ? h("span", {class: "muted"}, "الرابط: ", ltr(doc.url)) : null,
      h("span", {class: "muted"}, "المعرّف: ", ltr(doc.id))));

  // Layer switches and legend.
  const toggles = h("div", {class: "toolbar"});
  for (const [cls, label] of [["m", "الكيانات"], ["q", "الاقتباسات"], ["v", "الأحداث"]]) {
    const box = h("input", {type: "checkbox", checked: true});
    box.addEventListener("change", () => body.classList.toggle(`hide-${cls}`, !box.checked));
    toggles.appendChild(h("label", {class: `toggle t-${cls}`}, box, " ", h("span", {class: `swatch sw-${cls}`}),
      " ", label));
  }
  const used = [...new Set((doc.mentions || []).map((m) => m.label))];
  toggles.appendChild(h("span", {class: "legend"},
    used.map((l) => h("span", {class: `legend-item lab-${safeClass(l)}`, title: l}, LABELS[l] || l))));

  // Side panels.
  const side = h("aside", {class: "doc-side"});
  const order = ["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC"];
  const sorted = [...entities.values()].sort((a, b) =>
    (order.indexOf(a.label) + 99) % 99 - (order.indexOf(b.label) + 99) % 99
    || (b.mentions || []).length - (a.mentions || []).length);
  const entList = h("ul", {class: "side-list ents-list"});
  for (const e of sorted) {
    const toggle = h("button", {type: "button", class: "lit-btn", title: "إبراز إشاراته في النص",
      "aria-label": "إبراز"}, num((e.mentions || []).length));
    const els = () => (e.mentions || []).flatMap((id) => pieces.get(`m:${id}`) || []);
    toggle.addEventListener("click", () => {
      const on = !toggle.classList.contains("on");
      toggle.classList.toggle("on", on);
      for (const el of els()) el.classList.toggle("lit", on);
      if (on && e.mentions && e.mentions.length) scrollToKey(pieces, `m:${e.mentions[0]}`);
    });
    const li = h("li", {class: `ent-row lab-${safeClass(e.label)}`},
      h("span", {class: "dot"}),
      h("span", {class: "ent-names"}, stored && e.gid ? entityLink(e) : iso(e.name),
        enName(e, "en")),
      h("span", {class: "lab-code"}, ltr(e.label, "code")), toggle);
    li.addEventListener("mouseenter", () => els().forEach((el) => el.classList.add("hover")));
    li.addEventListener("mouseleave", () => els().forEach((el) => el.classList.remove("hover")));
    entList.appendChild(li);
  }
  side.appendChild(h("details", {class: "card", open: true}, h("summary", null, "الكيانات ",
    h("span", {class: "count"}, num(entities.size))), entities.size ? entList : empty("لا كيانات")));

  const quoteList = h("ol", {class: "side-list quotes-list"});
  for (const q of quotes.values()) {
    const jump = h("button", {type: "button", class: "quote-jump"}, iso(q.content ? q.content.text : ""));
    jump.addEventListener("click", () => scrollToKey(pieces, `q:${q.id}`));
    quoteList.appendChild(h("li", null, h("div", {class: "quote-by"}, h("span", null, entityLink(ent(q.speaker)), ":"),
      h("span", {class: "chip chip-quote small"}, QUOTE_KINDS[q.kind] || q.kind)), jump));
  }
  side.appendChild(h("details", {class: "card", open: true}, h("summary", null, "الاقتباسات ",
    h("span", {class: "count"}, num(quotes.size))), quotes.size ? quoteList : empty("لا اقتباسات")));

  const eventList = h("ol", {class: "side-list events-list"});
  for (const v of events.values()) {
    const jump = h("button", {type: "button", class: "event-jump"}, "«", iso(v.trigger ? v.trigger.text : ""), "»");
    jump.addEventListener("click", () => scrollToKey(pieces, `v:${v.id}`));
    eventList.appendChild(h("li", {class: `mod-${safeClass(v.modality)}`},
      h("div", null, labelChip(v.event, "event"), " ", labelChip(v.modality, "modality"), " ", jump),
      h("div", {class: "ev-parts"}, participants(ents(v.actor), ents(v.recipient))),
      v.date ? h("div", {class: "muted small"}, "التاريخ: ", ltr(v.date)) : null));
  }
  side.appendChild(h("details", {class: "card", open: true}, h("summary", null, "الأحداث ",
    h("span", {class: "count"}, num(events.size))), events.size ? eventList : empty("لا أحداث")));

  if (storeInfo) {
    const srcList = h("ul", {class: "side-list"});
    for (const src of storeInfo.sources || []) {
      const link = external(src.url);
      srcList.appendChild(h("li", null,
        link ? h("a", {href: link, rel: "noopener noreferrer nofollow", target: "_blank", class: "ext"}, ltr(src.url))
          : src.url ? ltr(src.url) : null,
        src.outlet ? h("span", {class: "muted"}, " — ", iso(src.outlet)) : null,
        src.key && src.key !== src.url ? h("div", {class: "muted small"}, "المُدخل: ", ltr(src.key)) : null));
    }
    const same = h("ul", {class: "side-list"});
    if (storeInfo.cluster && storeInfo.cluster !== doc.id) {
      same.appendChild(h("li", null, "نُشرت أولًا في: ", docLink(storeInfo.cluster, storeInfo.cluster),
        storeInfo.similarity ? h("span", {class: "muted"}, " (تشابه ", ltr(storeInfo.similarity), ")") : null));
    }
    for (const d of storeInfo.same_story || []) {
      same.appendChild(h("li", null, docLink(d.id, d.title), " ", d.outlet ? h("span", {class: "muted"},
        iso(d.outlet)) : null, " ", d.published ? ltr(d.published, "date muted") : null));
    }
    side.appendChild(h("details", {class: "card", open: true}, h("summary", null, "المصادر والنسخ"),
      h("h3", null, "المصادر"), srcList.children.length ? srcList : empty("—"),
      h("h3", null, "القصة نفسها في وثائق أخرى"), same.children.length ? same : empty("لا نسخ مشابهة")));
  }

  const counts = h("div", {class: "doc-counts"},
    stat("إشارة", (doc.mentions || []).length), stat("كيان", entities.size), stat("اقتباس", quotes.size),
    stat("حدث", events.size));
  const main = h("div", {class: "doc-main card"}, toggles, body);
  const page = h("div", {class: "doc-page"}, head, counts, h("div", {class: "doc-grid"}, main, side));
  const after = () => {
    const focus = params.get("focus");
    if (focus && pieces.has(focus)) scrollToKey(pieces, focus);
    else if (hit) scrollToKey(pieces, "hit");
  };
  return {page, after};
}

// -- pages ------------------------------------------------------------------------------------------------------------

async function pageHome(ctx) {
  const [stats, docs, actors] = await Promise.all([
    api("/api/stats"), api("/api/documents", {limit: 20}), api("/api/entities", {limit: 30}),
  ]);
  const list = h("ul", {class: "doc-list"});
  for (const d of docs) {
    list.appendChild(h("li", null,
      h("div", {class: "doc-row-title"}, docLink(d.id, d.title), d.duplicate
        ? h("span", {class: "chip chip-dup"}, "نسخة من قصة أخرى") : null),
      h("div", {class: "muted small"}, d.published ? ltr(d.published) : "بلا تاريخ",
        d.outlet ? [" · ", iso(d.outlet)] : null, " · ", num(d.events), " حدث · ", num(d.quotes), " اقتباس")));
  }
  const chips = h("div", {class: "chips"});
  for (const e of actors) {
    chips.appendChild(h("a", {href: route("actor", e.gid), class: `chip ent-chip lab-${safeClass(e.label)}`},
      iso(e.name || e.gid), h("span", {class: "n"}, num(e.documents))));
  }
  ctx.show(h("div", {class: "home"},
    h("section", {class: "hero"}, h("h1", null, "مرصد الأخبار العربية"),
      h("p", {class: "lede"}, "من قال ماذا، ومن فعل ماذا بمن — كل معلومة تشير إلى موضعها في النص الأصلي."),
      searchForm("", true),
      h("div", {class: "stats"}, stat("وثيقة", stats.documents), stat("قصة", stats.stories),
        stat("كيان", stats.entities), stat("اقتباس", stats.quotes), stat("حدث", stats.events))),
    h("div", {class: "home-grid"},
      section("أحدث الوثائق", docs.length ? list : empty("المخزن فارغ: أضف مقالات بالأمر marsad ingest")),
      section("الفاعلون الأكثر ذكرًا", actors.length ? chips : empty("لا كيانات بعد"),
        h("p", {class: "more"}, h("a", {href: route("events")}, "مستكشف الأحداث ←"), " ",
          h("a", {href: route("network")}, "شبكة اللقاءات ←"))))));
}

function snippetNode(snip, ranges, offset) {
  const off = new Offsets(snip);
  const out = h("p", {class: "snippet"});
  if (offset > 0) out.appendChild(document.createTextNode("… "));
  let at = 0;
  const sorted = (ranges || []).map(([a, b]) => [off.unit(a), off.unit(b)]).sort((x, y) => x[0] - y[0]);
  for (const [a, b] of sorted) {
    if (a < at || b <= a) continue;
    out.appendChild(document.createTextNode(snip.slice(at, a)));
    out.appendChild(h("mark", null, snip.slice(a, b)));
    at = b;
  }
  out.appendChild(document.createTextNode(snip.slice(at) + " …"));
  return out;
}

async function pageSearch(ctx) {
  const q = (ctx.params.get("q") || "").trim();
  const offset = Math.max(0, Number(ctx.params.get("offset")) || 0);
  const form = searchForm(q, false);
  if (!q) {
    ctx.show(h("div", null, h("h1", null, "البحث"), form, h("p", {class: "help"},
      "تجد الكلمة بكل صيغها الإملائية (ويتكوف = ويتكوڤ = وويتكوف). ضع عبارة بين علامتي تنصيص، واستعمل OR للبدائل، ",
      "والشرطة (-كلمة) للاستبعاد، والنجمة (كلم*) للبادئة.")));
    return;
  }
  document.title = `${q} — بحث مرصد`;
  const [res, actors] = await Promise.all([
    api("/api/search", {q, limit: 20, offset}).catch((err) => ({error: err})),
    api("/api/entities", {q, limit: 8}).catch(() => []),
  ]);
  const page = h("div", {class: "search-page"}, h("h1", null, "البحث"), form);
  if (actors.length) {
    page.appendChild(h("div", {class: "chips suggest-ents"}, h("span", {class: "muted"}, "فاعلون: "),
      actors.map((e) => h("a", {href: route("actor", e.gid), class: `chip ent-chip lab-${safeClass(e.label)}`},
        iso(e.name || e.gid), e.name_en ? [" ", ltr(e.name_en, "en")] : null))));
  }
  if (res.error) {
    page.appendChild(errorBox(res.error));
    ctx.show(page);
    return;
  }
  page.appendChild(h("p", {class: "muted"}, num(res.total), " نتيجة"));
  const list = h("ol", {class: "results"});
  for (const r of res.results) {
    const first = (r.highlights || [])[0];
    const hit = first ? `${r.offset + first[0]}-${r.offset + first[1]}` : null;
    list.appendChild(h("li", {class: "result"},
      h("div", {class: "doc-row-title"}, docLink(r.id, r.title, hit ? {hit} : null),
        r.duplicate ? h("span", {class: "chip chip-dup"}, "نسخة من قصة أخرى") : null),
      h("div", {class: "muted small"}, r.published ? ltr(r.published) : "بلا تاريخ",
        r.outlet ? [" · ", iso(r.outlet)] : null),
      snippetNode(r.snippet || "", r.highlights, r.offset)));
  }
  page.appendChild(res.results.length ? list : empty("لا نتائج"));
  const nav = h("div", {class: "pager"});
  if (offset > 0) nav.appendChild(h("a", {href: route("search", {q, offset: Math.max(0, offset - 20)})}, "→ السابق"));
  if (offset + res.results.length < res.total) {
    nav.appendChild(h("a", {href: route("search", {q, offset: offset + 20})}, "التالي ←"));
  }
  page.appendChild(nav);
  ctx.show(page);
}

async function pageDoc(ctx, id) {
  const doc = await api("/api/documents/" + enc(id));
  document.title = `${doc.title || fallbackTitle(doc.text)} — مرصد`;
  const {page, after} = articleView(doc, ctx.params, true);
  ctx.show(page);
  after();
}

function eventRow(v) {
  return h("li", {class: `event-row mod-${safeClass(v.modality)}`},
    h("div", {class: "ev-date"}, dateOf(v)),
    h("div", {class: "ev-body"},
      h("div", null, labelChip(v.event, "event"), " ", labelChip(v.modality, "modality"),
        v.reports > 1 ? h("span", {class: "chip chip-dup"}, num(v.reports), " تقارير") : null),
      h("div", {class: "ev-parts"}, participants(v.actor, v.recipient),
        v.place ? h("span", {class: "muted"}, " · في ", entityLink(v.place)) : null),
      h("div", {class: "ev-src small"}, h("a", {href: route("doc", v.doc, {focus: `v:${v.id}`}), class: "trigger"},
        "«", iso(v.trigger ? v.trigger.text : ""), "»"), h("span", {class: "muted"}, " — ",
        titleOf(v.title, v.doc)))));
}

function quoteRow(q) {
  return h("li", {class: "quote-row"},
    h("blockquote", null, iso(q.content ? q.content.text : "")),
    h("div", {class: "muted small"}, q.speaker ? [entityLink(q.speaker), " · "] : null,
      q.day ? [ltr(q.day), " · "] : null,
      h("a", {href: route("doc", q.doc, {focus: `q:${q.id}`})}, titleOf(q.title, q.doc))));
}

async function pageActor(ctx, gid) {
  const [ent, timeline, quotes, counts] = await Promise.all([
    api("/api/entities/" + enc(gid)),
    api("/api/entities/" + enc(gid) + "/timeline", {limit: 500}),
    api("/api/quotes", {speaker: gid, limit: 200}),
    api("/api/counts", {actor: gid, by: "month"}),
  ]);
  document.title = `${ent.name || gid} — مرصد`;
  const head = h("header", {class: "actor-head card"},
    h("h1", null, iso(ent.name || gid)),
    enName(ent, "actor-en", "div"),
    h("div", {class: "chips"}, labelChip(ent.label),
      ent.sector ? h("span", {class: "chip"}, SECTORS[ent.sector] || "", " ", ltr(ent.sector, "code")) : null,
      ent.country ? h("span", {class: "chip"}, "البلد ", ltr(ent.country, "code")) : null,
      h("span", {class: "chip chip-id"}, "المعرّف ", ltr(ent.gid, "code"))),
    h("div", {class: "stats"}, stat("وثيقة", ent.documents), stat("إشارة", ent.mentions),
      stat("اقتباس", ent.quotes), stat("حدث فاعلًا", (ent.events || {}).actor || 0),
      stat("حدث متلقيًا", (ent.events || {}).recipient || 0)),
    ent.aliases && ent.aliases.length ? h("div", {class: "aliases"}, h("span", {class: "muted"}, "يُذكر باسم: "),
      ent.aliases.map((a) => h("span", {class: "alias"}, iso(a)))) : null,
    h("p", {class: "more"}, h("a", {href: route("events", {actor: gid})}, "أحداثه في المستكشف ←")));

  const partners = h("ul", {class: "side-list"});
  for (const p of ent.partners || []) {
    partners.appendChild(h("li", null, entityLink(p), p.name_en ? [" ", ltr(p.name_en, "en muted")] : null,
      h("span", {class: "count"}, num(p.n))));
  }

  const tl = h("ol", {class: "timeline"});
  let lastDay = null;
  for (const item of timeline) {
    const day = item.day || item.date || "بلا تاريخ";
    if (day !== lastDay) {
      tl.appendChild(h("li", {class: "tl-day"}, ltr(day)));
      lastDay = day;
    }
    if (item.kind === "event") {
      const role = (item.actor || []).some((a) => a.gid === gid) ? "فاعل" : "متلقٍّ";
      tl.appendChild(h("li", {class: `tl-item tl-event mod-${safeClass(item.modality)}`},
        h("div", null, labelChip(item.event, "event"), " ", labelChip(item.modality, "modality"),
          h("span", {class: "muted small"}, " (", role, ")")),
        h("div", {class: "ev-parts"}, participants(item.actor, item.recipient)),
        h("div", {class: "small"}, h("a", {href: route("doc", item.doc, {focus: `v:${item.id}`})},
          "«", iso(item.trigger ? item.trigger.text : ""), "»"), h("span", {class: "muted"}, " — ",
          titleOf(item.title, item.doc)))));
    } else {
      tl.appendChild(h("li", {class: "tl-item tl-quote"},
        h("div", null, h("span", {class: "chip chip-quote"}, "قال")),
        h("blockquote", null, iso(item.content ? item.content.text : "")),
        h("div", {class: "small"}, h("a", {href: route("doc", item.doc, {focus: `q:${item.id}`})},
          titleOf(item.title, item.doc)))));
    }
  }
  const quoteList = h("ol", {class: "quote-list"}, quotes.map(quoteRow));
  ctx.show(h("div", {class: "actor-page"}, head,
    h("div", {class: "actor-grid"},
      h("div", null,
        section("الخط الزمني", timeline.length ? tl : empty("لا أحداث ولا اقتباسات")),
        section("اقتباساته", quotes.length ? quoteList : empty("لا اقتباسات منسوبة إليه"))),
      h("div", null,
        section("شركاؤه في الأحداث", partners.children.length ? partners : empty("لا شركاء")),
        counts.length ? section("الأحداث شهريًا", barsSvg(counts, 360, 160)) : null))));
}

const EVENT_OPTIONS = [["", "كل الفئات"], ...Object.entries(EVENTS).map(([k, v]) => [k, `${v} (${k})`])];
const MODALITY_OPTIONS = [["", "كل الصيغ"], ...Object.entries(MODALITIES).map(([k, v]) => [k, `${v} (${k})`])];

function readForm(form, names) {
  const out = {};
  for (const name of names) {
    const el = form.elements.namedItem(name);
    const value = el && typeof el.value === "string" ? el.value.trim() : "";
    if (value) out[name] = value;
  }
  return out;
}

async function pageEvents(ctx) {
  const p = ctx.params;
  const filters = {event: p.get("event") || null, modality: p.get("modality") || null, actor: p.get("actor") || null,
    from: p.get("from") || null, to: p.get("to") || null};
  const picker = entityPicker(filters.actor);
  const form = h("form", {class: "filters card"},
    field("الفئة", select("event", EVENT_OPTIONS, filters.event, "الفئة")),
    field("الصيغة", select("modality", MODALITY_OPTIONS, filters.modality, "الصيغة")),
    field("الفاعل", picker),
    field("من", dateInput("from", filters.from, "من تاريخ")),
    field("إلى", dateInput("to", filters.to, "إلى تاريخ")),
    h("div", {class: "field buttons"}, h("button", {type: "submit"}, "تطبيق"),
      h("a", {href: route("events"), class: "reset"}, "مسح")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const next = readForm(form, ["event", "modality", "from", "to"]);
    if (picker.gid) next.actor = picker.gid;
    location.hash = route("events", next).url;
  });
  const query = {event: filters.event, modality: filters.modality, participant: filters.actor, from: filters.from,
    to: filters.to};
  const limit = Math.min(500, Math.max(1, Number(p.get("limit")) || 200));
  let [events, counts] = await Promise.all([
    api("/api/events", {...query, limit}),
    api("/api/counts", {event: filters.event, actor: filters.actor, from: filters.from, to: filters.to, by: "month"}),
  ]);
  if (counts.length && counts.length <= 2) {
    counts = await api("/api/counts", {event: filters.event, actor: filters.actor, from: filters.from,
      to: filters.to, by: "day"});
  }
  const list = h("ol", {class: "event-list"}, events.map(eventRow));
  ctx.show(h("div", {class: "events-page"}, h("h1", null, "مستكشف الأحداث"), form,
    counts.length ? h("div", {class: "card chart"}, h("h2", null, "عدد الأحداث (قصص لا تقارير)"),
      barsSvg(counts, 900, 170)) : null,
    h("p", {class: "muted"}, num(events.length), events.length >= limit ? ["+ حدث (الأحدث أولًا)"] : " حدث"),
    events.length ? list : empty("لا أحداث بهذه الشروط"),
    events.length < limit ? null : limit < 500
      ? h("p", {class: "more"}, h("a", {href: route("events", {...filters, limit: 500})}, "عرض المزيد ←"))
      : h("p", {class: "muted"}, "ضيّق الشروط (الفترة، الفئة، الفاعل) لرؤية ما تبقى.")));
}

async function pageNetwork(ctx) {
  const p = ctx.params;
  const event = (p.get("event") || "CONSULT").toUpperCase();
  const modality = p.get("modality") || "asserted";   // "any": every modality
  const from = p.get("from") || null, to = p.get("to") || null;
  const min = Math.max(1, Number(p.get("min")) || 1);
  const form = h("form", {class: "filters card"},
    field("العلاقة", select("event", Object.entries(EVENTS).map(([k, v]) => [k, `${v} (${k})`]), event, "العلاقة")),
    field("الصيغة", select("modality", [["any", "كل الصيغ"], ...MODALITY_OPTIONS.slice(1)], modality, "الصيغة")),
    field("من", dateInput("from", from, "من تاريخ")),
    field("إلى", dateInput("to", to, "إلى تاريخ")),
    field("أدنى وزن", h("input", {type: "number", name: "min", min: "1", value: String(min), class: "num-in",
      dir: "ltr"})),
    h("div", {class: "field buttons"}, h("button", {type: "submit"}, "تطبيق")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const next = readForm(form, ["event", "modality", "from", "to", "min"]);
    if (next.min === "1") delete next.min;
    if (next.modality === "asserted") delete next.modality;
    location.hash = route("network", next).url;
  });
  const net = await api("/api/network", {event, modality: modality === "any" ? "" : modality, from, to,
    min_weight: min, limit: 300});
  const names = new Map(net.nodes.map((n) => [n.gid, n]));
  const page = h("div", {class: "network-page"}, h("h1", null, event === "CONSULT" ? "من التقى بمن"
    : event === "ACCUSE" ? "من اتهم من" : `شبكة: ${EVENTS[event] || event}`), form);
  if (!net.nodes.length) {
    page.appendChild(empty("لا علاقات بهذه الشروط"));
    ctx.show(page);
    return;
  }
  const svg = networkSvg(net, 1000);
  const lines = [...svg.querySelectorAll("line.edge")];
  svg.addEventListener("mouseover", (e) => {
    const node = e.target.closest && e.target.closest("a.node");
    if (!node) return;
    const gid = node.getAttribute("data-gid");
    svg.classList.add("dim");
    for (const l of lines) {
      l.classList.toggle("on", l.getAttribute("data-a") === gid || l.getAttribute("data-b") === gid);
    }
  });
  svg.addEventListener("mouseout", (e) => {
    if (e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest("a.node")) return;
    svg.classList.remove("dim");
  });
  const labels = [...new Set(net.nodes.map((n) => n.label))];
  const legend = h("div", {class: "legend"}, labels.map((l) => h("span", {class: `legend-node lab-${safeClass(l)}`},
    h("span", {class: "dot"}), LABELS[l] || l)), h("span", {class: "muted small"},
    net.directed ? " · السهم من الفاعل إلى المتلقي؛ سُمك الخط = عدد القصص" : " · سُمك الخط = عدد القصص"));
  const rows = h("tbody");
  for (const e of net.edges) {
    rows.appendChild(h("tr", {class: "edge-row", "data-a": e.source, "data-b": e.target},
      h("td", null, entityLink(names.get(e.source) || {gid: e.source})),
      h("td", {class: "arrow"}, net.directed ? "←" : "—"),
      h("td", null, entityLink(names.get(e.target) || {gid: e.target})),
      h("td", {class: "num"}, num(e.weight))));
  }
  page.append(h("div", {class: "card graph"}, legend, svg),
    section("العلاقات", h("table", {class: "edges-table"}, h("thead", null, h("tr", null,
      h("th", null, net.directed ? "الفاعل" : "الطرف"), h("th"), h("th", null, net.directed ? "المتلقي" : "الطرف"),
      h("th", null, "القصص"))), rows)));
  ctx.show(page);
}

async function pageAnalyze(ctx) {
  const area = h("textarea", {name: "text", rows: "10", placeholder: "الصق نص مقال عربي هنا…", "aria-label": "النص"});
  const date = h("input", {type: "text", name: "published", dir: "ltr", pattern: "\\d{4}-\\d{2}-\\d{2}",
    placeholder: "YYYY-MM-DD", class: "date-in", "aria-label": "تاريخ النشر"});
  const out = h("div", {class: "analyze-out"});
  const button = h("button", {type: "submit"}, "حلّل");
  const form = h("form", {class: "card analyze-form"}, field("النص", area),
    h("div", {class: "row"}, field("تاريخ النشر (لحل التواريخ النسبية)", date), button));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!form.reportValidity() || !area.value.trim()) return;
    button.disabled = true;
    clear(out).appendChild(h("p", {class: "loading"}, "جارٍ التحليل…"));
    try {
      const doc = await api("/api/analyze", null, {text: area.value, published: date.value.trim() || null});
      const {page} = articleView(doc, new URLSearchParams(), false);
      clear(out).appendChild(page);
      out.scrollIntoView({block: "start", behavior: "smooth"});
    } catch (err) {
      clear(out).appendChild(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  ctx.show(h("div", {class: "analyze-page"}, h("h1", null, "تحليل نص"),
    h("p", {class: "muted"}, "يُحلَّل النص ويُعرض دون أن يُحفظ في المخزن."), form, out));
}

// -- the router -------------------------------------------------------------------------------------------------------

function parseHash() {
  let raw = location.hash.replace(/^#/, "");
  if (!raw.startsWith("/")) raw = "/" + raw;
  const cut = raw.indexOf("?");
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? "" : raw.slice(cut + 1));
  const parts = path.split("/").slice(1).map((x) => {
    try { return decodeURIComponent(x); } catch (_) { return null; }
  });
  return {parts, params};
}

function notFound(ctx, what) {
  ctx.show(h("div", {class: "card"}, h("h1", null, "غير موجود"), h("p", null, what),
    h("a", {href: route("")}, "العودة إلى الرئيسية")));
}

async function render() {
  const gen = ++generation;
  view.removeAttribute("data-ready");
  hidePop();
  const {parts, params} = parseHash();
  const name = parts[0] || "";
  const rest = parts.slice(1);
  const ctx = {
    params,
    show(node) {
      if (gen !== generation) return;
      clear(view).appendChild(node);
    },
  };
  for (const a of document.querySelectorAll("nav a[data-nav]")) {
    a.classList.toggle("active", a.getAttribute("data-nav") === (name || "home"));
  }
  document.title = "مرصد";
  if (!params.has("focus") && !params.has("hit")) window.scrollTo(0, 0);
  clear(view).appendChild(h("p", {class: "loading"}, "جارٍ التحميل…"));
  try {
    if (rest.includes(null)) notFound(ctx, "رابط غير صالح");
    else if (name === "") await pageHome(ctx);
    else if (name === "search") await pageSearch(ctx);
    else if (name === "doc" && rest.length) await pageDoc(ctx, rest.join("/"));
    else if (name === "actor" && rest.length) await pageActor(ctx, rest.join("/"));
    else if (name === "events") await pageEvents(ctx);
    else if (name === "network") await pageNetwork(ctx);
    else if (name === "analyze") await pageAnalyze(ctx);
    else notFound(ctx, "لا صفحة بهذا العنوان");
  } catch (err) {
    if (gen !== generation) return;
    if (err instanceof ApiError && err.status === 404) notFound(ctx, err.message);
    else ctx.show(errorBox(err));
  }
  if (gen === generation) view.setAttribute("data-ready", name || "home");
}

document.getElementById("top-search").addEventListener("submit", (e) => {
  e.preventDefault();
  const value = e.target.elements.namedItem("q").value.trim();
  location.hash = route("search", value ? {q: value} : null).url;
});
window.addEventListener("hashchange", render);
render();

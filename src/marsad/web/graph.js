// Small SVG charts drawn from data: a force-directed network and a bar chart of counts over time.
// Everything is built with dom.s(); names are text nodes, links are in-app routes.

import {s, route, safeClass} from "./dom.js";

/** Connected components of the graph, largest first (node indices). */
function components(n, links) {
  const parent = [...Array(n).keys()];
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [a, b] of links) parent[find(a)] = find(b);
  const groups = new Map();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r).push(i);
  }
  return [...groups.values()].sort((x, y) => y.length - x.length || x[0] - y[0]);
}

/** Fruchterman-Reingold inside one component, in units of the ideal edge length; deterministic. */
function forceLayout(members, links) {
  const n = members.length;
  const local = new Map(members.map((g, i) => [g, i]));
  const p = members.map((_, i) => {
    const a = Math.PI / 4 + (2 * Math.PI * i) / n;   // a pair lies on a diagonal: labels below nodes stay apart
    const r = n === 1 ? 0 : Math.max(0.5, Math.sqrt(n) / 2);
    return {x: Math.cos(a) * r, y: Math.sin(a) * r, dx: 0, dy: 0};
  });
  const mine = links.filter(([a]) => local.has(a)).map(([a, b, w]) => [local.get(a), local.get(b), w]);
  let temp = Math.max(0.3, Math.sqrt(n) / 2);
  const iterations = n > 150 ? 120 : 300;
  for (let it = 0; it < iterations && n > 1; it++) {
    for (const q of p) { q.dx = 0; q.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-4) { dx = 0.01 * (i - j); dy = 0.01; d2 = dx * dx + dy * dy; }
        const f = 1 / d2;   // repulsion k²/d along the unit vector, with k = 1
        p[i].dx += dx * f; p[i].dy += dy * f;
        p[j].dx -= dx * f; p[j].dy -= dy * f;
      }
    }
    for (const [a, b, w] of mine) {
      const dx = p[a].x - p[b].x, dy = p[a].y - p[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = d * (1 + 0.3 * Math.log(w));   // attraction d²/k, a little stronger for heavier edges
      p[a].dx -= dx * f; p[a].dy -= dy * f;
      p[b].dx += dx * f; p[b].dy += dy * f;
    }
    for (const q of p) {
      const d = Math.sqrt(q.dx * q.dx + q.dy * q.dy) || 1;
      const step = Math.min(d, temp);
      q.x += (q.dx / d) * step; q.y += (q.dy / d) * step;
    }
    temp = Math.max(0.01, temp * 0.985);
  }
  const x0 = Math.min(...p.map((q) => q.x)), y0 = Math.min(...p.map((q) => q.y));
  const pts = p.map((q) => ({x: q.x - x0, y: q.y - y0}));
  return {pts, w: Math.max(...pts.map((q) => q.x)), h: Math.max(...pts.map((q) => q.y))};
}

/**
 * Node positions: each connected component laid out by force, then the components packed in rows (largest first),
 * so that small separate groups neither overlap nor shrink the big one. `unit` is the ideal edge length in pixels;
 * it shrinks (to 60 at least) only when a component is wider than the box. Returns {pos: Map(gid -> {x, y}), height}.
 */
export function layout(nodes, edges, width, pad, unit) {
  const pos = new Map();
  const n = nodes.length;
  if (!n) return {pos, height: 2 * pad};
  const index = new Map(nodes.map((node, i) => [node.gid, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.weight || 1])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const comps = components(n, links).map((members) => ({members, ...forceLayout(members, links)}));
  const gapX = 1.3, gapY = 1.1;   // room for labels between components, in units
  const widest = Math.max(...comps.map((c) => c.w));
  const scale = Math.max(60, Math.min(unit, (width - 2 * pad) / Math.max(widest, 1e-9)));
  const rowWidth = (width - 2 * pad) / scale;
  let x = 0, y = 0, rowH = 0;
  const rows = [[]];
  for (const c of comps) {
    if (x > 0 && x + c.w > rowWidth + 1e-9) {
      rows.push([]);
      y += rowH + gapY; x = 0; rowH = 0;
    }
    c.ox = x; c.oy = y;
    rows[rows.length - 1].push(c);
    x += c.w + gapX;
    rowH = Math.max(rowH, c.h);
  }
  const total = y + rowH;
  for (const row of rows) {   // centre each row; rows start on the right, as the page reads
    const used = Math.max(...row.map((c) => c.ox + c.w));
    const shift = (rowWidth - used) / 2;
    for (const c of row) {
      c.members.forEach((m, i) => {
        const q = c.pts[i];
        pos.set(nodes[m].gid, {x: width - pad - (c.ox + shift + q.x) * scale, y: pad + (c.oy + q.y) * scale});
      });
    }
  }
  return {pos, height: Math.round(2 * pad + total * scale)};
}

/** The network as an SVG element: edges carry data-a/data-b (the gids), nodes link to actor pages. */
export function networkSvg(net, width) {
  const nodes = net.nodes || [], edges = net.edges || [];
  const {pos, height} = layout(nodes, edges, width, 50, 105);
  const maxW = Math.max(1, ...nodes.map((x) => x.weight || 1));
  const radius = (w) => 7 + 13 * Math.sqrt((w || 1) / maxW);
  const r = new Map(nodes.map((x) => [x.gid, radius(x.weight)]));
  const svg = s("svg", {viewBox: `0 0 ${width} ${height}`, class: "network", role: "img",
    "aria-label": "شبكة العلاقات"});
  if (net.directed) {
    svg.appendChild(s("defs", null, s("marker", {id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse"}, s("path", {d: "M0,0 L10,5 L0,10 z",
      class: "arrowhead"}))));
  }
  const edgeLayer = s("g", {class: "edges"});
  const maxE = Math.max(1, ...edges.map((e) => e.weight || 1));
  for (const e of edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    // End the line at the node's rim so an arrowhead stays visible.
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    const ra = r.get(e.source) || 8, rb = (r.get(e.target) || 8) + (net.directed ? 3 : 0);
    const line = s("line", {
      x1: (a.x + (dx / d) * ra).toFixed(1), y1: (a.y + (dy / d) * ra).toFixed(1),
      x2: (b.x - (dx / d) * rb).toFixed(1), y2: (b.y - (dy / d) * rb).toFixed(1),
      class: "edge", "stroke-width": (1.5 + 4 * (e.weight || 1) / maxE).toFixed(1),
      "marker-end": net.directed ? "url(#arrow)" : null, "data-a": e.source, "data-b": e.target,
    }, s("title", null, `${e.weight} ${e.weight === 1 ? "قصة" : "قصص"}`));
    edgeLayer.appendChild(line);
  }
  svg.appendChild(edgeLayer);
  const nodeLayer = s("g", {class: "nodes"});
  for (const node of nodes) {
    const p = pos.get(node.gid);
    const rad = r.get(node.gid);
    const link = s("a", {href: route("actor", node.gid), class: `node lab-${safeClass(node.label)}`,
      "data-gid": node.gid},
    s("title", null, [node.name || node.gid, node.name_en ? ` (${node.name_en})` : ""].join("")),
    s("circle", {cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: rad.toFixed(1)}),
    s("text", {x: p.x.toFixed(1), y: (p.y + rad + 16).toFixed(1), "text-anchor": "middle"},
      node.name || node.name_en || node.gid));
    nodeLayer.appendChild(link);
  }
  svg.appendChild(nodeLayer);
  return svg;
}

/** Bars of {period, count}, oldest on the right (the reading start in RTL), the count on top of each bar. */
export function barsSvg(rows, width, height) {
  const svg = s("svg", {viewBox: `0 0 ${width} ${height}`, class: "bars", role: "img", "aria-label": "عدد الأحداث"});
  if (!rows.length) return svg;
  const max = Math.max(1, ...rows.map((x) => x.count));
  const slot = Math.min(80, (width - 20) / rows.length);
  const bar = Math.max(4, slot * 0.7);
  const base = height - 24;
  rows.forEach((row, i) => {
    const x = width - 10 - slot * (i + 1) + (slot - bar) / 2;
    const hgt = Math.max(1, ((base - 18) * row.count) / max);
    svg.appendChild(s("g", {class: "bar"},
      s("title", null, `${row.period}: ${row.count}`),
      s("rect", {x: x.toFixed(1), y: (base - hgt).toFixed(1), width: bar.toFixed(1), height: hgt.toFixed(1)}),
      s("text", {x: (x + bar / 2).toFixed(1), y: (base - hgt - 4).toFixed(1), "text-anchor": "middle",
        class: "n"}, String(row.count)),
      rows.length <= 24 || i % Math.ceil(rows.length / 24) === 0
        ? s("text", {x: (x + bar / 2).toFixed(1), y: (height - 6).toFixed(1), "text-anchor": "middle",
          class: "period"}, row.period) : null));
  });
  return svg;
}

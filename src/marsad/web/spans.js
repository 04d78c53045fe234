// Spans over an article's text: offset conversion and nesting.
//
// The server's offsets are Python string indices, i.e. Unicode code points; JavaScript strings index UTF-16 code units.
// Arabic is in the Basic Multilingual Plane (one unit per character) but an emoji or a rare CJK character before a
// mention is two units, so every offset goes through `Offsets`.
//
// Spans of several kinds overlap: a quote holds mentions and event triggers, a role phrase holds a place name, and a
// span may cross another's end or a paragraph's. `nest` turns them into a tree that HTML can express: spans are sorted
// outermost first and a span that crosses the end of the one it starts in is cut there into pieces; every piece keeps
// its span's key, so a click on any piece finds the whole span.

/** Code point offsets <-> UTF-16 offsets for one text. */
export class Offsets {
  constructor(text) {
    this.text = text;
    const map = new Uint32Array(text.length + 1);   // at most one code point per unit
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      map[cp++] = i;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    map[cp] = text.length;
    this.map = map;
    this.length = cp;   // the text's length in code points (Python's len)
  }

  /** The UTF-16 index of code point offset `cp` (clamped to the text). */
  unit(cp) {
    const n = Math.max(0, Math.min(this.length, Math.trunc(Number(cp) || 0)));
    return this.map[n];
  }

  /** The text between two code point offsets. */
  slice(start, end) {
    return this.text.slice(this.unit(start), this.unit(end));
  }
}

/**
 * The spans as a tree of pieces. Each span: {start, end (UTF-16), layer (smaller = further out at equal extent), ...}.
 * Returns the root {start: 0, end: length, children: [...]}; a piece is {span, start, end, children, first, last}.
 * Empty and out-of-range spans are dropped.
 */
export function nest(length, spans) {
  const order = (a, b) => a.start - b.start || b.end - a.end || a.span.layer - b.span.layer || a.seq - b.seq;
  let seq = 0;
  const work = [];
  for (const span of spans) {
    const start = Math.max(0, span.start), end = Math.min(length, span.end);
    if (end > start) work.push({span, start, end, seq: seq++});
  }
  work.sort(order);
  const root = {span: null, start: 0, end: length, children: []};
  const stack = [root];
  for (let i = 0; i < work.length; i++) {
    const item = work[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= item.start) stack.pop();
    const parent = stack[stack.length - 1];
    const end = Math.min(item.end, parent.end);
    const piece = {span: item.span, start: item.start, end, children: [], first: !item.rest, last: end === item.end};
    parent.children.push(piece);
    stack.push(piece);
    if (end < item.end) {
      // The rest starts where its parent ends: queue it in order among the spans still to place.
      const rest = {span: item.span, start: end, end: item.end, seq: item.seq, rest: true};
      let j = i + 1;
      while (j < work.length && order(work[j], rest) < 0) j++;
      work.splice(j, 0, rest);
    }
  }
  return root;
}

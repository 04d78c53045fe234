"""What analysts ask of the store: search, documents, actors, timelines, events, quotes, networks and counts.

Every query is one method returning plain JSON-ready dicts and lists, so the library, the CLI and the HTTP API
answer alike. Dates are ISO strings compared as text (``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` sort correctly).
Counting "stories, not reports": with ``distinct=True`` (the default) an event reported by several near-duplicate
documents (one cluster) is counted once.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from marsad.store.search import QueryError, parse_query, snippet
from marsad.text.normalise import fold

PERIODS = {"day": 10, "month": 7, "year": 4}
# A day may be a partial date or an ISO week (2025-W49); a period counts only days of its calendar form.
CALENDAR = {"day": "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*", "month": "[0-9][0-9][0-9][0-9]-[01][0-9]*",
            "year": "[0-9][0-9][0-9][0-9]*"}
MAX_LIMIT = 500


def _limit(limit: int) -> int:
    if limit < 1 or limit > MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    return limit


def _range(column: str, date_from: str | None, date_to: str | None, args: list[Any]) -> str:
    sql = ""
    if date_from:
        sql += f" AND {column} >= ?"
        args.append(date_from)
    if date_to:
        sql += f" AND {column} <= ?"
        args.append(date_to + "\uffff")   # an inclusive end: 2025-12 takes every day of December
    return sql


class Queries:
    db: sqlite3.Connection

    # -- documents and search ----------------------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "stories": one("SELECT count(DISTINCT cluster) FROM documents").fetchone()[0],
            "entities": one("SELECT count(*) FROM entities").fetchone()[0],
            "quotes": one("SELECT count(*) FROM quotes").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
        }

    def search(self, q: str, *, limit: int = 20, offset: int = 0, date_from: str | None = None,
               date_to: str | None = None) -> dict[str, Any]:
        """Documents matching ``q`` (see :mod:`marsad.store.search`), best first, with highlighted snippets."""
        query = parse_query(q)
        args: list[Any] = [query.fts()]
        where = _range("d.published", date_from, date_to, args)
        try:
            total = self.db.execute(f"SELECT count(*) FROM doc_fts JOIN documents d ON d.rowid = doc_fts.rowid"
                                    f" WHERE doc_fts MATCH ?{where}", args).fetchone()[0]
            rows = self.db.execute(
                f"SELECT d.rowid, d.id, d.title, d.published, d.outlet, d.cluster,"
                f" bm25(doc_fts, 4.0, 1.0, 1.0) AS score"
                f" FROM doc_fts JOIN documents d ON d.rowid = doc_fts.rowid WHERE doc_fts MATCH ?{where}"
                f" ORDER BY score LIMIT ? OFFSET ?", [*args, _limit(limit), max(0, offset)]).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"the search could not be run: {exc}") from None
        results = []
        for r in rows:
            text = self._text(r["rowid"])
            snip, ranges, at = snippet(text, query)
            results.append({"id": r["id"], "title": r["title"], "published": r["published"], "outlet": r["outlet"],
                            "snippet": snip, "highlights": ranges, "offset": at,
                            "duplicate": r["cluster"] != r["rowid"], "score": round(-r["score"], 3)})
        return {"query": q, "total": total, "results": results}

    def _text(self, rowid: int) -> str:
        row = self.db.execute("SELECT json_extract(json, '$.text') FROM documents WHERE rowid = ?",
                              (rowid,)).fetchone()
        return str(row[0]) if row else ""

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored marsad.document/1 JSON, with a ``store`` section: sources, near-duplicates, global ids."""
        row = self.db.execute("SELECT rowid, cluster, similarity, outlet, json FROM documents WHERE id = ?",
                              (doc_id,)).fetchone()
        if row is None:
            return None
        doc: dict[str, Any] = json.loads(row["json"])
        gids = dict(self.db.execute("SELECT local, gid FROM doc_entities WHERE doc = ?", (row["rowid"],)).fetchall())
        for e in doc["entities"]:
            e["gid"] = gids.get(e["id"])
        dups = self.db.execute("SELECT id, title, outlet, published FROM documents WHERE cluster = ? AND rowid != ?"
                               " ORDER BY rowid", (row["cluster"], row["rowid"])).fetchall()
        first = self.db.execute("SELECT id FROM documents WHERE rowid = ?", (row["cluster"],)).fetchone()
        doc["store"] = {
            "outlet": row["outlet"],
            "sources": [dict(s) for s in self.db.execute("SELECT key, url, outlet FROM sources WHERE doc = ?",
                                                          (row["rowid"],))],
            "cluster": first[0] if first else doc["id"],
            "similarity": row["similarity"],
            "same_story": [dict(d) for d in dups],
        }
        return doc

    def documents(self, *, limit: int = 50, offset: int = 0, date_from: str | None = None,
                  date_to: str | None = None) -> list[dict[str, Any]]:
        """The newest documents first (by publication date, then by when they were stored)."""
        args: list[Any] = []
        where = _range("published", date_from, date_to, args)
        rows = self.db.execute(
            f"SELECT id, title, published, outlet, n_chars, rowid != cluster AS duplicate,"
            f" (SELECT count(*) FROM events e WHERE e.doc = documents.rowid) AS events,"
            f" (SELECT count(*) FROM quotes q WHERE q.doc = documents.rowid) AS quotes"
            f" FROM documents WHERE 1{where} ORDER BY published DESC, rowid DESC LIMIT ? OFFSET ?",
            [*args, _limit(limit), max(0, offset)]).fetchall()
        return [{**dict(r), "duplicate": bool(r["duplicate"])} for r in rows]

    # -- actors ------------------------------------------------------------------------------------------------------
    def entities(self, q: str | None = None, *, label: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Entities whose name or a surface form seen in the store matches ``q`` (folded; prefix), most-cited first."""
        args: list[Any] = []
        where = ""
        if q:
            norm = fold(q).strip()
            if not norm:
                return []
            like = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where += (" AND (e.gid IN (SELECT gid FROM aliases"
                      " WHERE norm LIKE ? ESCAPE '\\' OR norm LIKE ? ESCAPE '\\')"
                      " OR lower(e.name_en) LIKE ? ESCAPE '\\' OR e.gid = ?)")
            args += [like + "%", "% " + like + "%", "%" + like.lower() + "%", q]
        if label:
            where += " AND e.label = ?"
            args.append(label)
        rows = self.db.execute(
            f"SELECT e.*, (SELECT count(*) FROM doc_entities de WHERE de.gid = e.gid) AS documents"
            f" FROM entities e WHERE 1{where} ORDER BY documents DESC, e.name LIMIT ?", [*args, _limit(limit)])
        return [dict(r) for r in rows]

    def entity(self, gid: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM entities WHERE gid = ?", (gid,)).fetchone()
        if row is None:
            return None
        one = self.db.execute
        out = dict(row)
        out["aliases"] = [r[0] for r in one("SELECT text FROM aliases WHERE gid = ? ORDER BY text", (gid,))]
        out["documents"] = one("SELECT count(*) FROM doc_entities WHERE gid = ?", (gid,)).fetchone()[0]
        out["mentions"] = one("SELECT count(*) FROM mentions WHERE gid = ?", (gid,)).fetchone()[0]
        out["quotes"] = one("SELECT count(*) FROM quotes WHERE speaker = ?", (gid,)).fetchone()[0]
        out["events"] = dict(one("SELECT role, count(*) FROM participants WHERE gid = ? GROUP BY role",
                                 (gid,)).fetchall())
        out["partners"] = [dict(r) for r in one(
            "SELECT p2.gid, e.name, e.name_en, e.name_en_source, e.label, count(*) AS n FROM participants p1"
            " JOIN participants p2 ON p2.doc = p1.doc AND p2.event = p1.event AND p2.gid != p1.gid"
            " JOIN entities e ON e.gid = p2.gid WHERE p1.gid = ? GROUP BY p2.gid ORDER BY n DESC LIMIT 15", (gid,))]
        return out

    def timeline(self, gid: str, *, date_from: str | None = None, date_to: str | None = None,
                 limit: int = 200) -> list[dict[str, Any]]:
        """An actor's events (as actor or recipient) and quotes, by date."""
        items = [{**e, "kind": "event"} for e in self.events(participant=gid, date_from=date_from, date_to=date_to,
                                                           limit=limit, distinct=False)]
        items += [{**q, "kind": "quote"} for q in self.quotes(speaker=gid, date_from=date_from, date_to=date_to,
                                                           limit=limit)]
        items.sort(key=lambda x: (x.get("day") or "", x["doc"], x["id"]))
        return items[:limit]

    # -- events and quotes -------------------------------------------------------------------------------------------
    def _names(self, gids: set[str]) -> dict[str, dict[str, Any]]:
        if not gids:
            return {}
        marks = ",".join("?" * len(gids))
        return {r["gid"]: {"gid": r["gid"], "name": r["name"], "name_en": r["name_en"],
                           "name_en_source": r["name_en_source"], "label": r["label"]}
                for r in self.db.execute("SELECT gid, name, name_en, name_en_source, label FROM entities"
                                         f" WHERE gid IN ({marks})",
                                         list(gids))}

    def events(self, *, event: str | None = None, actor: str | None = None, recipient: str | None = None,
               participant: str | None = None, place: str | None = None, modality: str | None = None,
               date_from: str | None = None, date_to: str | None = None, limit: int = 100, offset: int = 0,
               distinct: bool = True) -> list[dict[str, Any]]:
        """Events filtered by category, participants (global ids), place, modality and date (``day``)."""
        args: list[Any] = []
        where = ""
        if event:
            where += " AND v.event = ?"
            args.append(event.upper())
        if modality:
            where += " AND v.modality = ?"
            args.append(modality)
        if place:
            where += " AND v.place = ?"
            args.append(place)
        for role, gid in (("actor", actor), ("recipient", recipient), (None, participant)):
            if gid:   # a row-value IN: SQLite starts from the participant's index rows, not from every event
                role_sql = " AND p.role = ?" if role else ""
                where += (" AND (v.doc, v.local) IN"
                          f" (SELECT p.doc, p.event FROM participants p WHERE p.gid = ?{role_sql})")
                args += [gid, role] if role else [gid]
        where += _range("v.day", date_from, date_to, args)
        rows = self.db.execute(
            f"SELECT v.*, d.id AS doc_id, d.title, d.published, d.cluster,"
            f" (SELECT group_concat(p.role || ' ' || p.gid, char(10)) FROM participants p"
            f"   WHERE p.doc = v.doc AND p.event = v.local) AS parts"
            f" FROM events v JOIN documents d ON d.rowid = v.doc WHERE 1{where}"
            f" ORDER BY v.day DESC, v.doc DESC, v.sentence LIMIT ? OFFSET ?",
            [*args, _limit(limit) * (4 if distinct else 1), max(0, offset)]).fetchall()
        out: list[dict[str, Any]] = []
        seen: dict[tuple[Any, ...], dict[str, Any]] = {}
        gids: set[str] = set()
        for r in rows:
            parts = [p.split(" ", 1) for p in (r["parts"] or "").split("\n") if p]
            actors = sorted(g for role, g in parts if role == "actor")
            recipients = sorted(g for role, g in parts if role == "recipient")
            key = (r["cluster"], r["event"], r["modality"], tuple(actors), tuple(recipients), r["day"])
            if distinct and key in seen:
                seen[key]["reports"] += 1
                continue
            gids.update(actors, recipients, [r["place"]] if r["place"] else [])
            item = {"doc": r["doc_id"], "id": r["local"], "event": r["event"], "modality": r["modality"],
                    "mode": json.loads(r["mode"]), "context": json.loads(r["context"]), "date": r["date"],
                    "day": r["day"], "duration": r["duration"], "actor": actors, "recipient": recipients,
                    "place": r["place"], "trigger": {"start": r["start"], "end": r["end"], "text": r["trigger"]},
                    "sentence": r["sentence"], "title": r["title"], "published": r["published"], "reports": 1}
            seen[key] = item
            out.append(item)
            if len(out) >= limit:
                break
        names = self._names(gids)
        for item in out:
            item["actor"] = [names.get(g, {"gid": g}) for g in item["actor"]]
            item["recipient"] = [names.get(g, {"gid": g}) for g in item["recipient"]]
            item["place"] = names.get(item["place"], {"gid": item["place"]}) if item["place"] else None
        return out

    def quotes(self, *, speaker: str | None = None, q: str | None = None, date_from: str | None = None,
               date_to: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes by speaker (global id) and/or containing words of ``q`` (folded), newest first."""
        args: list[Any] = []
        where = ""
        if speaker:
            where += " AND qt.speaker = ?"
            args.append(speaker)
        where += _range("qt.date", date_from, date_to, args)
        rows = self.db.execute(
            f"SELECT qt.*, d.id AS doc_id, d.title, d.published FROM quotes qt JOIN documents d ON d.rowid = qt.doc"
            f" WHERE 1{where} ORDER BY qt.date DESC, qt.doc DESC, qt.start", args).fetchall()
        words = fold(q).split() if q else []
        out: list[dict[str, Any]] = []
        for r in rows:
            if words:
                content = fold(r["content"])
                if not all(w in content for w in words):
                    continue
            out.append({"doc": r["doc_id"], "id": r["local"], "kind": r["kind"], "speaker": r["speaker"],
                        "cue": {"start": r["cue_start"], "end": r["cue_end"]},
                        "content": {"start": r["start"], "end": r["end"], "text": r["content"]},
                        "sentence": r["sentence"], "day": r["date"], "title": r["title"],
                        "published": r["published"]})
        out = out[max(0, offset):max(0, offset) + _limit(limit)]
        names = self._names({x["speaker"] for x in out if x["speaker"]})
        for item in out:
            item["speaker"] = names.get(item["speaker"], {"gid": item["speaker"]}) if item["speaker"] else None
        return out

    # -- networks and counts -----------------------------------------------------------------------------------------
    def network(self, *, event: str = "CONSULT", date_from: str | None = None, date_to: str | None = None,
                modality: str | None = "asserted", min_weight: int = 1, limit: int = 200) -> dict[str, Any]:
        """Who met whom (CONSULT, undirected) or who did ``event`` to whom (directed): nodes and weighted edges.

        A weight counts stories (near-duplicate clusters), not reports.
        """
        args: list[Any] = [event.upper()]
        where = ""
        if modality:
            where += " AND v.modality = ?"
            args.append(modality)
        where += _range("v.day", date_from, date_to, args)
        rows = self.db.execute(
            f"SELECT d.cluster, v.doc, v.local, p.role, p.gid FROM events v JOIN documents d ON d.rowid = v.doc"
            f" JOIN participants p ON p.doc = v.doc AND p.event = v.local WHERE v.event = ?{where}", args).fetchall()
        by_event: dict[tuple[int, str], dict[str, list[str]]] = {}
        clusters: dict[tuple[int, str], int] = {}
        for r in rows:
            k = (r["doc"], r["local"])
            by_event.setdefault(k, {"actor": [], "recipient": []})[r["role"]].append(r["gid"])
            clusters[k] = r["cluster"]
        directed = event.upper() != "CONSULT"
        edges: dict[tuple[str, str], set[int]] = {}
        for k, parts in by_event.items():
            pairs = [(a, b) for a in parts["actor"] for b in parts["recipient"] if a != b]
            if not directed:
                actors = sorted(parts["actor"])
                pairs += [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
                pairs = [tuple(sorted(p)) for p in pairs]   # type: ignore[misc]
            for p in pairs:
                edges.setdefault(p, set()).add(clusters[k])
        kept = sorted(((a, b, len(c)) for (a, b), c in edges.items() if len(c) >= min_weight),
                      key=lambda x: (-x[2], x[0], x[1]))[:_limit(limit)]
        degree: dict[str, int] = {}
        for a, b, w in kept:
            degree[a] = degree.get(a, 0) + w
            degree[b] = degree.get(b, 0) + w
        names = self._names(set(degree))
        return {
            "event": event.upper(), "directed": directed,
            "nodes": [{**names.get(g, {"gid": g}), "weight": w}
                      for g, w in sorted(degree.items(), key=lambda x: -x[1])],
            "edges": [{"source": a, "target": b, "weight": w} for a, b, w in kept],
        }

    def counts(self, *, event: str | None = None, actor: str | None = None, by: str = "month",
               date_from: str | None = None, date_to: str | None = None, distinct: bool = True
               ) -> list[dict[str, Any]]:
        """Events per period (day, month or year), optionally of one category and/or one participant."""
        if by not in PERIODS:
            raise QueryError(f"by must be one of {', '.join(PERIODS)}")
        args: list[Any] = []
        where = " AND v.day IS NOT NULL"
        if event:
            where += " AND v.event = ?"
            args.append(event.upper())
        if actor:
            where += (" AND EXISTS (SELECT 1 FROM participants p WHERE p.doc = v.doc AND p.event = v.local"
                      " AND p.gid = ?)")
            args.append(actor)
        where += _range("v.day", date_from, date_to, args)
        unit = ("DISTINCT d.cluster || ' ' || v.event || ' ' || v.modality || ' ' || v.day || ' ' || coalesce((SELECT"
                " group_concat(p.role || p.gid) FROM participants p WHERE p.doc = v.doc AND p.event = v.local), '')"
                if distinct else "*")
        rows = self.db.execute(
            f"SELECT substr(v.day, 1, {PERIODS[by]}) AS period, count({unit}) AS n FROM events v"
            f" JOIN documents d ON d.rowid = v.doc WHERE v.day GLOB ?{where}"
            f" GROUP BY period ORDER BY period", [CALENDAR[by], *args]).fetchall()
        return [{"period": r["period"], "count": r["n"]} for r in rows]

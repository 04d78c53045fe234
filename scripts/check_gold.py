"""Check annotation files (../shared/docs/annotation-guide.md format) against the article texts.

Every quoted string must be an exact substring of the article; every entity key referred to must exist; types,
kinds and modalities must be from the guide's lists. Prints each problem and exits 1 if there is any.

    python scripts/check_gold.py tests/data/dev/gold.jsonl [--articles tests/data/dev/articles]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTITY_TYPES = {"PER", "ORG", "GPE", "LOC", "FAC", "GROUP"}
QUOTE_KINDS = {"direct", "indirect", "mixed"}
MODALITIES = {"asserted", "planned", "negated", "hypothetical", "expected"}
EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def check_record(rec: dict, text: str) -> list[str]:  # type: ignore[type-arg]
    problems: list[str] = []

    def sub(where: str, s: object) -> None:
        if not isinstance(s, str) or not s or s not in text:
            problems.append(f"{where}: {s!r} is not a substring of the article")

    keys = set()
    for e in rec.get("entities", []):
        keys.add(e.get("key"))
        if e.get("type") not in ENTITY_TYPES:
            problems.append(f"entity {e.get('key')}: bad type {e.get('type')!r}")
        if not e.get("aliases"):
            problems.append(f"entity {e.get('key')}: no aliases")
        for a in e.get("aliases", []):
            sub(f"entity {e.get('key')} alias", a)
    for i, q in enumerate(rec.get("quotes", [])):
        if q.get("speaker") not in keys:
            problems.append(f"quote {i}: unknown speaker {q.get('speaker')!r}")
        if q.get("kind") not in QUOTE_KINDS:
            problems.append(f"quote {i}: bad kind {q.get('kind')!r}")
        for f in ("speaker_text", "cue", "content"):
            sub(f"quote {i} {f}", q.get(f))
    for i, v in enumerate(rec.get("events", [])):
        if v.get("type") not in EVENTS:
            problems.append(f"event {i}: bad type {v.get('type')!r}")
        if v.get("modality") not in MODALITIES:
            problems.append(f"event {i}: bad modality {v.get('modality')!r}")
        for k in v.get("actors", []) + v.get("targets", []):
            if k not in keys:
                problems.append(f"event {i}: unknown entity {k!r}")
        for part in str(v.get("trigger", "")).split(" ... "):
            sub(f"event {i} trigger", part)
        sub(f"event {i} sentence", v.get("sentence"))
        if v.get("location"):
            sub(f"event {i} location", v.get("location"))
    return problems


def read_gold(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """The records of a .jsonl annotation file (or of a .json file holding one record)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return [json.loads(raw)]
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--articles", type=Path, default=ROOT / "tests/data/dev/articles")
    args = ap.parse_args()
    bad = 0
    for gold in args.gold:
        for n, rec in enumerate(read_gold(gold), 1):
            path = args.articles / f"{rec['doc']}.txt"
            if not path.is_file():
                print(f"{gold}:{n}: no article {path}")
                bad += 1
                continue
            for p in check_record(rec, path.read_text(encoding="utf-8")):
                print(f"{gold}:{n} ({rec['doc']}): {p}")
                bad += 1
    print(f"{bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""Scoring the system against annotated data (``marsad eval``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class GoldError(ValueError):
    """An annotation file that cannot be read: reported as a clear error, not a traceback."""


def read_gold(gold: Path) -> list[dict[str, Any]]:
    """The annotated documents of ``gold``: one JSON object (a ``.json`` file such as the seed's annotation) or one
    per line (JSON Lines, the development set)."""
    try:
        raw = gold.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read {gold}: {exc}") from exc
    try:
        if gold.suffix == ".json":
            records = [json.loads(raw)]
        else:
            records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise GoldError(f"{gold} is not valid JSON{' Lines' if gold.suffix != '.json' else ''}: {exc}") from exc
    if not all(isinstance(r, dict) and isinstance(r.get("doc"), str) for r in records):
        raise GoldError(f"{gold}: every annotated document needs a \"doc\" name")
    return records

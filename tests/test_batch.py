"""marsad batch: every input in the output or in the errors table, resumable shards, crash isolation, and the same
tables from the local engine and from Spark (local mode)."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marsad.batch import local
from marsad.batch.core import OUTPUT_TABLES, BatchError
from marsad.batch.local import process_shard, run_local
from marsad.cli import main
from marsad.pipeline import InputError
from marsad.readers import Article
from marsad.sources import iter_sources

SENTENCES = [
    "التقى الرئيس الروسي فلاديمير بوتين في موسكو المبعوث الأمريكي ستيف ويتكوف يوم الثلاثاء.",
    "قال وزير الخارجية السعودي إن المملكة تدعم الحوار بين الأطراف اليمنية.",
    "تظاهر آلاف المحتجين في تونس العاصمة للمطالبة بالإفراج عن المعتقلين.",
    "أعلنت وزارة الصحة المصرية تخصيص 5 ملايين دولار لمستشفيات الصعيد.",
]


def _article(i: int) -> str:
    return f"{SENTENCES[i % len(SENTENCES)]} وأضاف المتحدث أن الاجتماع رقم {i} سيعقد في القاهرة."


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A small corpus in every shape, with bad inputs among the good ones."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(_article(0), encoding="utf-8")
    (root / "empty.txt").write_text("   \n", encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": _article(i), "published": "2025-12-03"}, ensure_ascii=False)
             for i in range(1, 6)]
    lines.insert(2, "{not json")
    (root / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with zipfile.ZipFile(root / "c.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps(
            [{"source": "spa", "date_extracted": "2015-07-21 10:00:00", "title": f"خبر {i}", "content": _article(i)}
             for i in range(6, 10)] + [{"content": ""}], ensure_ascii=False))
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [_article(10), _article(11)]}), root / "d.parquet")
    return root


def _read(out: Path, name: str) -> list[dict[str, Any]]:
    return pq.read_table(out / name).to_pylist()


def _plover(out: Path) -> list[str]:
    return [line for f in sorted((out / "plover").iterdir()) if not f.name.startswith((".", "_"))
            for line in f.read_text(encoding="utf-8").splitlines()]


def _tables(out: Path) -> dict[str, pa.Table]:
    return {name: pq.read_table(out / name) for name in OUTPUT_TABLES}


def test_every_input_is_a_document_or_an_error(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_local([corpus], out, workers=0, shard_size=4, progress=False)
    keys = [k for k, _ in iter_sources([corpus])]
    docs, errors = _read(out, "documents"), _read(out, "errors")
    assert [d["source_key"] for d in docs] + [e["source_key"] for e in errors] != []
    assert sorted([d["source_key"] for d in docs] + [e["source_key"] for e in errors]) == sorted(keys)
    assert [d["source_key"] for d in docs] == [k for k in keys if k in {d["source_key"] for d in docs}]  # in order
    bad = {e["source_key"][len(str(corpus)) + 1:]: e for e in errors}
    assert set(bad) == {"empty.txt", "b.jsonl:3", "c.zip!2015-07-21.json#4"}
    assert all(e["stage"] == "read" and e["reason"] for e in errors)
    assert (summary.documents, summary.errors) == (len(docs), len(errors)) == (len(keys) - 3, 3)
    snn = next(d for d in docs if d["source_key"].endswith("c.zip!2015-07-21.json#0"))
    assert (snn["outlet"], snn["published"], snn["title"]) == ("spa", "2015-07-21", "خبر 6")
    tables = _tables(out)
    for name, schema in OUTPUT_TABLES.items():
        assert tables[name].schema.remove_metadata().equals(schema), name
    assert summary.tokens == sum(d["n_tokens"] for d in docs) > 0
    events = tables["events"].num_rows
    assert events > 0 and len(_plover(out)) == events
    assert {json.loads(line)["doc_id"] for line in _plover(out)} <= {d["doc_id"] for d in docs}
    manifest = (out / "_manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(manifest) == 1 + summary.shards == 1 + -(-len(keys) // 4)
    assert json.loads((out / "_batch.json").read_text(encoding="utf-8"))["documents"] == summary.documents


def test_a_failing_or_slow_document_is_an_error_not_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.batch.core as core

    real = core.analyze

    def flaky(text: str, **kw: Any) -> Any:
        if "BOOM" in text:
            raise RuntimeError("a bug")
        if "SLOW" in text:
            time.sleep(5)
        return real(text, **kw)

    monkeypatch.setattr(core, "analyze", flaky)
    items: list[tuple[str, Article | InputError]] = [
        ("k0", Article(_article(0))), ("k1", Article("BOOM " + _article(1), id="x1")),
        ("k2", Article("SLOW " + _article(2))), ("k3", Article(_article(3))),
        ("k4", Article(" \n ")),
    ]
    out = tmp_path / "out"
    summary = run_local(["test-items"], out, workers=0, shard_size=10, timeout=0.5, progress=False, items=items)
    assert [d["source_key"] for d in _read(out, "documents")] == ["k0", "k3"]
    errors = {e["source_key"]: e for e in _read(out, "errors")}
    assert errors["k1"]["stage"] == "analyse" and "RuntimeError: a bug" in errors["k1"]["reason"]
    assert errors["k1"]["doc_id"] == "x1"
    assert errors["k2"]["stage"] == "timeout"
    assert errors["k4"]["stage"] == "analyse" and "empty" in errors["k4"]["reason"]
    assert summary.errors_by_stage == {"analyse": 2, "timeout": 1}


class Interrupted(Exception):
    """Stands for Ctrl-C or a power cut in the middle of a run (pytest keeps KeyboardInterrupt for itself)."""


def test_resume_redoes_only_unfinished_shards(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = tmp_path / "clean"
    run_local([corpus], clean, workers=0, shard_size=3, progress=False)

    out = tmp_path / "out"
    calls: list[int] = []

    def interrupted(out_dir: str, number: int, items: Any, skip: Any) -> dict[str, Any]:
        calls.append(number)
        if number == 2 and calls.count(2) == 1:
            raise Interrupted
        return process_shard(out_dir, number, items, skip)

    monkeypatch.setattr(local, "process_shard", interrupted)
    with pytest.raises(Interrupted):
        run_local([corpus], out, workers=0, shard_size=3, progress=False)
    assert calls == [0, 1, 2]
    # a temporary file left by the interruption is cleared, never read as output
    (out / "documents" / ".part-000002.parquet.tmp").write_bytes(b"half")

    del calls[:2]
    summary = run_local([corpus], out, workers=0, shard_size=3, progress=False)
    assert calls[:2] == [2, 2] and 0 not in calls and 1 not in calls
    assert summary.shards_resumed == 2
    assert not list((out / "documents").glob(".*"))
    for name in OUTPUT_TABLES:
        assert _read(out, name) == _read(clean, name), name
    assert _plover(out) == _plover(clean)

    # the same output directory with other inputs or another shard size is refused, not mixed
    with pytest.raises(BatchError, match="another batch"):
        run_local([corpus], out, workers=0, shard_size=4, progress=False)
    (corpus / "0-first.txt").write_text(_article(20), encoding="utf-8")
    with pytest.raises(BatchError, match="inputs changed"):
        run_local([corpus], out, workers=0, shard_size=3, progress=False)


def crashing_shard(out: str, number: int, items: list[Any], skip: dict[int, str]) -> dict[str, Any]:
    """A worker that dies (as on a segfault) on any document containing «CRASH» it has not been told to skip.
    Runs in spawned worker processes: they import it from this module."""
    for i, (_, item) in enumerate(items):
        if i not in skip and isinstance(item, Article) and "CRASH" in item.text:
            (Path(out) / local.WORK / f"{local.part_name(number)}.pos").write_bytes(b"%12d" % i)
            os._exit(1)
    return process_shard(out, number, items, skip)


def test_worker_processes_and_a_document_that_kills_its_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items: list[tuple[str, Article | InputError]] = [(f"k{i}", Article(_article(i))) for i in range(8)]
    items[5] = ("k5", Article("CRASH " + _article(5)))
    single = tmp_path / "single"
    run_local(["items"], single, workers=0, shard_size=2, progress=False, items=items)

    monkeypatch.setattr(local, "process_shard", crashing_shard)
    out = tmp_path / "out"
    # worker_docs=4: each worker process takes two shards, then a fresh one replaces it
    summary = run_local(["items"], out, workers=2, shard_size=2, progress=False, items=items, worker_docs=4)
    errors = _read(out, "errors")
    assert [(e["source_key"], e["stage"]) for e in errors] == [("k5", "crash")]
    assert summary.errors_by_stage == {"crash": 1} and summary.documents == 7
    assert summary.peak_rss_mb > 0
    # processes or not, the same rows (k5 aside, which only the in-process run could analyse)
    for name in OUTPUT_TABLES:
        if name != "errors":
            expected = [r for r in _read(single, name) if r["source_key"] != "k5"]
            assert _read(out, name) == expected, name


def dying_worker(conn: Any, timeout: Any, limit: Any) -> None:
    """A worker process that cannot start (Marsad fails to import, no memory for the models)."""
    os._exit(3)


def test_workers_that_cannot_start_end_the_batch_with_a_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local, "worker_main", dying_worker)
    items: list[tuple[str, Article | InputError]] = [(f"k{i}", Article(_article(i))) for i in range(4)]
    with pytest.raises(BatchError, match="exit code 3"):
        run_local(["items"], tmp_path / "out", workers=2, shard_size=2, progress=False, items=items)


def test_cli(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(corpus), str(out), "--workers", "0", "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "errors" in err and str(out) in err
    assert main(["batch", str(corpus), str(out), "--workers", "0", "--no-progress", "--shard-size", "2"]) == 2
    assert "another batch" in capsys.readouterr().err


# -- Spark (local mode): few and small, one session for the module -------------------------------------------------
@pytest.fixture(scope="module")
def spark() -> Any:
    pytest.importorskip("pyspark")
    from marsad.batch.spark import spark_session

    session = spark_session("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_and_local_engines_give_identical_tables(corpus: Path, tmp_path: Path, spark: Any) -> None:
    from marsad.batch.spark import run_spark

    local_out, spark_out = tmp_path / "local", tmp_path / "spark"
    local_summary = run_local([corpus], local_out, workers=0, shard_size=4, progress=False)
    spark_summary = run_spark([corpus], spark_out, spark=spark, partitions=3)
    for name in OUTPUT_TABLES:
        a, b = pq.read_table(local_out / name), pq.read_table(spark_out / name)
        assert a.schema.remove_metadata().equals(b.schema.remove_metadata()), name
        assert a.to_pylist() == b.to_pylist(), name   # same rows, same order
    assert _plover(local_out) == _plover(spark_out)
    assert (spark_summary.documents, spark_summary.errors, spark_summary.tokens) == \
        (local_summary.documents, local_summary.errors, local_summary.tokens)
    assert spark_summary.errors_by_stage == local_summary.errors_by_stage
    with pytest.raises(BatchError, match="already holds"):
        run_spark([corpus], spark_out, spark=spark)

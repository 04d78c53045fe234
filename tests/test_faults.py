"""Faults: a full disk, a read-only store, two writers at once. Each ends in a clear error or a correct recovery,
never in a silently damaged store (``kill -9`` mid-ingest is in test_ingest.py)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli import main

CITIES = ["القاهرة", "عمان", "الرياض", "بيروت", "تونس", "الرباط", "الدوحة", "بغداد", "دمشق", "الجزائر"]


def article(n: int) -> str:
    return (f"استقبل رئيس الوزراء في {CITIES[n % len(CITIES)]} وفدا اقتصاديا يوم {n % 28 + 1} مايو، "
            f"وناقش الجانبان فرص الاستثمار في الاجتماع رقم {n} الذي استمر ساعتين.")


def corpus(folder: Path, n: int, first: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + n):
        (folder / f"{i:04}.txt").write_text(article(i), encoding="utf-8")
    return folder


def state(db: Path, immutable: bool = False) -> tuple[int, int, str]:
    con = sqlite3.connect(f"{db.as_uri()}?mode=ro&immutable=1", uri=True) if immutable else sqlite3.connect(db)
    try:
        return (con.execute("SELECT count(*) FROM documents").fetchone()[0],
                con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0],
                con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def ingest_subprocess(folder: Path, db: Path, preamble: str = "",
                      timeout: int = 300) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(preamble) + textwrap.dedent(f"""
        import sys
        from marsad.cli import main
        sys.exit(main(["ingest", {str(folder)!r}, "--db", {str(db)!r}]))
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)


def test_a_full_disk_is_a_clear_error_and_a_rerun_recovers(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert main(["ingest", str(corpus(tmp_path / "first", 5)), "--db", str(db)]) == 0
    used = sum(p.stat().st_size for p in tmp_path.glob("m.db*"))
    more = corpus(tmp_path / "more", 80, first=100)
    # a file-size limit just above what the store holds now: the next writes fail as on a full disk
    limited = ingest_subprocess(more, db, preamble=f"""
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({used + 150_000}, {used + 150_000}))
    """)
    assert limited.returncode == 2, limited.stderr[-2000:]
    assert "full" in limited.stderr or "cannot write" in limited.stderr
    assert "Traceback" not in limited.stderr
    docs, distinct, check = state(db)
    assert check == "ok" and docs == distinct and 5 <= docs < 85
    rerun = ingest_subprocess(more, db)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert state(db) == (85, 85, "ok")


@pytest.fixture()
def readonly_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder that nobody may write: a read-only tmpfs when we are root (root ignores file modes), else chmod."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder
        for p in [folder, *folder.iterdir()]:
            p.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("running as root without permission to mount a read-only tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _make_readonly(folder: Path) -> None:
    if os.geteuid() != 0:
        for p in [*folder.iterdir(), folder]:
            p.chmod(0o555 if p.is_dir() else 0o444)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def test_a_read_only_store_is_refused_clearly_and_left_intact(readonly_folder: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = readonly_folder / "m.db"
    assert main(["ingest", str(corpus(tmp_path / "a", 3)), "--db", str(db)]) == 0
    before = state(db)
    _make_readonly(readonly_folder)
    capsys.readouterr()
    assert main(["ingest", str(corpus(tmp_path / "b", 3, first=50)), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "marsad ingest:" in err and ("read" in err or "cannot" in err)
    assert main(["search", "الاستثمار", "--db", str(db)]) == 0    # still readable
    assert "3 documents match" in capsys.readouterr().out
    assert state(db, immutable=True) == before


def test_two_writers_at_once_store_everything_once(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 30)
    db = tmp_path / "m.db"
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", str(db)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-1000:] for o in outs]
    assert state(db) == (30, 30, "ok")
    con = sqlite3.connect(db)
    # every document has its layers exactly once, whichever writer stored it
    assert con.execute("SELECT count(*) FROM (SELECT doc, local FROM mentions GROUP BY doc, local HAVING count(*) > 1)"
                       ).fetchone()[0] == 0
    con.close()


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_a_damaged_model_file_is_a_clear_error_not_a_crash(tmp_path: Path, damage: str) -> None:
    import shutil

    import marsad.ner.tagger as tagger

    model = tmp_path / "model"
    shutil.copytree(Path(tagger.__file__).parent.parent / tagger.MODEL_DIR, model)
    data = (model / "pass1.npz").read_bytes()
    cut = data[: len(data) // 2]
    flipped = data[:1000] + bytes([data[1000] ^ 0xFF]) + data[1001:]
    data = cut if damage == "truncate" else flipped
    (model / "pass1.npz").write_bytes(data)
    text = tmp_path / "a.txt"
    text.write_text(article(1), encoding="utf-8")
    code = textwrap.dedent(f"""
        import sys
        import marsad.ner.tagger as tagger
        tagger.MODEL_DIR = {str(model)!r}
        from marsad.cli import main
        sys.exit(main(["analyze", {str(text)!r}]))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, (done.returncode, done.stderr[-1000:])   # not -11 (a segmentation fault)
    assert "damaged" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""

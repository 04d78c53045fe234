"""`marsad analyze` end to end: files, stdin, JSON Lines, HTML, errors per input, exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli import main


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, list[dict], str]:  # type: ignore[type-arg]
    proc = subprocess.run([sys.executable, "-m", "marsad.cli", *argv], input=stdin, capture_output=True, timeout=120)
    out = proc.stdout.decode("utf-8")
    docs = [json.loads(line) for line in out.splitlines() if line.strip()] if "--pretty" not in argv else []
    return proc.returncode, docs, proc.stderr.decode("utf-8")


def test_analyze_example_prints_the_seed_document(seed_text: str) -> None:
    code, docs, err = run(["analyze", "--example", "--published", "2025-12-03"])
    assert code == 0, err
    assert len(docs) == 1
    assert docs[0]["text"] == seed_text and docs[0]["published"] == "2025-12-03"
    assert docs[0]["schema"] == "marsad.document/1"
    assert sum(b["kind"] == "heading" for b in docs[0]["blocks"]) == 4


def test_stdin_and_files(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("التقى الرئيس بالوفد.", encoding="utf-8")
    code, docs, _ = run(["analyze", str(f), "-"], stdin="وصل الوفد.".encode())
    assert code == 0
    assert [d["text"] for d in docs] == ["التقى الرئيس بالوفد.", "وصل الوفد."]


def test_bad_inputs_are_reported_and_the_rest_analysed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("خبر سليم.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("قال".encode("cp1256"))
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "binary.txt").write_bytes(b"ab\x00cd")
    jl = tmp_path / "in.jsonl"
    jl.write_text('{"id": "1", "text": "أول."}\n{broken\n\n{"id": "3", "text": "ثالث.", "published": "2025-12-01"}\n'
                  '{"id": 4, "text": 5}\n{"id": 6, "text": "\\ud800 نص"}\n', encoding="utf-8")
    code, docs, err = run(["analyze", str(tmp_path / "latin1.txt"), str(good), str(tmp_path / "empty.txt"),
                           str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt"), "--jsonl", str(jl),
                           "--published", "2025-11-30"])
    assert code == 1
    assert [d["text"] for d in docs] == ["خبر سليم.", "أول.", "ثالث."]
    assert [d["published"] for d in docs] == ["2025-11-30", "2025-11-30", "2025-12-01"]
    assert [d["id"] for d in docs[1:]] == ["1", "3"]
    lines = err.strip().splitlines()
    assert len(lines) == 7
    assert "latin1.txt: not valid UTF-8" in err
    assert "empty.txt: empty document" in err
    assert "binary.txt: binary data" in err
    assert "missing.txt:" in err
    assert f"{jl}:2: broken JSON" in err
    assert f"{jl}:5: " in err
    assert f"{jl}:6: \"text\" holds a lone surrogate" in err


def test_bom_and_utf16_inputs(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "نص بعلامة.".encode())
    (tmp_path / "u16.txt").write_bytes("نص بترميز آخر.".encode("utf-16"))
    code, docs, _ = run(["analyze", str(tmp_path / "bom.txt"), str(tmp_path / "u16.txt")])
    assert code == 0
    assert [d["text"] for d in docs] == ["نص بعلامة.", "نص بترميز آخر."]


def test_html_main_text_and_title(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>بوتين يستقبل ويتكوف</title>
    <script>document.write('سكربت خبيث')</script><style>.x{color:red}</style></head>
    <body><nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav>
    <article><h1>بوتين يستقبل ويتكوف</h1>
    <p>عقد الرئيس الروسي فلاديمير بوتين اجتماعا مطولا مع المبعوث الأمريكي ستيف ويتكوف في الكرملين اليوم.</p>
    <p>وقال مساعد الرئيس الروسي إن المحادثات كانت بناءة ومفيدة للغاية وموضوعية، وإنها استمرت خمس ساعات.</p>
    <script>var tracker = 'تتبع';</script></article><footer>جميع الحقوق محفوظة</footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    code, docs, err = run(["analyze", str(f)])
    assert code == 0, err
    text = docs[0]["text"]
    assert "عقد الرئيس الروسي" in text and "بناءة ومفيدة" in text
    for junk in ("سكربت", "tracker", "تتبع", "color", "الرئيسية", "document.write"):
        assert junk not in text
    assert docs[0]["title"] == "بوتين يستقبل ويتكوف"
    assert docs[0]["blocks"][0]["kind"] == "title"


def test_pretty_output_is_one_indented_document() -> None:
    out = io.StringIO()
    from marsad.cli import build_parser, cmd_analyze

    args = build_parser().parse_args(["analyze", "--example", "--pretty"])
    from marsad.cli import EXAMPLES

    args.inputs = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    assert cmd_analyze(args, out=out) == 0
    assert out.getvalue().startswith('{\n  "schema": "marsad.document/1"')
    json.loads(out.getvalue())


def test_main_returns_exit_status(tmp_path: Path) -> None:
    f = tmp_path / "e.txt"
    f.write_text("", encoding="utf-8")
    assert main(["analyze", str(f)]) == 1


def test_eval_clitics_reports_accuracy(shared: Path) -> None:
    out = io.StringIO()
    from marsad.cli import build_parser, cmd_eval

    args = build_parser().parse_args(["eval", "clitics", "--ant", str(shared / "data/news/ant-v1.1"), "--json"])
    assert cmd_eval(args, out=out) == 0
    report = json.loads(out.getvalue())
    assert report["words"] >= 300
    assert report["correct"] + len(report["errors"]) == report["words"]
    assert set(report["by_sample"]) == {"token", "type"}


@pytest.mark.parametrize("argv", [["--version"], ["analyze", "--help"]])
def test_help_and_version(argv: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "marsad.cli", *argv], capture_output=True, timeout=60)
    assert proc.returncode == 0


def test_eval_reads_a_json_annotation_and_refuses_a_broken_one(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "d-20260101.txt").write_text("قال الرئيس التونسي قيس سعيد إن الحوار مستمر.\n",
                                                          encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"doc": "d-20260101", "entities": [], "quotes": [], "events": []}, indent=2),
                    encoding="utf-8")
    for task in ("entities", "quotes", "events"):
        assert main(["eval", task, "--gold", str(gold)]) == 0
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"doc": "d-20260101"\n', encoding="utf-8")
    assert main(["eval", "events", "--gold", str(broken)]) == 2
    assert "not valid JSON Lines" in capsys.readouterr().err
    missing = tmp_path / "missing.jsonl"
    missing.write_text('{"doc": "nowhere", "entities": [], "quotes": [], "events": []}\n', encoding="utf-8")
    assert main(["eval", "quotes", "--gold", str(missing)]) == 2

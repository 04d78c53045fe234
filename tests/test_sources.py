"""marsad.sources: every input shape read as (stable source key, article or error), nothing lost, nothing raised."""

from __future__ import annotations

import datetime
import json
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marsad.pipeline import InputError
from marsad.readers import Article, article_from_record
from marsad.sources import iter_sources, list_units, read_unit

TEXT = "التقى الرئيس الروسي فلاديمير بوتين في موسكو المبعوث الأمريكي."
HTML = (b"<html><head><title>\xd8\xae\xd8\xa8\xd8\xb1</title></head><body><article><p>"
        + TEXT.encode() * 3 + b"</p></article></body></html>")


def _saudinewsnet_style(n: int) -> list[dict[str, str]]:
    return [{"source": "aawsat", "url": f"http://example.org/{i}", "date_extracted": "2015-07-21 02:51:32",
             "title": f"عنوان {i}", "author": "", "content": f"{TEXT} {i}"} for i in range(n)]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b.html").write_bytes(HTML)
    (root / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (root / "_SUCCESS").write_bytes(b"")
    (root / "sub" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": TEXT, "published": "2025-12-03"}, ensure_ascii=False) + "\n"
        + "{broken\n\n" + json.dumps({"id": 7, "text": TEXT}) + "\n", encoding="utf-8")
    (root / "sub" / "d.json").write_text(json.dumps([*_saudinewsnet_style(2), 5, {"content": "  "}]),
                                         encoding="utf-8")
    (root / "sub" / "e.json").write_text(json.dumps({"id": "e", "text": TEXT}), encoding="utf-8")
    with zipfile.ZipFile(root / "z.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps(_saudinewsnet_style(3)))
        z.writestr("docs/x.txt", TEXT)
        z.writestr("__MACOSX/._x.txt", b"\x00\x01")
        z.writestr("lines.jsonl", json.dumps({"text": TEXT}) + "\n")
    table = pa.table({"id": ["p0", "p1", "p2"], "text": [TEXT, None, TEXT], "title": ["t", None, None],
                      "published": [datetime.date(2015, 7, 21), None, None], "extra": [1, 2, 3]})
    pq.write_table(table, root / "t.parquet", row_group_size=2)
    (root / "broken.zip").write_bytes(b"not a zip at all")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return root


def test_every_shape_with_stable_keys_in_order(corpus: Path) -> None:
    items = list(iter_sources([corpus]))
    keys = [k[len(str(corpus)) + 1:] for k, _ in items]
    assert keys == [
        "a.txt", "b.html", "broken.zip", "image.png",
        "sub/c.jsonl:1", "sub/c.jsonl:2", "sub/c.jsonl:4",
        "sub/d.json#0", "sub/d.json#1", "sub/d.json#2", "sub/d.json#3",
        "sub/e.json",
        "t.parquet#0", "t.parquet#1", "t.parquet#2",
        "z.zip!2015-07-21.json#0", "z.zip!2015-07-21.json#1", "z.zip!2015-07-21.json#2",
        "z.zip!docs/x.txt", "z.zip!lines.jsonl:1",
    ]
    errors = {k[len(str(corpus)) + 1:]: str(v) for k, v in items if isinstance(v, InputError)}
    assert set(errors) == {"broken.zip", "image.png", "sub/c.jsonl:2", "sub/d.json#2", "sub/d.json#3",
                           "t.parquet#1"}
    assert "zip" in errors["broken.zip"]
    assert "broken JSON" in errors["sub/c.jsonl:2"]
    assert "object" in errors["sub/d.json#2"]
    assert "content" in errors["sub/d.json#3"]
    assert list(iter_sources([corpus])) is not items and [k for k, _ in iter_sources([corpus])] == \
        [k for k, _ in items]


def test_fields_are_mapped(corpus: Path) -> None:
    items = dict(iter_sources([corpus]))
    base = str(corpus) + "/"
    html = items[base + "b.html"]
    assert isinstance(html, Article) and TEXT in html.text
    jl = items[base + "sub/c.jsonl:1"]
    assert isinstance(jl, Article) and (jl.id, jl.published) == ("c1", "2025-12-03")
    numeric = items[base + "sub/c.jsonl:4"]
    assert isinstance(numeric, Article) and numeric.id == "7"
    snn = items[base + "z.zip!2015-07-21.json#1"]
    assert isinstance(snn, Article)
    assert (snn.text, snn.title, snn.published, snn.url, snn.meta) == (
        f"{TEXT} 1", "عنوان 1", "2015-07-21", "http://example.org/1", {"outlet": "aawsat"})
    row = items[base + "t.parquet#0"]
    assert isinstance(row, Article) and (row.id, row.title, row.published) == ("p0", "t", "2015-07-21")


def test_units_split_parquet_row_groups_and_zip_members(corpus: Path) -> None:
    units = list(list_units([corpus / "t.parquet", corpus / "z.zip"]))
    assert [(u.row_group, u.first_row) for u in units[:2]] == [(0, 0), (1, 2)]
    assert [u.member for u in units[2:]] == ["2015-07-21.json", "docs/x.txt", "lines.jsonl"]
    # reading units one by one gives exactly the stream
    assert [k for u in units for k, _ in read_unit(u)] == \
        [k for k, _ in iter_sources([corpus / "t.parquet", corpus / "z.zip"])]


def test_missing_path_and_nested_archive(tmp_path: Path) -> None:
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("a.txt", TEXT)
    with zipfile.ZipFile(tmp_path / "outer.zip", "w") as z:
        z.write(inner, "inner.zip")
    items = list(iter_sources([tmp_path / "nope", tmp_path / "outer.zip"]))
    assert [k for k, _ in items] == [str(tmp_path / "nope"), f"{tmp_path / 'outer.zip'}!inner.zip!a.txt"]
    assert isinstance(items[0][1], InputError) and "no such file" in str(items[0][1])
    assert isinstance(items[1][1], Article) and items[1][1].text == TEXT


def test_record_mapping_rules() -> None:
    a = article_from_record({"content": TEXT, "date": "2024-01-02T10:00:00Z", "outlet": " X "})
    assert (a.published, a.meta) == ("2024-01-02", {"outlet": "X"})
    # published wins over date; a published that is no date is passed on for the Document to refuse
    assert article_from_record({"text": TEXT, "published": "2020-05-06", "date": "2024-01-02"}).published == \
        "2020-05-06"
    assert article_from_record({"text": TEXT, "published": "yesterday"}).published == "yesterday"
    assert article_from_record({"text": TEXT, "date_extracted": "unknown"}).published is None
    with pytest.raises(InputError, match="no \"text\""):
        article_from_record({"body": TEXT})

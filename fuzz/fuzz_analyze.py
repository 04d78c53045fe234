"""Coverage-guided fuzzing of Marsad with atheris (libFuzzer for Python): optional, not run in CI.

Each input is split by its first byte into a path (a Python string for ``marsad.analyze``, the bytes of a file for
``readers.read_document``, a JSON Lines record for ``readers.iter_jsonl``, an HTML page) and the rest; the check is
the one of tests/test_hostile.py: an ``InputError`` is a correct refusal, any other exception is a crash, and an
analysed document must pass every invariant (``hostile_inputs.invariant_failures``). atheris reports a crash with
the input that caused it (saved as ``crash-*``).

    pip install atheris          # wheels for CPython 3.8-3.11 on Linux x86-64
    python fuzz/fuzz_analyze.py -max_len=4096 -runs=100000 [corpus_dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports(include=["marsad"]):
    import marsad
    from marsad.pipeline import InputError
    from marsad.readers import iter_jsonl, read_document

import hostile_inputs

PATHS = ("text", "bytes", "jsonl", "html")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path, rest = PATHS[data[0] % len(PATHS)], data[1:]
    try:
        if path == "text":
            text = atheris.FuzzedDataProvider(rest).ConsumeUnicode(len(rest))
            doc = marsad.analyze(text)
        else:
            if path == "jsonl":
                items = list(iter_jsonl([rest]))
                if not items or isinstance(items[0][1], InputError):
                    return
                article = items[0][1]
            else:
                article = read_document(rest, "page.html" if path == "html" else "file.txt")
            text = article.text
            doc = marsad.analyze(text, published=article.published, id=article.id, title=article.title,
                                 url=article.url, meta=article.meta)
    except InputError:
        return
    failures = hostile_inputs.invariant_failures(doc, text, schema=False, encodable=path != "text")
    if failures:
        raise AssertionError("; ".join(failures))


def main() -> None:
    marsad.analyze("قال الرئيس إن الاجتماع عقد أمس.")   # load the tables and models before fuzzing starts
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Near-duplicate detection: MinHash signatures (datasketch) of word shingles, banded for lookup in SQLite.

Two reports of the same wire story, or one article reprinted by three outlets with a new first line, share most of
their word 3-shingles. Each document's signature is split into bands; documents that share a band are candidates, and
a candidate whose estimated Jaccard similarity reaches :data:`THRESHOLD` is a near-duplicate. Counts over the store
then count each story once.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash

from marsad.text.normalise import fold

NUM_PERM = 64
BANDS = 16            # 16 bands of 4 rows: a pair at Jaccard 0.5 is a candidate with probability ~0.65, at 0.8 ~1.0
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7       # estimated Jaccard of 3-shingles from which two documents are one story
SHINGLE = 3
MIN_WORDS = 12        # shorter texts are too short to call near-duplicates
SCHEME = "affine32"   # datasketch's hashing scheme, named so that stored signatures stay comparable across versions
_WORD_RE = re.compile(r"[^\W_]+")


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text``'s folded word shingles (None for texts too short to compare).

    Shingles are hashed with CRC-32: stable across processes and runs (signatures are stored), and ten times faster
    than datasketch's default SHA-1, which buys nothing here."""
    words = _WORD_RE.findall(fold(text))
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32, permutations=_permutations(), scheme=SCHEME)
    m.update_batch(list(shingles))
    return np.asarray(m.hashvalues, dtype=np.uint64)


_PERMUTATIONS: list[object] = []


def _permutations() -> object:
    """The seed's permutations, made once (datasketch would draw them again for every signature)."""
    if not _PERMUTATIONS:
        _PERMUTATIONS.append(MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations)
    return _PERMUTATIONS[0]


def bands(sig: np.ndarray) -> list[tuple[int, bytes]]:
    return [(b, sig[b * ROWS:(b + 1) * ROWS].tobytes()) for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)

"""Range look-ups over mentions and intervals, so that no stage rescans a whole document per trigger, cue or title.

The stages ask questions such as «which names start within four characters after this title» or «does this span
overlap a mention already made» once per candidate; answered by a scan of every mention of the document, the cost of
an article grew with the square of its length (a 0.5 MB text took 20 s/MB, a 5 MB one would have taken hours). Both
structures here answer them by binary search, returning exactly what the scans returned, in the same order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from marsad.document import Mention


class MentionIndex:
    """Mentions sorted by start (stable: mentions that start together keep the order they were given in)."""

    __slots__ = ("items", "longest", "starts")

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.longest = max((m.end - m.start for m in self.items), default=0)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def starting(self, lo: int, hi: int) -> list[Mention]:
        """The mentions with ``lo <= start < hi``, in order."""
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def starting_upto(self, lo: int, hi: int) -> list[Mention]:
        """The mentions with ``lo <= start <= hi``, in order."""
        return self.items[bisect_left(self.starts, lo):bisect_right(self.starts, hi)]

    def last_ending_by(self, offset: int) -> Mention | None:
        """The last mention, in start order, that ends at or before ``offset``."""
        for k in range(bisect_right(self.starts, offset) - 1, -1, -1):
            if self.items[k].end <= offset:
                return self.items[k]
        return None

    def ending(self, lo: int, hi: int) -> list[Mention]:
        """The mentions with ``lo <= end <= hi``, in start order (none starts more than the longest mention's length
        before its end)."""
        return [m for m in self.starting_upto(lo - self.longest, hi) if lo <= m.end <= hi]


class Intervals:
    """Half-open intervals ``[start, end)`` with an overlap test, to which intervals may be added as one goes.

    Overlap with ``[start, end)`` means some interval has ``a < end`` and ``b > start``: among the intervals sorted by
    ``a``, those with ``a < end`` are a prefix, and the test is whether the largest ``b`` in that prefix exceeds
    ``start``. The stages add what they find mostly in text order, so additions go to a second sorted run, at its end
    in constant time; one that comes out of order is inserted in that run, raising the running maxima after it (a
    merge of both runs for each had made a stage quadratic in the length of the article).
    """

    __slots__ = ("_runs",)

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()) -> None:
        self._runs: list[tuple[list[int], list[int]]] = [self._run(sorted(intervals)), ([], [])]

    @staticmethod
    def _run(intervals: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """(starts, running maximum of ends) of intervals sorted by start."""
        starts: list[int] = []
        max_end: list[int] = []
        best: int | None = None
        for a, b in intervals:
            best = b if best is None else max(best, b)   # (not -1 to start: any int may be an end)
            starts.append(a)
            max_end.append(best)
        return starts, max_end

    def add(self, start: int, end: int) -> None:
        starts, max_end = self._runs[1]
        if starts and start < starts[-1]:
            # every prefix that now holds the interval has its maximum raised to ``end`` if below it
            k = bisect_right(starts, start)
            starts.insert(k, start)
            max_end.insert(k, max(end, max_end[k - 1]) if k else end)
            for i in range(k + 1, len(max_end)):
                if max_end[i] >= end:
                    break     # (the maxima after it are at least as large)
                max_end[i] = end
            return
        starts.append(start)
        max_end.append(max(end, max_end[-1]) if max_end else end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any interval ``[a, b)`` has ``a < end`` and ``start < b``."""
        for starts, max_end in self._runs:
            k = bisect_left(starts, end)
            if k and max_end[k - 1] > start:
                return True
        return False

    def covers(self, start: int, end: int) -> bool:
        """Whether some interval ``[a, b)`` contains ``[start, end)``: ``a <= start`` and ``end <= b``."""
        for starts, max_end in self._runs:
            k = bisect_right(starts, start)
            if k and max_end[k - 1] >= end:
                return True
        return False

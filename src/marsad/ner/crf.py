"""Inference for a linear-chain CRF trained by crfsuite, in NumPy.

crfsuite is how the tagger is trained (``scripts/train_ner.py``); what ships is the trained model's weights, exported
to a NumPy archive: the labels, the label-to-label transition weights and, for every attribute the model kept (L1
regularisation keeps about 19,000), its weight for each label. A word's score for each label is the sum of the weights
of its attributes, and the best label sequence is found by Viterbi, as crfsuite does. Two things make this faster than
handing feature dicts to crfsuite, which looks every attribute string up anew for every token: the featurizer sums the
attributes a word contributes once per word string, and the Viterbi pass runs over all the sentences
of a document at once.

An attribute is named as python-crfsuite names dict features: a string value ``{"w": "بوتين"}`` is the attribute
``w:بوتين`` with value 1, a number ``{"bias": 1.0}`` is the attribute ``bias`` with that value.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

#: a Viterbi batch of sentences padded to the longest may hold this many cells (words x sentences), or twice its
#: words: an article's sentences go in one batch, a huge document's in batches of similar length
_BATCH_CELLS = 20_000


def attribute(key: str, value: Any) -> tuple[str, float]:
    """A feature-dict item as crfsuite sees it: (attribute name, value)."""
    if isinstance(value, str):
        return f"{key}:{value}", 1.0
    return key, float(value)


@dataclass
class LinearCRF:
    labels: list[str]
    transitions: np.ndarray          # (L, L): weight of label j right after label i
    index: dict[str, int]            # attribute name -> row of ``weights``
    weights: np.ndarray              # (attributes, L)

    @property
    def n_labels(self) -> int:
        return len(self.labels)

    def score(self, items: Iterable[tuple[str, float]]) -> np.ndarray:
        """The summed label weights of these (attribute, value) items; attributes the model lacks add nothing."""
        out = np.zeros(self.n_labels)
        index, weights = self.index, self.weights
        for name, value in items:
            row = index.get(name)
            if row is not None:
                out += weights[row] * value
        return out

    def dict_scores(self, features: Sequence[dict[str, Any]]) -> np.ndarray:
        """(n, L) label scores of a sentence given as crfsuite feature dicts (the reference the fast path matches)."""
        return np.array([self.score(attribute(k, v) for k, v in f.items()) for f in features]).reshape(
            len(features), self.n_labels)

    def decode(self, emissions: Sequence[np.ndarray]) -> list[list[str]]:
        """The best label sequence of every sentence, given each one's (n, L) label scores."""
        out: list[list[str]] = [[] for _ in emissions]
        order = sorted((i for i, e in enumerate(emissions) if len(e)), key=lambda i: len(emissions[i]))
        k = 0
        while k < len(order):
            # a batch of sentences of similar length: the longest sets its size, so add while padding stays small
            end, total = k + 1, len(emissions[order[k]])
            while end < len(order):
                longest = len(emissions[order[end]])
                if longest * (end + 1 - k) > max(_BATCH_CELLS, 2 * (total + longest)):
                    break
                total += longest
                end += 1
            batch = order[k:end]
            paths = self._viterbi([emissions[i] for i in batch])
            names = np.array(self.labels, dtype=object)
            for s, i in enumerate(batch):
                out[i] = names[paths[:len(emissions[i]), s]].tolist()
            k = end
        return out

    def _viterbi(self, emissions: list[np.ndarray]) -> np.ndarray:
        """(longest, S): the best label indices of each sentence, padded past its end."""
        n_seq, n_lab = len(emissions), self.n_labels
        lengths = np.array([len(e) for e in emissions])
        longest = int(lengths.max())
        em = np.zeros((longest, n_seq, n_lab))
        for s, e in enumerate(emissions):
            em[:len(e), s] = e
        score = em[0].copy()                                   # (S, L)
        back = np.zeros((longest, n_seq, n_lab), dtype=np.intp)
        keep = np.arange(n_lab)
        trans = self.transitions
        for t in range(1, longest):
            cand = score[:, :, None] + trans                   # (S, from, to)
            best = cand.argmax(axis=1)                         # (S, to)
            new = cand.max(axis=1) + em[t]
            live = (t < lengths)[:, None]
            # past its end a sentence carries its score, and its best label points back to itself
            score = np.where(live, new, score)
            back[t] = np.where(live, best, keep)
        paths = np.empty((longest, n_seq), dtype=np.intp)
        y = score.argmax(axis=1)
        paths[-1] = y
        seqs = np.arange(n_seq)
        for t in range(longest - 1, 0, -1):
            y = back[t, seqs, y]
            paths[t - 1] = y
        return paths

    # --- storage ---

    def save(self, path: Path) -> None:
        """Write the weights as a NumPy archive (``np.load`` reads it), byte for byte the same for the same model:
        ``np.savez`` would stamp the time into it."""
        names = "\n".join(sorted(self.index, key=self.index.__getitem__)).encode("utf-8")
        arrays = {"labels": np.frombuffer("\n".join(self.labels).encode("utf-8"), dtype=np.uint8),
                  "transitions": self.transitions, "weights": self.weights,
                  "attributes": np.frombuffer(names, dtype=np.uint8)}
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for name, array in arrays.items():
                buf = io.BytesIO()
                np.lib.format.write_array(buf, np.ascontiguousarray(array), allow_pickle=False)
                z.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buf.getvalue(),
                           compress_type=zipfile.ZIP_DEFLATED)

    @classmethod
    def load(cls, path: Path) -> LinearCRF:
        with np.load(path, allow_pickle=False) as z:
            labels = z["labels"].tobytes().decode("utf-8").split("\n")
            names = z["attributes"].tobytes().decode("utf-8").split("\n")
            transitions = z["transitions"].astype(np.float64)
            weights = z["weights"].astype(np.float64)
        if transitions.shape != (len(labels), len(labels)) or weights.shape != (len(names), len(labels)):
            raise ValueError(f"inconsistent CRF archive {path}: {len(labels)} labels, transitions "
                             f"{transitions.shape}, {len(names)} attributes, weights {weights.shape}")
        return cls(labels, transitions, {n: i for i, n in enumerate(names)}, weights)

    @classmethod
    def from_crfsuite(cls, path: Path) -> LinearCRF:
        """The weights of a model file written by crfsuite (needs python-crfsuite, a training dependency)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
        lab = {name: i for i, name in enumerate(labels)}
        transitions = np.zeros((len(labels), len(labels)))
        for (a, b), w in info.transitions.items():
            transitions[lab[a], lab[b]] = w
        attrs = sorted({a for a, _ in info.state_features})
        index = {a: i for i, a in enumerate(attrs)}
        weights = np.zeros((len(attrs), len(labels)))
        for (a, label), w in info.state_features.items():
            weights[index[a], lab[label]] = w
        tagger.close()
        return cls(labels, transitions, index, weights)

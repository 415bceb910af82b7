"""A trained recommender: one linear-chain CRF (CRFsuite) per label group, packed as bytes.

Labels whose spans overlap in the training data (QUOTE contains DATE) go to different groups,
each tagged with its own BIO tagger, so nested spans are found. The packed form carries a
format number and a SHA-256 of the taggers, checked before any byte reaches CRFsuite: a
damaged model or one written by a newer annotator is refused with one line, never loaded.

    MAGIC (8 bytes) | header length (4 bytes, big endian) | header JSON | tagger bytes...
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass, field

import pycrfsuite

from annotator.core.errors import AnnotatorError
from annotator.core.recommender.features import FEATURES_VERSION, decode, featurize

MAGIC = b"ANNTREC\x00"
FORMAT = 1  # bump when the packed form or the features change incompatibly


class RecommenderError(AnnotatorError):
    """A model cannot be trained, stored or loaded."""


@dataclass
class Prediction:
    start: int
    end: int
    label: str
    confidence: float


@dataclass
class Model:
    groups: list[list[str]]  # labels per tagger
    taggers: list[bytes]  # CRFsuite model files, one per group
    meta: dict = field(default_factory=dict)  # version, scores, training summary
    _open: list | None = field(default=None, repr=False, compare=False)

    @property
    def labels(self) -> list[str]:
        return sorted(l for g in self.groups for l in g)

    # ----- bytes --------------------------------------------------------------------------------
    def pack(self) -> bytes:
        payload = b"".join(self.taggers)
        header = {"format": FORMAT, "features": FEATURES_VERSION, "groups": self.groups,
                  "sizes": [len(t) for t in self.taggers], "sha256": hashlib.sha256(payload).hexdigest(),
                  "meta": self.meta}
        head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return MAGIC + struct.pack(">I", len(head)) + head + payload

    @classmethod
    def unpack(cls, data: bytes, where: str = "model") -> "Model":
        if not isinstance(data, (bytes, bytearray, memoryview)) or bytes(data[:8]) != MAGIC or len(data) < 12:
            raise RecommenderError(f"{where}: not a recommender model (damaged); retrain with 'annotator train'")
        data = bytes(data)
        (n,) = struct.unpack(">I", data[8:12])
        damaged = f"{where}: damaged (unreadable header); retrain with 'annotator train'"
        try:
            header = json.loads(data[12:12 + n].decode("utf-8"))
            fmt, features = header["format"], header.get("features", 0)
        except (ValueError, KeyError, TypeError):
            raise RecommenderError(damaged) from None
        if not isinstance(fmt, int) or not isinstance(features, int):
            raise RecommenderError(damaged)
        if fmt > FORMAT or features > FEATURES_VERSION:
            raise RecommenderError(f"{where}: made by a newer annotator (model format {fmt}, this version reads up to "
                                   f"{FORMAT}); upgrade, or retrain with 'annotator train'")
        payload = data[12 + n:]
        sizes, groups = header.get("sizes"), header.get("groups")
        if (not isinstance(sizes, list) or not all(isinstance(x, int) and x > 0 for x in sizes)
                or not isinstance(groups, list) or len(groups) != len(sizes)
                or hashlib.sha256(payload).hexdigest() != header.get("sha256") or sum(sizes) != len(payload)):
            raise RecommenderError(f"{where}: damaged (checksum mismatch); retrain with 'annotator train'")
        taggers, pos = [], 0
        for size in sizes:
            taggers.append(payload[pos:pos + size])
            pos += size
        return cls(header["groups"], taggers, header.get("meta") or {})

    # ----- tagging ------------------------------------------------------------------------------
    def _taggers(self) -> list[pycrfsuite.Tagger]:
        if self._open is None:
            opened = []
            for data in self.taggers:
                t = pycrfsuite.Tagger()
                try:
                    t.open_inmemory(data)
                except (ValueError, OSError) as exc:
                    raise RecommenderError(f"model: damaged tagger ({exc}); retrain with 'annotator train'") from None
                opened.append(t)
            self._open = opened
        return self._open

    def name(self) -> str:
        v = self.meta.get("version")
        return f"recommender v{v}" if v else "recommender"

    def predict(self, text: str, labels: set[str] | None = None, rule_spans: list[dict] | None = None
                ) -> list[Prediction]:
        """Spans the model finds in text; confidence is the lowest marginal of a span's units."""
        bounds, feats = featurize(text, rule_spans=rule_spans)
        return self.predict_units(bounds, feats, labels)

    def predict_units(self, bounds, feats, labels: set[str] | None = None) -> list[Prediction]:
        out: list[Prediction] = []
        if not bounds:
            return out
        for group, tagger in zip(self.groups, self._taggers()):
            if labels is not None and not labels.intersection(group):
                continue
            tagger.set(feats)
            tags = tagger.tag()
            for s, e, label, i, j in decode(bounds, tags):
                if labels is not None and label not in labels:
                    continue
                conf = min(tagger.marginal(tags[k], k) for k in range(i, j))
                out.append(Prediction(s, e, label, round(conf, 4)))
        out.sort(key=lambda p: (p.start, -p.end, p.label))
        return out

    def uncertainty(self, text: str) -> tuple[float, float]:
        """(mean, sum) over units of 1 - the marginal of the best tag, worst group per unit.
        The mean ranks documents by how unsure the model is; the sum by how many corrections
        labelling it is expected to bring (its expected gain)."""
        bounds, feats = featurize(text)
        if not bounds:
            return 0.0, 0.0
        worst = [0.0] * len(bounds)
        for tagger in self._taggers():
            tagger.set(feats)
            tags = tagger.tag()
            for k, t in enumerate(tags):
                u = 1.0 - tagger.marginal(t, k)
                if u > worst[k]:
                    worst[k] = u
        total = sum(worst)
        return total / len(worst), total

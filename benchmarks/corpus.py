"""Synthetic corpora for benchmarks, generated at run time.

Words come from the seed articles in ../shared when they are there (read, never copied
into the repository), otherwise from a small word list of our own. Each document gets
~1,500 characters in paragraphs and ~10 spans with valid offsets.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Iterator

import orjson

SHARED_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"

_OWN_WORDS = (
    "قال أكد أضاف الوزير المتحدث الرسمي باسم الحكومة إن الاجتماع عقد في العاصمة يوم الاثنين "
    "الماضي بحضور ممثلين عن الأمم المتحدة وأن المفاوضات ستستمر خلال الأسبوع المقبل مشيرا إلى "
    "اتفاق مبدئي على تمويل مشروع جديد للطاقة الشمسية بقيمة 250 مليون دولار في شهر مارس "
    "كانون الثاني يناير ٢٠٢٣ شركة Siemens نظام GPS المرحلة الأولى من الخطة"
).split()


def load_words() -> list[str]:
    words: list[str] = []
    if SHARED_SEEDS.is_dir():
        for f in sorted(SHARED_SEEDS.glob("*.txt")):
            words += re.findall(r"\S+", f.read_text(encoding="utf-8"))
    return words or list(_OWN_WORDS)


LABELS = ("QUOTE", "SOURCE", "CUE", "DATE")


def make_record(rng: random.Random, words: list[str], i: int, chars: int = 1500, spans: int = 10) -> dict:
    paras = []
    length = 0
    while length < chars:
        n = rng.randint(30, 60)
        start = rng.randrange(0, max(1, len(words) - n))
        p = " ".join(words[start : start + n])
        paras.append(p)
        length += len(p) + 1
    text = f"{i}\n" + "\n".join(paras)
    # Word boundaries for span edges.
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    out_spans = []
    for k in range(spans):
        a = rng.randrange(len(bounds))
        b = min(len(bounds) - 1, a + rng.randint(0, 6))
        s, e = bounds[a][0], bounds[b][1]
        label = LABELS[k % len(LABELS)]
        attrs = {"type": "direct"} if label == "QUOTE" else {}
        out_spans.append({"id": k + 1, "start": s, "end": e, "label": label, "text": text[s:e],
                          "annotator": "bench", "status": "accepted", "attrs": attrs})
    rels = []
    quotes = [s for s in out_spans if s["label"] == "QUOTE"]
    sources = [s for s in out_spans if s["label"] == "SOURCE"]
    for q, s in zip(quotes, sources):
        rels.append({"id": len(rels) + 1, "label": "source", "from": q["id"], "to": s["id"], "annotator": "bench"})
    return {"id": f"doc{i:06d}", "text": text, "meta": {"dct": "2021-12-09"}, "status": {"bench": "done"},
            "spans": out_spans, "relations": rels}


def records(n: int, seed: int = 1, chars: int = 1500, spans: int = 10) -> Iterator[dict]:
    rng = random.Random(seed)
    words = load_words()
    for i in range(n):
        yield make_record(rng, words, i, chars, spans)


def write_jsonl(path: Path, n: int, seed: int = 1, chars: int = 1500, spans: int = 10) -> Path:
    with open(path, "wb") as fh:
        for rec in records(n, seed, chars, spans):
            fh.write(orjson.dumps(rec) + b"\n")
    return path

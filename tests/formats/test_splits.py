"""--split: deterministic for a seed, by document, near-duplicates always in one split."""

from __future__ import annotations

import json
import random

import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.core.splits import assign, normalize, paragraph_keys, parse_spec

WORDS = ("الحكومة أعلنت اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية وقال وزير الزراعة إن "
         "المشروع سيبدأ الشهر المقبل بتمويل من البنك الدولي وأضاف أن النتائج الأولى ستظهر خلال عام").split()


def paragraph(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + f" {rng.randrange(10 ** 6)}."


def corpus(n: int = 60, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        paras = [paragraph(rng) for _ in range(rng.randint(2, 5))]
        docs.append({"id": f"d{i}", "text": "\n".join(paras)})
    base = docs[0]["text"].split("\n")
    # Near-duplicates of d0: harakat and tatweel added, a paragraph appended, the same
    # paragraphs in another order, and a short excerpt that is one paragraph of it.
    docs.append({"id": "dup-harakat", "text": "\n".join(p.replace("ال", "الـ", 1) + "َ" for p in base)})
    docs.append({"id": "dup-longer", "text": "\n".join(base + [paragraph(rng)])})
    docs.append({"id": "dup-reordered", "text": "\n\n".join(reversed(base))})
    docs.append({"id": "dup-excerpt", "text": base[1]})
    return docs


def test_parse_spec():
    assert parse_spec("train=0.8,dev=0.1,test=0.1") == [("train", 0.8), ("dev", 0.1), ("test", 0.1)]
    for bad in ("train=0.8,dev=0.1", "train=0.8;dev=0.2", "train=x,dev=1", "a=0.5,a=0.5", "t r=1"):
        with pytest.raises(AnnotatorError):
            parse_spec(bad)


def test_normalize_folds_harakat_tatweel_digits_and_punctuation():
    assert normalize("قالَ الـوزير: «٢٠٢١»") == normalize("قال الوزير 2021")


def _docs(recs):
    from annotator.core.splits import _h

    return [(r["id"], paragraph_keys(r["text"]), _h(normalize(r["text"]))) for r in recs]


def test_near_duplicates_share_a_split_for_every_seed():
    docs = _docs(corpus())
    parts = parse_spec("train=0.8,dev=0.1,test=0.1")
    seen = set()
    for seed in range(25):
        got = assign(docs, parts, seed)
        group = {got[k] for k in ("d0", "dup-harakat", "dup-longer", "dup-reordered", "dup-excerpt")}
        assert len(group) == 1
        seen.add(got["d0"])
    assert len(seen) > 1  # the seed does move groups between splits


def test_deterministic_and_proportional():
    docs = _docs(corpus(200, seed=7))
    parts = parse_spec("train=0.8,dev=0.1,test=0.1")
    a, b = assign(docs, parts, 3), assign(list(reversed(docs)), parts, 3)
    assert a == b  # same seed, same split, whatever the order documents come in
    assert a != assign(docs, parts, 4)
    counts = [sum(1 for v in a.values() if v == k) for k in range(3)]
    assert sum(counts) == len(docs)
    assert abs(counts[0] - 0.8 * len(docs)) <= 6 and abs(counts[1] - 0.1 * len(docs)) <= 6


@pytest.mark.parametrize("fmt,out", [("native", "s.jsonl"), ("prodigy", "s.jsonl"), ("label-studio", "s.json"),
                                     ("brat", "s"), ("hf-bio", "s.jsonl"), ("doccano", "s.jsonl")])
def test_cli_split_writes_one_file_per_split(tmp_path, fmt, out, capsys):
    src = tmp_path / "src.jsonl"
    recs = corpus(40)
    with open(src, "w", encoding="utf-8") as fh:
        for r in recs:
            r = dict(r, spans=[{"start": 0, "end": len(r["text"].split(" ")[0]), "label": "SOURCE", "annotator": "gold"}])
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with Project.create(tmp_path / "p.annot") as project:
        import_paths(project, [src], "native")
    args = ["export", str(tmp_path / "p.annot"), "-o", str(tmp_path / out), "--format", fmt,
            "--split", "train=0.8,dev=0.1,test=0.1", "--seed", "5"]
    assert main(args) == 0
    summary = capsys.readouterr().out
    assert "train:" in summary
    ids: dict[str, set] = {}
    for name in ("train", "dev", "test"):
        if fmt == "brat":
            index = tmp_path / out / name / "documents.jsonl"
            ids[name] = {json.loads(l)["id"] for l in index.read_text(encoding="utf-8").splitlines()}
        else:
            path = tmp_path / out.replace(".", f".{name}.")
            if fmt == "label-studio":
                rows = json.loads(path.read_text(encoding="utf-8"))
                ids[name] = {r["data"]["doc_id"] for r in rows}
            else:
                rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]
                ids[name] = {r["meta"]["id"] if fmt == "prodigy" else r["id"] for r in rows}
    assert set().union(*ids.values()) == {r["id"] for r in recs}
    assert sum(len(v) for v in ids.values()) == len(recs)
    dups = {"d0", "dup-harakat", "dup-longer", "dup-reordered", "dup-excerpt"}
    assert sum(1 for v in ids.values() if v & dups) == 1
    # Same seed again: byte-identical files.
    first = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".json", ".ann")}
    assert main(args) == 0
    again = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".json", ".ann")}
    assert first == again

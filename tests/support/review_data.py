"""Shared data for the merge, agreement and review tests: Arabic text written for these tests,
projects built through the real importer, random multi-annotator layers, annotators' copies
merged into a review project, and the gold layer exported as a user would."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys

from annotator.core.importer import import_records
from annotator.core.merge import merge_projects
from annotator.core.model import GOLD
from annotator.core.native import parse_record
from annotator.core.project import Project

SENTENCES = [
    "قال المتحدث باسم البلدية إن أعمال الصيانة ستنتهي قبل نهاية الشهر المقبل.",
    "وأكدت مديرة المدرسة أن الامتحانات ستبدأ في الخامس عشر من حزيران.",
    "وأضاف رئيس النادي: «لن نبيع أي لاعب هذا الموسم».",
    "وبحسب تقرير صادر عن وزارة الزراعة، تراجع إنتاج القمح بنسبة عشرة في المئة عام 2020.",
    "وذكر شهود عيان أن الأمطار الغزيرة أغلقت الطريق الساحلي مساء أمس.",
    "ونفى مصدر في الشركة الأنباء عن إغلاق المصنع في 3 آذار/ مارس.",
    "وأوضحت الطبيبة أن العيادة الجديدة تستقبل المرضى منذ مطلع العام.",
    "وأشار الباحث إلى أن عدد الزوار ارتفع خلال الصيف الماضي.",
]

LABELS = ("QUOTE", "SOURCE", "CUE", "DATE")


def make_text(rng: random.Random, sentences: int = 3) -> str:
    return "\n".join(" ".join(rng.sample(SENTENCES, 2)) for _ in range(sentences))


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def span_of(text: str, piece: str) -> tuple[int, int]:
    i = text.index(piece)
    return i, i + len(piece)


def build(path, docs: list[dict], annotators: dict[str, str] | None = None) -> Project:
    """A project from native records; annotators {name: created stamp} fixes who is who."""
    p = Project.create(path)
    if annotators:
        with p.transaction():
            for name, stamp in annotators.items():
                p.conn.execute("INSERT INTO annotators(name, kind, created) VALUES (?, 'human', ?)", (name, stamp))
    recs = [(f"{path}:{i + 1}", parse_record(d, f"rec {i + 1}", p.scheme, "import"), 0) for i, d in enumerate(docs)]
    import_records(p, recs)
    return p


def record(doc_id: str, text: str, layers: dict[str, list], done=(), relations: dict[str, list] | None = None,
           meta: dict | None = None) -> dict:
    """layers {annotator: [(start, end, label, attrs?)...]}; relations {annotator: [(label, i, j)]} by index."""
    spans, rels = [], []
    ids = {}
    for ann, items in layers.items():
        for k, item in enumerate(items):
            s, e, label = item[:3]
            attrs = item[3] if len(item) > 3 else {}
            sid = f"{ann}-{k}"
            ids[(ann, k)] = sid
            spans.append({"id": sid, "start": s, "end": e, "label": label, "annotator": ann, "attrs": attrs})
    for ann, items in (relations or {}).items():
        for label, i, j in items:
            rels.append({"label": label, "from": ids[(ann, i)], "to": ids[(ann, j)], "annotator": ann})
    return {"id": doc_id, "text": text, "meta": meta or {}, "status": {a: "done" for a in done},
            "spans": spans, "relations": rels}


def random_layers(rng: random.Random, text: str, annotators: list[str], n: int = 5) -> dict[str, list]:
    """A reference set of spans, each annotator's copy perturbed: kept, edge moved, relabelled, dropped, added."""
    w = words(text)
    ref = []
    for _ in range(n):
        a = rng.randrange(len(w))
        b = min(len(w) - 1, a + rng.randint(0, 3))
        ref.append((w[a][0], w[b][1], rng.choice(LABELS), a, b))
    out = {}
    for ann in annotators:
        mine = []
        for s, e, label, a, b in ref:
            r = rng.random()
            if r < 0.55:
                mine.append((s, e, label))
            elif r < 0.7:
                b2 = min(len(w) - 1, b + 1)
                mine.append((s, w[b2][1], label))
            elif r < 0.8:
                mine.append((s, e, rng.choice(LABELS)))
            elif r < 0.9:
                continue
            else:
                mine.append((s, e, label))
                a2 = rng.randrange(len(w))
                mine.append((w[a2][0], w[a2][1], rng.choice(LABELS)))
        out[ann] = mine
    return out


def annotate(path, name, doc_id, spans, relations=(), done=True):
    """What an annotator does in their own copy, through the Project API: spans (piece, label,
    attrs), links (label, i, j) by index, and (unless done=False) the document marked done."""
    with Project.open(path) as p:
        doc = p.document(doc_id)
        made = [p.add_span(doc.num, *span_of(doc.text, piece), label, name, attrs=attrs).result
                for piece, label, attrs in spans]
        for rel, i, j in relations:
            p.add_relation(rel, made[i].id, made[j].id, name)
        if done:
            p.set_doc_status(doc.num, name, "done")
        return made


# ----- three annotators' layers over one sentence (review core and review window) -----------------
TEXT = "قال وزير النقل إن القطار السريع سيعمل اعتبارا من آذار المقبل بين المدينتين."
OTHER = "وأوضحت مصادر مطلعة أن المشروع تأخر عامين."


def S(piece, label, attrs=None, text=TEXT):
    return (*span_of(text, piece), label, attrs or {})


CUE = S("قال", "CUE")
SOURCE = S("وزير النقل", "SOURCE", {"kind": "person"})
QUOTE_LONG = S("القطار السريع سيعمل اعتبارا من آذار المقبل بين المدينتين", "QUOTE", {"type": "indirect"})
QUOTE_SHORT = S("القطار السريع سيعمل اعتبارا من آذار المقبل", "QUOTE", {"type": "indirect"})
DATE_A = S("آذار المقبل", "DATE", {"value": "2022-03"})
DATE_B = S("آذار المقبل", "DATE", {"value": "2021-03"})


# ----- two annotators who disagree on attributes and links (review conflicts) --------------------
# Written for these tests.
T1 = "قال المتحدث باسم الوزارة إن العقد الموقع عام 2020 يمتد لمدة عامين."
T2 = "وأكدت الشركة في بيان أن المصنع سيغلق لمدة أربعة وعشرين شهرا."
QUOTE2 = "المصنع سيغلق لمدة أربعة وعشرين شهرا"


def team(tmp_path, work: dict[str, list[tuple]]) -> Project:
    """The lead's base file, one copy per annotator, their work, merged into review.annot.
    work {name: [(doc id, spans, relations)]}."""
    base = tmp_path / "base.annot"
    build(base, [record("t1", T1, {}), record("t2", T2, {})]).close()
    copies = []
    for name, docs in work.items():
        dst = tmp_path / f"{name}.annot"
        shutil.copy(base, dst)
        for doc_id, spans, rels in docs:
            annotate(dst, name, doc_id, spans, rels)
        copies.append(str(dst))
    shutil.copy(base, tmp_path / "review.annot")
    review = Project.open(tmp_path / "review.annot")
    merge_projects(review, copies)
    return review


def export_gold(project, out) -> tuple[list[dict], str]:
    res = subprocess.run([sys.executable, "-m", "annotator", "export", str(project.path), "-o", str(out),
                          "--layer", "gold"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], res.stderr


def gold_spans(recs, doc_id):
    [rec] = [r for r in recs if r["id"] == doc_id]
    assert {s["annotator"] for s in rec["spans"]} <= {GOLD}
    return sorted((s["text"], s["label"], s["attrs"]) for s in rec["spans"])


# Every attribute of the scheme, each with two values the annotators chose differently.
CONFLICTS = [
    ("عام 2020", "DATE", {"value": "2020"}, {"value": "2021"}),
    ("لمدة عامين", "DATE", {"type": "DURATION", "value": "P24M"}, {"type": "DURATION", "value": "P2Y"}),
    ("العقد الموقع عام 2020 يمتد لمدة عامين", "QUOTE", {"type": "indirect"}, {"type": "direct"}),
    ("المتحدث باسم الوزارة", "SOURCE", {"kind": "person"}, {"kind": "organization"}),
]

"""Sample project for the format tests (Arabic written for these tests).

Text features covered: emoji (astral, skin tone, ZWJ family), harakat, shadda, lam-alef,
Arabic-Indic and Latin digits, Latin words inside Arabic, clitics (وقالَ with a CUE on قالَ),
guillemets, a span across a line break, nested and overlapping spans, relations,
attributes (choice and free text), several annotators, suggestions and document states.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.importer import import_paths
from annotator.core.native import ExportFilter
from annotator.core.store.records import iter_records
from annotator.core.project import Project

T1 = ("وقالَ الوزيرُ أحمد في ٢٠٢١/٣/١٥: «لا نريد حرباً 😀 ولا سلاماً هشّاً». 👍🏽 نظام iOS 17 في ٢٠٢١ "
      "كان أسرع.\nوأضاف المتحدث باسم الشركة إن الإطلاق سيكون في مطلع 2022.")
T2 = ("👨‍👩‍👧 أكّد مدير المدرسة أن «الدراسة\nستبدأ يوم الأحد» بحسب بيان نُشر أمس.\n\n"
      "وتابع:  \"لن نتأخر\" 😀😀")
T3 = "نص بلا تعليقات، فيه رقم ١٬٥٠٠ و3.5 وعلامة؟ نعم!"
T4 = "🇸🇦 قال المتحدث: «سنعلن النتائج في ١٠ يناير»."


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def span(sid, text, sub, label, annotator, nth=0, attrs=None, status="accepted"):
    s, e = at(text, sub, nth)
    return {"id": sid, "start": s, "end": e, "label": label, "text": text[s:e], "annotator": annotator,
            "status": status, "attrs": attrs or {}}


def records() -> list[dict]:
    q1 = "«لا نريد حرباً 😀 ولا سلاماً هشّاً»"
    q2 = "الإطلاق سيكون في مطلع 2022"
    alice1 = [
        span(1, T1, "قالَ", "CUE", "alice"),
        span(2, T1, "الوزيرُ أحمد", "SOURCE", "alice", attrs={"kind": "person"}),
        span(3, T1, "٢٠٢١/٣/١٥", "DATE", "alice", attrs={"type": "DATE", "value": "2021-03-15"}),
        span(4, T1, q1, "QUOTE", "alice", attrs={"type": "direct"}),
        span(5, T1, "ولا سلاماً هشّاً", "QUOTE", "alice", attrs={"type": "direct"}),  # nested in 4
        span(6, T1, "أضاف", "CUE", "alice"),
        span(7, T1, "المتحدث باسم الشركة", "SOURCE", "alice", attrs={"kind": "organization"}),
        span(8, T1, q2, "QUOTE", "alice", attrs={"type": "indirect"}),
        span(9, T1, "مطلع 2022", "DATE", "alice", attrs={"type": "DATE", "value": "2022", "mod": "START"}),
        span(10, T1, "٢٠٢١", "DATE", "alice", nth=1, attrs={"value": "2021"}),
        span(11, T1, "😀", "SOURCE", "alice"),  # a span that is only an emoji
    ]
    bob1 = [
        span(21, T1, "قالَ", "CUE", "bob"),
        span(22, T1, "الوزيرُ", "SOURCE", "bob"),  # harakah at the span end
        span(23, T1, q1, "QUOTE", "bob"),
        span(24, T1, "iOS 17", "SOURCE", "bob"),  # Latin and digits inside Arabic
    ]
    sugg1 = [span(31, T1, "مطلع 2022", "DATE", "suggest", status="suggested", attrs={"value": "2022"})]
    gold1 = [span(41, T1, "قالَ", "CUE", "gold"), span(42, T1, q1, "QUOTE", "gold", attrs={"type": "direct"}),
             span(43, T1, "الوزيرُ أحمد", "SOURCE", "gold")]
    d1 = {"id": "doc-1", "text": T1, "meta": {"title": "خبر أول", "dct": "2021-03-16"},
          "status": {"alice": "done", "bob": "in_progress", "gold": "done"},
          "spans": alice1 + bob1 + sugg1 + gold1,
          "relations": [
              {"id": 1, "label": "source", "from": 4, "to": 2, "annotator": "alice", "status": "accepted"},
              {"id": 2, "label": "cue", "from": 4, "to": 1, "annotator": "alice", "status": "accepted"},
              {"id": 3, "label": "source", "from": 8, "to": 7, "annotator": "alice", "status": "accepted"},
              {"id": 4, "label": "cue", "from": 8, "to": 6, "annotator": "alice", "status": "accepted"},
              {"id": 5, "label": "source", "from": 23, "to": 22, "annotator": "bob", "status": "accepted"},
              {"id": 6, "label": "source", "from": 42, "to": 43, "annotator": "gold", "status": "accepted"},
              {"id": 7, "label": "cue", "from": 42, "to": 41, "annotator": "gold", "status": "accepted"},
          ]}
    qa = "«الدراسة\nستبدأ يوم الأحد»"
    alice2 = [
        span(51, T2, "أكّد", "CUE", "alice"),
        span(52, T2, "مدير المدرسة", "SOURCE", "alice"),
        span(53, T2, qa, "QUOTE", "alice", attrs={"type": "direct"}),  # crosses a line break
        span(54, T2, "يوم الأحد", "DATE", "alice", attrs={"value": "XXXX-WXX-7"}),
        span(55, T2, "أمس", "DATE", "alice", attrs={"value": "2021-03-15"}),
        span(56, T2, "بحسب", "CUE", "alice"),
        span(57, T2, "\"لن نتأخر\"", "QUOTE", "alice"),
        span(58, T2, "👨‍👩‍👧", "SOURCE", "alice", attrs={"kind": "group"}),
        span(59, T2, "بيان", "SOURCE", "alice", attrs={"kind": "document"}),
    ]
    d2 = {"id": "doc/2: نص", "text": T2, "meta": {"dct": "2021-03-16"}, "status": {"alice": "done"},
          "spans": alice2,
          "relations": [{"id": 11, "label": "source", "from": 53, "to": 52, "annotator": "alice", "status": "accepted"},
                        {"id": 12, "label": "cue", "from": 53, "to": 51, "annotator": "alice", "status": "accepted"}]}
    d3 = {"id": "doc-3", "text": T3, "meta": {}, "status": {}, "spans": [], "relations": []}
    d4 = {"id": "doc-4", "text": T4, "meta": {}, "status": {"gold": "done"},
          "spans": [span(71, T4, "قال", "CUE", "gold"), span(72, T4, "المتحدث", "SOURCE", "gold"),
                    span(73, T4, "«سنعلن النتائج في ١٠ يناير»", "QUOTE", "gold"),
                    span(74, T4, "١٠ يناير", "DATE", "gold", attrs={"value": "XXXX-01-10"})],
          "relations": [{"id": 21, "label": "source", "from": 73, "to": 72, "annotator": "gold", "status": "accepted"}]}
    return [d1, d2, d3, d4]


def make_project(tmp_path: Path, name: str = "p.annot") -> Project:
    src = tmp_path / f"{name}.src.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in records():
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    project = Project.create(tmp_path / name)
    import_paths(project, [src], "native")
    return project


def canonical(project, flt: ExportFilter | None = None, carry: set[str] = frozenset({"attrs", "status"})):
    """What a round trip must keep: per document, its spans and relations by content."""
    out = {}
    for rec in iter_records(project, flt):
        spans = {}
        for s in rec["spans"]:
            key = (s["annotator"], s["label"], s["start"], s["end"], s["text"])
            spans[s["id"]] = key + ((tuple(sorted(s["attrs"].items())),) if "attrs" in carry else ()) + (
                (s["status"],) if "status" in carry else ())
        rels = sorted((r["annotator"], r["label"], spans[r["from"]], spans[r["to"]]) for r in rec["relations"])
        out[rec["text"]] = {"spans": sorted(spans.values()), "relations": rels,
                            "status": rec["status"] if "docstatus" in carry else None,
                            "meta": rec["meta"] if "meta" in carry else None,
                            "id": rec["id"] if "id" in carry else None}
    return out

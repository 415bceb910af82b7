"""Benchmark of the annotation text view: open, span edits, scrolling.

    python benchmarks/bench_text_view.py [--chars 200000] [--spans 5000] [--rounds 200]

Builds an Arabic document of about 200,000 characters (words read at run time from
../shared/corpus/seeds when present, else a built-in word list) with 5,000 spans, some
nested and some suggested, in a real AnnotationView (offscreen unless a display is set),
and prints a table. Goals (issue 3): open and first paint < 300 ms; add or remove a span,
repaint included, < 16 ms at the 95th percentile; page scrolls smooth (< 16 ms p95).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.model import Span  # noqa: E402
from annotator.gui.text_view import AnnotationView  # noqa: E402

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
# Fallback vocabulary, written for this benchmark.
WORDS = (
    "قال أكد أضاف الوزير الرئيس المتحدث باسم الحكومة اليوم أمس في على من إلى أن إنّ الذي التي "
    "مدينة العاصمة الاجتماع المؤتمر الصحفي الشركة المشروع الجديد العام الماضي الأسبوع المقبل "
    "يناير فبراير مارس سبتمبر ٢٠٢١ 2023 ١٢ مليون دولار «نعمل» “معاً” وقالت وأوضح للصحفيين بحسب "
    "المصادر الرسمية iOS Apple الأمم المتحدة مجلس الأمن الاقتصاد النمو التعليم الصحة المدارس"
).split()

COLOURS = {"QUOTE": "#4E9AF1", "SOURCE": "#F39C32", "CUE": "#3DBF6E", "DATE": "#B36AE2"}
LABELS = list(COLOURS)


def vocabulary() -> tuple[list[str], str]:
    if SEEDS.is_dir():
        words = []
        for f in sorted(SEEDS.glob("*.txt")):
            words.extend(re.findall(r"\S+", f.read_text(encoding="utf-8")))
        if len(words) > 500:
            return words, f"{SEEDS} (read at run time)"
    return WORDS, "built-in word list"


def build_text(chars: int, rng: random.Random, words: list[str]) -> str:
    paragraphs, total = [], 0
    while total < chars:
        n = rng.randint(40, 160)  # a news paragraph: 250-1,000 characters
        start = rng.randrange(len(words))
        para = " ".join(words[(start + i) % len(words)] for i in range(n))
        paragraphs.append(para)
        total += len(para) + 1
    return "\n".join(paragraphs)[:chars]


def word_bounds(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\s]+", text)]


def build_spans(text: str, count: int, rng: random.Random) -> list[Span]:
    bounds = word_bounds(text)
    spans: list[Span] = []
    sid = 0
    while len(spans) < count:
        i = rng.randrange(len(bounds) - 30)
        n = rng.randint(1, 12)
        start, end = bounds[i][0], bounds[i + n - 1][1]
        sid += 1
        status = "suggested" if rng.random() < 0.1 else "accepted"
        spans.append(Span(sid, 1, start, end, rng.choice(LABELS), "bench", status))
        if rng.random() < 0.3 and n > 2 and len(spans) < count:  # a nested span inside it
            j = rng.randint(i, i + n - 2)
            sid += 1
            spans.append(Span(sid, 1, bounds[j][0], bounds[j + 1][1], rng.choice(LABELS), "bench"))
    return spans


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def ms(seconds: float) -> float:
    return seconds * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--spans", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    rng = random.Random(args.seed)
    words, source = vocabulary()
    text = build_text(args.chars, rng, words)
    spans = build_spans(text, args.spans, rng)

    view = AnnotationView()
    view.resize(1100, 800)
    view.show()
    app.processEvents()
    view.set_document("تمهيد", [], COLOURS)  # warm up fonts and shaping caches
    view.grab()

    rows: list[tuple[str, str, str]] = []

    # Open: set_document + the first full paint, rendered into an image.
    opens = []
    for _ in range(5):
        t0 = time.perf_counter()
        view.set_document(text, spans, COLOURS)
        view.grab()
        opens.append(time.perf_counter() - t0)
    rows.append(("open 200k chars + 5k spans, first paint", f"{ms(statistics.median(opens)):.1f} ms (median of 5)",
                 f"max {ms(max(opens)):.1f} ms; goal < 300 ms"))

    # Span edits on screen, each followed by a synchronous repaint of the viewport.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    view.viewport().repaint()
    visible = [b for b, _ in view._visible_blocks()]
    lo = view._block_cp[visible[0].blockNumber()]
    last = visible[-1].blockNumber()
    hi = view._block_cp[last + 1] - 1 if last + 1 < len(view._block_cp) else len(text)
    on_screen = [b for b in word_bounds(text[lo:hi])]
    adds, removes = [], []
    next_id = 10_000_000
    for _ in range(args.rounds):
        i = rng.randrange(max(1, len(on_screen) - 4))
        s, e = on_screen[i][0] + lo, on_screen[min(i + rng.randint(0, 3), len(on_screen) - 1)][1] + lo
        span = Span(next_id, 1, s, e, rng.choice(LABELS), "bench")
        next_id += 1
        t0 = time.perf_counter()
        view.add_span(span)
        view.viewport().repaint()
        adds.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        view.remove_span(span.id)
        view.viewport().repaint()
        removes.append(time.perf_counter() - t0)
    for name, values in (("add_span + repaint", adds), ("remove_span + repaint", removes)):
        rows.append((name, f"p50 {ms(pct(values, 50)):.2f} ms  p95 {ms(pct(values, 95)):.2f} ms",
                     f"max {ms(max(values)):.2f} ms; goal p95 < 16 ms"))

    # Scrolling: a page at a time from the top, repainting each time.
    bar = view.verticalScrollBar()
    bar.setValue(0)
    view.viewport().repaint()
    scrolls = []
    for _ in range(min(args.rounds, 150)):
        t0 = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        scrolls.append(time.perf_counter() - t0)
        if bar.value() >= bar.maximum():
            break
    rows.append(("scroll one page + repaint", f"p50 {ms(pct(scrolls, 50)):.2f} ms  p95 {ms(pct(scrolls, 95)):.2f} ms",
                 f"{len(scrolls)} pages; goal p95 < 16 ms"))
    lines = []
    for _ in range(min(args.rounds, 150)):
        t0 = time.perf_counter()
        bar.setValue(bar.value() - 3)
        view.viewport().repaint()
        lines.append(time.perf_counter() - t0)
    rows.append(("scroll three lines + repaint", f"p50 {ms(pct(lines, 50)):.2f} ms  p95 {ms(pct(lines, 95)):.2f} ms",
                 f"{len(lines)} steps"))

    view.set_show_invisibles(True)
    t0 = time.perf_counter()
    view.viewport().repaint()
    rows.append(("repaint with invisibles shown", f"{ms(time.perf_counter() - t0):.2f} ms", ""))

    print(f"text view benchmark: {len(text):,} characters, {text.count(chr(10)) + 1} paragraphs, "
          f"{len(spans):,} spans; words from {source}; Qt platform {QApplication.platformName()}")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)} | {'result'.ljust(34)} | note")
    print(f"{'-' * width}-+-{'-' * 34}-+-{'-' * 30}")
    for name, result, note in rows:
        print(f"{name.ljust(width)} | {result.ljust(34)} | {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

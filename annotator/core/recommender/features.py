"""Tokens and features for the span recommender.

Units are the project tokenizer's tokens (core/tokenize.py) with the clitics a span may start
after split off a word: the conjunctions و and ف (وقال -> و + قال), then one of the prepositions
ب ل ك (بأحمد -> ب + أحمد; لـمصادر -> لـ + مصادر). A word that merely starts with one of those
letters (وزارة، بيان) is split too; the model learns from the joined word (a feature) that the
span then starts on the letter. White-space tokens are dropped; a newline becomes a feature of the next unit.

Features are plain strings (binary features: CRFsuite's fastest input). They are computed on a
folded copy of each word (suggest/arabic.py: harakat, tatweel, alef forms, digits folded) and
include the rule-based suggester's spans over the same text as gazetteer hits, so a model can
learn where the team's labels follow the rules' dates, cue verbs, sources and quotes.
"""

from __future__ import annotations

import re
from typing import Iterable

from annotator.core.suggest import suggest_record
from annotator.core.suggest.arabic import fold
from annotator.core.tokenize import token_table

FEATURES_VERSION = 1

_CONJ = "وف"
_PREP = "بلك"
_HARAKAT = re.compile(r"[\u064b-\u065f\u0670]*")
_PREP_TATWEEL = re.compile(r"[بلك][\u064b-\u065f\u0670]*\u0640+")
_ARTICLE = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل))(?=..)")
_OPEN_Q = {"«": "»", "\"": "\"", "“": "”", "„": "“"}


def units(text: str) -> tuple[list[tuple[int, int]], set[int]]:
    """(start, end) of each unit in text order, and the indexes of units after a newline."""
    table = token_table(text)
    out: list[tuple[int, int]] = []
    after_nl: set[int] = set()
    nl = False
    for s, e, space in zip(table.starts, table.ends, table.space):
        if space:
            nl = nl or "\n" in text[s:e]
            continue
        if nl:
            after_nl.add(len(out))
            nl = False
        word = text[s:e]
        if e - s >= 3 and word[0] in _CONJ and word.isalpha():
            m = _HARAKAT.match(word, 1)
            cut = m.end()
            if e - s - cut >= 2:
                out.append((s, s + cut))
                s += cut
                word = text[s:e]
        m = _PREP_TATWEEL.match(word)
        if m and m.end() < len(word):
            out.append((s, s + m.end()))
            s += m.end()
        elif e - s >= 4 and word[0] in _PREP and word.isalpha() and (word[1] != "ا" or word[1:3] == "ال"):
            # ب + bare alef is far more often a word of its own (باسل، كاتب، لاعب) than ب + a
            # word starting with alef; ب + ال (بالمدينة) is split.
            out.append((s, s + 1))
            s += 1
        out.append((s, e))
    return out, after_nl


def _shape(w: str) -> str:
    if w.isdigit():
        c = w[0]
        return "dA" if "\u0660" <= c <= "\u0669" else "dP" if "\u06f0" <= c <= "\u06f9" else "dL"
    if w[0].isdigit():
        return "num"
    if w.isalpha():
        if w.isascii():
            return "L" if not w[0].isupper() else "Lc"
        return "A" if "\u0600" <= w[0] <= "\u06ff" else "X"
    if len(w) == 1:
        return "p" + w
    return "mix"


def _rule_marks(text: str, bounds: list[tuple[int, int]], spans: list[dict] | None) -> list[list[str]]:
    """Per unit, the rule-based suggester's spans over it as 'r=LABEL:B' / 'r=LABEL:I'."""
    marks: list[list[str]] = [[] for _ in bounds]
    if spans is None:
        spans, _ = suggest_record(text)
    if not spans:
        return marks
    starts = [b[0] for b in bounds]
    from bisect import bisect_left

    for sp in spans:
        i = bisect_left(starts, sp["start"])
        first = True
        while i < len(bounds) and bounds[i][1] <= sp["end"]:
            marks[i].append(f"r={sp['label']}:{'B' if first else 'I'}")
            first = False
            i += 1
    return marks


def featurize(text: str, bounds: list[tuple[int, int]] | None = None, after_nl: Iterable[int] = (),
              rule_spans: list[dict] | None = None) -> tuple[list[tuple[int, int]], list[list[str]]]:
    """Units of text and one feature list per unit (rule_spans: suggest_record's spans of the
    text, when the caller has them already)."""
    if bounds is None:
        bounds, after_nl = units(text)
    nl = set(after_nl)
    raw = [text[s:e] for s, e in bounds]
    words = [fold(w) or w for w in raw]
    stems = [_ARTICLE.sub("", w) for w in words]
    shapes = [_shape(w) for w in raw]
    rules = _rule_marks(text, bounds, rule_spans)
    n = len(words)
    quote: list[bool] = []
    closer = None
    for w in raw:
        if closer is not None and w == closer:
            quote.append(True)
            closer = None
            continue
        if closer is None and w in _OPEN_Q:
            quote.append(False)
            closer = _OPEN_Q[w]
            continue
        quote.append(closer is not None)
    pad = ["<s>", "<s>"]
    W = pad + words + ["</s>", "</s>"]
    S = pad + stems + ["</s>", "</s>"]
    H = pad + shapes + ["</s>", "</s>"]
    feats: list[list[str]] = []
    for i in range(n):
        w, st, sh = words[i], stems[i], shapes[i]
        j = i + 2
        f = ["b", "w=" + w, "s=" + st, "sh=" + sh, "p2=" + st[:2], "x2=" + w[-2:], "x3=" + w[-3:],
             "w-1=" + W[j - 1], "w+1=" + W[j + 1], "w-2=" + W[j - 2], "w+2=" + W[j + 2],
             "s-1=" + S[j - 1], "s+1=" + S[j + 1], "h-1=" + H[j - 1] + "|" + sh, "h+1=" + sh + "|" + H[j + 1],
             "w-1|w=" + W[j - 1] + "|" + w]
        if len(w) < 3:
            f.append("short")
        if st != w:
            f.append("al")
        if i > 0 and bounds[i - 1][1] == bounds[i][0]:
            f.append("glued")  # a clitic split off this word
            f.append("j=" + W[j - 1] + w)
        if i + 1 < n and bounds[i][1] == bounds[i + 1][0]:
            f.append("clitic")
        if i in nl:
            f.append("nl")
        if quote[i]:
            f.append("inq")
        f.extend(rules[i])
        feats.append(f)
    return bounds, feats


def bio(bounds: list[tuple[int, int]], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags of units for non-overlapping spans (start, end, label); a unit belongs to a span
    when it overlaps it. An overlapping later span is dropped (groups keep overlaps apart)."""
    tags = ["O"] * len(bounds)
    starts = [b[0] for b in bounds]
    from bisect import bisect_right

    for s, e, label in sorted(spans):
        i = max(0, bisect_right(starts, s) - 1)
        while i < len(bounds) and bounds[i][1] <= s:
            i += 1
        j = i
        while j < len(bounds) and bounds[j][0] < e:
            j += 1
        if i >= j or any(t != "O" for t in tags[i:j]):
            continue
        tags[i] = "B-" + label
        for k in range(i + 1, j):
            tags[k] = "I-" + label
    return tags


def decode(bounds: list[tuple[int, int]], tags: list[str]) -> list[tuple[int, int, str, int, int]]:
    """Spans (start, end, label, first unit, last unit + 1) from BIO tags; a stray I- starts one."""
    out = []
    cur = None
    for i, t in enumerate(tags):
        if t == "O":
            if cur:
                out.append(cur)
                cur = None
            continue
        kind, label = t[0], t[2:]
        if kind == "B" or cur is None or cur[2] != label:
            if cur:
                out.append(cur)
            cur = [bounds[i][0], bounds[i][1], label, i, i + 1]
        else:
            cur[1] = bounds[i][1]
            cur[4] = i + 1
    if cur:
        out.append(cur)
    return [tuple(c) for c in out]

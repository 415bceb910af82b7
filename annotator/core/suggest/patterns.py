"""Regular-expression helpers for the suggesters."""

from __future__ import annotations

import re


def trie_pattern(words) -> str:
    """An alternation of words as a trie (قال|قالت|قالوا -> قال(?:ت|وا)?): the regex engine then
    tries one branch per letter instead of every word at every position, which keeps long cue
    lists fast on long texts. Matches the longest word at a position first, like a length-sorted
    alternation, when the caller adds a word-end test after it."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)

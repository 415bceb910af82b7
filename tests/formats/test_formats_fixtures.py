"""Self-checks of the format tests' sample project (tests/support/formats_sample.py)."""

from __future__ import annotations

from tests.support.formats_sample import canonical, make_project, records


def test_sample_covers_the_hard_cases(tmp_path):
    recs = records()
    text = "".join(r["text"] for r in recs)
    assert any(ord(c) > 0xFFFF for c in text)  # astral emoji
    assert "\u064e" in text and "\u0651" in text  # fatha, shadda
    assert "لا" in text and "iOS 17" in text and "٢٠٢١" in text
    project = make_project(tmp_path)
    try:
        got = canonical(project)
        assert sum(len(v["spans"]) for v in got.values()) == sum(len(r["spans"]) for r in recs)
        assert sum(len(v["relations"]) for v in got.values()) == sum(len(r["relations"]) for r in recs)
        for r in recs:
            for s in r["spans"]:
                assert r["text"][s["start"]:s["end"]] == s["text"]
    finally:
        project.close()

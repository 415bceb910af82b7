"""Big inputs: a 50 MB text file imports with bounded memory and progress; a document over
the 64 MB limit is refused with the limit named; JSONL imports stream (memory does not
grow with the file). The 1 GB run is benchmarks/bench_big_import.py."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.errors import ImportFailed
from annotator.core.formats.common import MAX_TEXT_BYTES
from annotator.core.importer import import_paths
from annotator.core.project import Project
from tests.reliability.bigfiles import arabic_text_file, jsonl_file

WORKER = Path(__file__).with_name("big_import_worker.py")


@pytest.fixture(autouse=True)
def _backups(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))


def _import_in_child(project, src, fmt) -> dict:
    r = subprocess.run([sys.executable, str(WORKER), str(project), str(src), fmt], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_50_mb_text_file_imports_with_bounded_memory(tmp_path):
    src = arabic_text_file(tmp_path / "big.txt", 50)
    project = tmp_path / "big.annot"
    Project.create(project).close()
    out = _import_in_child(project, src, "text")
    assert out.get("documents") == 1, out
    # One document is one string: the bytes, the decoded text and SQLite's copy, no more.
    assert out["peak_mb"] - out["baseline_mb"] < 400, out
    assert out["progress_last"][0] == out["progress_last"][1] == src.stat().st_size
    with Project.open(project, readonly=True) as p:
        doc = p.document(1)
        expected = src.read_bytes().decode("utf-8").replace("\r\n", "\n")
        assert doc.text == expected


def test_document_over_the_limit_is_refused_naming_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_TEXT_BYTES + 1)  # sparse: refused on its size before it is read
    line = tmp_path / "huge.jsonl"
    with open(line, "wb") as fh:
        fh.write(b'{"text": "')
        fh.write(b"a" * (MAX_TEXT_BYTES + 10))
        fh.write(b'"}\n')
    with Project.create(tmp_path / "p.annot") as p:
        for src in (big, line):
            with pytest.raises(ImportFailed) as err:
                import_paths(p, [src])
            assert "64 MB limit" in str(err.value) and str(src) in str(err.value)
        assert p.document_count() == 0
    r = subprocess.run([sys.executable, "-m", "annotator", "import", str(tmp_path / "p.annot"), str(big)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "64 MB limit" in r.stderr and "Traceback" not in r.stderr


def test_jsonl_import_memory_does_not_grow_with_the_file(tmp_path):
    peaks = {}
    for mb in (5, 40):
        src, n = jsonl_file(tmp_path / f"in{mb}.jsonl", mb)
        project = tmp_path / f"p{mb}.annot"
        Project.create(project).close()
        out = _import_in_child(project, src, "native")
        assert out.get("documents") == n, out
        assert out["progress_calls"] >= n
        peaks[mb] = out["peak_mb"] - out["baseline_mb"]
    # 8x the input, nearly the same memory: batches are flushed, lines are streamed.
    assert peaks[40] < peaks[5] + 60, peaks

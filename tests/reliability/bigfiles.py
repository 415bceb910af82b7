"""Big inputs generated at run time from our own sentences (never from a corpus)."""

from __future__ import annotations

import json
from pathlib import Path

from .kill_harness import _TEXTS


def arabic_text_file(path: Path, megabytes: float) -> Path:
    target = int(megabytes * 1024 * 1024)
    written = 0
    i = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        while written < target:
            para = f"{i}. {_TEXTS[i % 3]}\r\n" if i % 7 == 0 else f"{i}. {_TEXTS[i % 3]}\n"
            data = para.encode("utf-8")
            fh.write(para)
            written += len(data)
            i += 1
    return path


def jsonl_file(path: Path, megabytes: float) -> tuple[Path, int]:
    """Documents of ~1.5 KB with four spans each; returns (path, documents)."""
    target = int(megabytes * 1024 * 1024)
    written = n = 0
    with open(path, "wb") as fh:
        while written < target:
            text = f"{n} " + " ".join(_TEXTS[(n + k) % 3] for k in range(4))
            spans = [{"start": s, "end": s + 9, "label": lab} for s, lab in
                     ((2, "QUOTE"), (40, "SOURCE"), (90, "CUE"), (150, "DATE"))]
            line = json.dumps({"id": f"b{n}", "text": text, "spans": spans}, ensure_ascii=False).encode() + b"\n"
            fh.write(line)
            written += len(line)
            n += 1
    return path, n

"""Plain text as a `Format` (import only): a .txt file, or a folder of them, one document each;
UTF-8 (BOM removed), CRLF and CR made LF, nothing else changed. The document id is the file's
path in its folder without .txt."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportFailed
from annotator.core.formats.common import MAX_TEXT_BYTES, normalize_plain_text, scan_folder
from annotator.core.formats.registry import FOLDER, QT_TRANSLATE_NOOP, Format
from annotator.core.native import ParsedRecord

NAME = "text"


def read(path, scheme=None, annotator: str = "", files: list[Path] | None = None, **_):
    """The documents of a .txt file or a folder; `files`: the folder's .txt files, when the
    caller listed them already (scan_folder)."""
    top = Path(path)
    if files is None:
        files = scan_folder(top)[0] if top.is_dir() else [top]
    for f in files:
        size = f.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise ImportFailed(f"{f}: {size} bytes is over the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit for one document")
        text = normalize_plain_text(f.read_bytes(), str(f))
        base = top if top.is_dir() else f.parent
        doc_id = f.relative_to(base).with_suffix("").as_posix()
        yield str(f), ParsedRecord(doc_id, text, {"source": f.name}, {}, [], []), size


FORMAT = Format(name=NAME, title=QT_TRANSLATE_NOOP("Formats", "Plain text (.txt files, or a folder of them)"),
                reads=(".txt", FOLDER), read=read)

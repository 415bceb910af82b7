"""What a file format is: one `Format` object per format, and the `Registry` that holds them.

Every consumer reads the registry (annotator.core.formats.FORMATS): the `--format` choices of
`import`, `export` and `validate`, the export and import dialogs (names, file filters, file
or folder), the export driver (writer, side files, folder or file), the import driver
(reader, and which format a file is when none is given), splits and `validate` (checker).
A format module holds its own `FORMAT`; annotator.core.formats lists the modules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError, ImportFailed

FOLDER = "/"  # in Format.reads: the format is read from a folder


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks a title for translation (lupdate reads annotator/core/formats too); the windows
    show it through QCoreApplication.translate("Formats", title). Core has no Qt."""
    return text


TR_CONTEXT = "Formats"


@dataclass(frozen=True)
class Format:
    """One file format.

    write(project, records, output, report) -> report: writes native records (streaming),
        counting report.documents and adding what it cannot express to report.problems.
    write_into(project, records, folder, report): a folder format's export into a folder that
        exists (one split's subfolder).
    read(path, scheme, annotator, offsets="auto") -> iterator of (where, ParsedRecord, bytes).
    check(path, scheme) -> iterator of problems (JSON Schema, then offsets and text), each
        naming file and line; run through annotator.core.formats.validate_file.
    sniff(sample) -> bool: is this input (a `Sample`) in this format? Only formats that share
        a file ending with another need one; among the formats that read an input's ending,
        the first whose sniff says yes wins, else the first without a sniff.
    side_files(output) -> the other files an export to `output` writes (checked and replaced
        like the main one).
    """

    name: str  # --format NAME
    title: str  # shown in the windows, translated there (mark it with QT_TRANSLATE_NOOP)
    extension: str = ""  # of the file an export writes; "" for a folder format
    folder: bool = False  # an export is a folder
    reads: tuple[str, ...] = ()  # file endings it is imported from (FOLDER: a folder)
    offsets: str = ""  # how its files count offsets, for help texts
    write: Callable | None = None
    write_into: Callable | None = None
    read: Callable | None = None
    check: Callable | None = None
    sniff: Callable[["Sample"], bool] | None = None
    side_files: Callable[[str], list[str]] | None = None
    full_dump: bool = False  # an export without a chosen layer keeps everything (suggested, rejected)


class Sample:
    """What sniffers look at, read once however many formats ask: the start of a file, its
    first JSON Lines record, or a folder."""

    HEAD = 4096

    def __init__(self, path: Path):
        self.path = path
        self.is_folder = path.is_dir()
        self.suffix = path.suffix.lower()

    @cached_property
    def head(self) -> bytes:
        """The first bytes, without a BOM and leading white space (b"" for a folder)."""
        if self.is_folder:
            return b""
        try:
            with open(self.path, "rb") as fh:
                return fh.read(self.HEAD).lstrip(b"\xef\xbb\xbf \t\r\n")
        except OSError:
            return b""

    @cached_property
    def first_record(self):
        """The first non-blank line as JSON, or None when there is none or it is not JSON
        (the reader then reports the problem with its line)."""
        if self.is_folder:
            return None
        try:
            with open(self.path, "rb") as fh:
                for line in fh:
                    if line.strip():
                        return orjson.loads(line)
        except (OSError, ValueError):
            return None
        return None


class Registry:
    """The formats in the order the interface lists them."""

    def __init__(self, formats: list[Format]):
        self._formats: dict[str, Format] = {}
        for f in formats:
            self.add(f)

    def add(self, fmt: Format) -> None:
        if fmt.name in self._formats:
            raise ValueError(f"format {fmt.name!r} is registered twice")
        self._formats[fmt.name] = fmt

    def remove(self, name: str) -> None:
        del self._formats[name]

    @contextmanager
    def added(self, fmt: Format) -> Iterator[Format]:
        """`fmt` registered for the length of a block (tests, plug-ins)."""
        self.add(fmt)
        try:
            yield fmt
        finally:
            self.remove(fmt.name)

    def __iter__(self) -> Iterator[Format]:
        return iter(list(self._formats.values()))

    def __contains__(self, name: str) -> bool:
        return name in self._formats

    def __getitem__(self, name: str) -> Format:
        return self._formats[name]

    def names(self, purpose: str) -> list[str]:
        """Names of the formats that can `purpose`: "write", "read" or "check"."""
        return [f.name for f in self if getattr(f, purpose) is not None]

    def get(self, name: str, purpose: str) -> Format:
        """The format `name` if it can `purpose`, else a one-line AnnotatorError listing those that can."""
        fmt = self._formats.get(name)
        if fmt is None or getattr(fmt, purpose) is None:
            what = {"write": "export", "read": "import", "check": "check"}[purpose]
            raise AnnotatorError(f"unknown {what} format {name!r} (known: {', '.join(self.names(purpose))})")
        return fmt

    def read_patterns(self) -> list[str]:
        """File dialog patterns of every importable file ending ("*.txt", ...)."""
        out: list[str] = []
        for f in self:
            if f.read is not None:
                out += [f"*{r}" for r in f.reads if r != FOLDER and f"*{r}" not in out]
        return out

    def export_extensions(self) -> set[str]:
        return {f.extension for f in self if f.write is not None and f.extension}

    def detect(self, path: Path) -> str:
        """The input format of `path`, from its ending (or being a folder) and, where formats
        share an ending, their sniffers."""
        sample = Sample(path)
        key = FOLDER if sample.is_folder else sample.suffix
        candidates = [f for f in self if f.read is not None and key in f.reads]
        for f in candidates:
            if f.sniff is not None and f.sniff(sample):
                return f.name
        for f in candidates:
            if f.sniff is None:
                return f.name
        raise ImportFailed(f"{path}: unknown input type {sample.suffix or '(no extension)'}; give --format")

"""The toolkit of the format checkers (`annotator validate --format F FILE`): each format's
`check` (in its module) runs the JSON Schema of F (schemas/F.schema.json) and then the checks
a schema cannot express: offsets inside the text, span and token text equal to the document
text, token indices agreeing with offsets, relations pointing at real spans, BIO order. Each
problem names the file and line. `checked` runs a checker with the one-line errors `import`
gives for unreadable input."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

from annotator.core.errors import ImportFailed
from annotator.core.formats.common import UNEXPECTED, describe_failure, iter_jsonl_objects
from annotator.core.native import MAX_DEPTH, too_deep
from annotator.core.scheme import schema_validator

LIMIT = 1000


def schema_errors(validator, obj, where: str, strip_index: bool = False) -> list[str]:
    out = []
    for e in sorted(validator.iter_errors(obj), key=lambda e: list(map(str, e.absolute_path))):
        path = list(e.absolute_path)[1:] if strip_index else list(e.absolute_path)
        loc = "/".join(str(p) for p in path) or "(record)"
        out.append(f"{where}: {loc}: {e.message}")
    return out


def offsets_ok(text: str, s, e) -> bool:
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)


def each(path: Path, items, schema_problems, check) -> Iterator[str]:
    """Schema problems of each item, else its own check's, up to LIMIT in all."""
    problems = 0
    for where, obj, _ in items:
        if too_deep(obj):  # the limit every reader applies; checks below would recurse
            errs = [f"{where}: nested deeper than {MAX_DEPTH} levels"]
        else:
            errs = schema_problems(obj, where) or check(obj, where)
        for e in errs:
            yield e
            problems += 1
        if problems >= LIMIT:
            yield f"{path}: stopped after {LIMIT} problems"
            return


def jsonl(path: Path, schema: str, check: Callable[[object, str], list[str]]) -> Iterator[str]:
    """A JSON Lines file: each line against schemas/<schema>, then `check(obj, where)`."""
    validator = schema_validator(schema)
    return each(path, iter_jsonl_objects(path), lambda obj, where: schema_errors(validator, obj, where), check)


def checked(path, check: Callable, scheme=None) -> Iterator[str]:
    """The problems `check(path, scheme)` finds, and unreadable input as one line each."""
    path = Path(path)
    if not path.exists():
        yield f"{path}: no such file or folder"
        return
    try:
        yield from check(path, scheme)
    except ImportFailed as exc:
        yield str(exc)
    except OSError as exc:
        yield f"{path}: cannot read: {exc.strerror}"
    except UNEXPECTED as exc:  # the same one line as `import` gives
        yield f"{path}: cannot check: {describe_failure(exc)}"

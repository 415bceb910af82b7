"""Checking an exported or hand-made file against its JSON Schema and the offset rule."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from annotator.core.errors import AnnotatorError, ImportFailed
from annotator.core.formats.common import UNEXPECTED, describe_failure, iter_jsonl_objects
from annotator.core.native import MAX_DEPTH, parse_record, too_deep
from annotator.core.scheme import Scheme, default_scheme, schema_validator


def validate_native(path: str | Path, scheme: Scheme | None = None, limit: int = 1000) -> Iterator[str]:
    """Yield one message per problem, each naming the line. Stops after `limit` problems."""
    path = Path(path)
    scheme = scheme or default_scheme()
    validator = schema_validator("native.schema.json")
    problems = 0
    try:
        for where, obj, _ in iter_jsonl_objects(path):
            if too_deep(obj):
                yield f"{where}: nested deeper than {MAX_DEPTH} levels"
                problems += 1
                continue
            errors = list(validator.iter_errors(obj))
            for e in errors:
                loc = "/".join(str(p) for p in e.absolute_path) or "(record)"
                yield f"{where}: {loc}: {e.message}"
                problems += 1
            if not errors:
                try:
                    parse_record(obj, where, scheme, "import")
                except AnnotatorError as exc:
                    yield str(exc)
                    problems += 1
            if problems >= limit:
                yield f"{path}: stopped after {limit} problems"
                return
    except ImportFailed as exc:  # unreadable line: nothing after it can be trusted
        yield str(exc)
    except OSError as exc:
        yield f"{path}: cannot read: {exc.strerror}"
    except UNEXPECTED as exc:  # the same one line as `import` gives
        yield f"{path}: cannot check: {describe_failure(exc)}"

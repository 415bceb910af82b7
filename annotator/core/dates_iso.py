"""Checks of ISO dates entered by users (document creation dates)."""

from __future__ import annotations

from datetime import date, datetime

from annotator.core.errors import SpanError


def check_dct(value) -> date:
    """A document creation date must be YYYY-MM-DD, optionally with a time."""
    if not isinstance(value, str):
        raise SpanError(f"dct must be a date like 2021-12-09, got {value!r}")
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise SpanError(f"dct {value!r} is not a date like 2021-12-09") from None

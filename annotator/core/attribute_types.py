"""Attribute types: everything the tool knows about one kind of attribute value, in one class.

A type says which values it takes (problem(): the one-line error, or None), how a value reads
as text, how the scheme may define it (check_definition), and how a value is written into and
read back from brat (a declared attribute value, or a free-text AnnotatorNotes line) and Label
Studio (a Choices or a TextArea control). The GUI's editor for a type is registered under the
same name in annotator/gui/attribute_editors.py.

Adding a type: a subclass here with a new `name`, registered with @register; a scheme may then
say "type": "<name>" (the scheme schema's list of types is filled from TYPES).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar
from xml.sax.saxutils import quoteattr

TYPES: dict[str, "AttributeType"] = {}


def register(cls: type["AttributeType"]) -> type["AttributeType"]:
    TYPES[cls.name] = cls()
    return cls


def attribute_type(name: str) -> "AttributeType":
    return TYPES[name]


class AttributeType:
    name: ClassVar[str]

    # ----- values ---------------------------------------------------------------------------
    def problem(self, attr, value: Any) -> str | None:
        """Why `value` (never None) is not a value of `attr`, in one line; None when it is."""
        raise NotImplementedError

    def text(self, value: Any) -> str:
        """The value as a person reads it (empty: '—')."""
        return "—" if value is None else str(value)

    def parse(self, raw: str) -> Any:
        """The value from its text form (a brat note, a Label Studio entry). It never raises:
        text it cannot read comes back as is, and problem() then names it in one line."""
        return raw

    def check_definition(self, attr, where: str, owner: str) -> None:
        """Refuse (SchemeError) a scheme that defines an attribute of this type badly, naming
        `where` and `owner.attr`. (A bad `pattern` is refused for every type by the scheme.)"""

    # ----- brat -----------------------------------------------------------------------------
    def brat_values(self, attr) -> tuple[str, ...] | None:
        """The values declared for it in annotation.conf; None: free text, written as an
        AnnotatorNotes line 'name=value' (brat attributes take only declared values)."""
        return None

    def from_brat(self, raw: str | None) -> Any:
        """The value of an A line ('A1<TAB>name T1 raw'; raw None when the line has no value)."""
        return (raw or "").strip()

    # ----- Label Studio ---------------------------------------------------------------------
    def ls_control(self, attr, control: str, cond: str) -> list[str]:
        """The labelling-config lines of its per-region control named `control`."""
        return [f'  <TextArea name={quoteattr(control)} toName="text" perRegion="true" {cond} '
                f'maxSubmissions="1" editable="true" placeholder={quoteattr(attr.name)}/>']

    def to_ls(self, value: Any) -> tuple[str, dict]:
        """(result type, the value's part of the result's "value")."""
        return "textarea", {"text": [value]}

    def from_ls(self, raw: str) -> Any:
        """The value from the one entry of a choices/textarea result."""
        return self.parse(raw)


class _Declared(AttributeType):
    """A type with a fixed list of values: brat declares them, Label Studio offers Choices."""

    def values(self, attr) -> tuple[str, ...]:
        raise NotImplementedError

    def brat_values(self, attr) -> tuple[str, ...]:
        return self.values(attr)

    def ls_control(self, attr, control: str, cond: str) -> list[str]:
        return ([f'  <Choices name={quoteattr(control)} toName="text" perRegion="true" {cond} choice="single">']
                + [f"    <Choice value={quoteattr(c)}/>" for c in self.values(attr)] + ["  </Choices>"])

    def to_ls(self, value: Any) -> tuple[str, dict]:
        return "choices", {"choices": [value]}


@register
class ChoiceType(_Declared):
    name = "choice"

    def values(self, attr) -> tuple[str, ...]:
        return attr.choices

    def problem(self, attr, value):
        if value not in attr.choices:
            return f"attribute '{attr.name}' must be one of {', '.join(attr.choices)}, got {value!r}"
        return None


@register
class BooleanType(_Declared):
    name = "boolean"

    def values(self, attr) -> tuple[str, ...]:
        return ("true", "false")

    def problem(self, attr, value):
        if not isinstance(value, bool):
            return f"attribute '{attr.name}' must be true or false, got {value!r}"
        return None

    def text(self, value) -> str:
        return "—" if value is None else ("true" if value else "false")

    def from_brat(self, raw):
        # A bare 'A1<TAB>flag T1' is brat's binary attribute: set.
        return True if raw is None else raw.strip().lower() in ("true", "yes", "1")

    def to_ls(self, value):
        return "choices", {"choices": ["true" if value else "false"]}

    def parse(self, raw):
        return raw == "true" if raw in ("true", "false") else raw


@register
class TextType(AttributeType):
    """Free text, optionally held to the scheme's regular expression `pattern`."""

    name = "text"

    def pattern(self, attr) -> str | None:
        return attr.pattern

    def problem(self, attr, value):
        if not isinstance(value, str):
            return f"attribute '{attr.name}' must be text, got {value!r}"
        if "\x00" in value:  # SQLite and most tools cut text at NUL
            return f"attribute '{attr.name}' contains a NUL character"
        pattern = self.pattern(attr)
        if pattern and value and not re.fullmatch(pattern, value):
            return f"attribute '{attr.name}' value {value!r} does not match its pattern"
        return None


# TIMEX3 values (ISO-TimeML): dates to the day or part of day, weeks, quarters, halves, seasons,
# decades, centuries, durations, the three vague references and dates without a year.
TIMEX3_PATTERN = (
    r"^(\d{4}(-((0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d)?)?|T(MO|AF|EV|NI))?)?"
    r"|W(0[1-9]|[1-4]\d|5[0-3])(-[1-7])?(-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?|\d{3}|\d{2}"
    r"|P(\d+(\.\d+)?[YMWD])+(T(\d+(\.\d+)?[HMS])+)?|PT(\d+(\.\d+)?[HMS])+|PX[YMWD]|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|XXXX(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-W(0[1-9]|[1-4]\d|5[0-3])|-WXX-[1-7])?)$"
)


@register
class Timex3Type(TextType):
    """A normalized TIMEX3 value (2021-12-09, 2021-W49, P3D, PAST_REF ...): text to every
    format, checked against TIMEX3_PATTERN (a scheme's own pattern narrows it further)."""

    name = "timex3"

    def problem(self, attr, value):
        found = super().problem(attr, value)
        if found is None and value and not re.fullmatch(TIMEX3_PATTERN, value):
            return f"attribute '{attr.name}' value {value!r} does not match its pattern"
        return found


def resolve(type_name: str, pattern: str | None) -> tuple[str, str | None]:
    """(type, pattern) as defined in a scheme -> as held. A "text" attribute with exactly
    TIMEX3_PATTERN is a timex3 one: the default scheme (and every project made before the
    timex3 type) says it that way, which earlier versions still read; read as timex3, it gets
    the TIMEX3 editor and merges with schemes that say "timex3"."""
    if type_name == "text" and pattern == TIMEX3_PATTERN:
        return "timex3", None
    return type_name, pattern

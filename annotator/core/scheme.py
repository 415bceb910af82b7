"""The annotation scheme: span labels with attributes, relation types."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from annotator.core.attribute_types import TYPES, AttributeType, attribute_type, resolve
from annotator.core.errors import SchemeError, SpanError
from annotator.core.paths import resource_path, schema_path


@cache
def schema_validator(schema_name: str):
    """The JSON Schema validator of schemas/<schema_name> (loaded once)."""
    import jsonschema

    schema = json.loads(schema_path(schema_name).read_text(encoding="utf-8"))
    if schema_name == "scheme.schema.json":
        # The attribute types are the classes in attribute_types, not a list kept here too.
        schema["$defs"]["attribute"]["properties"]["type"]["enum"] = sorted(TYPES)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _display(item: dict, key: str = "display") -> tuple[tuple[str, str], ...]:
    return tuple(sorted((item.get(key) or {}).items()))


def _shown(display: tuple[tuple[str, str], ...], name: str, language: str) -> str:
    return dict(display).get(language) or name


class _Shown:
    """Names for the interface only, per language (`display`, `description_display`): stored data
    and exports keep the canonical names. Not part of equality: two schemes that differ only in
    them are the same scheme."""

    def shown(self, language: str) -> str:
        return _shown(self.display, self.name, language)

    def shown_description(self, language: str) -> str:
        return _shown(self.description_display, self.description, language)


@dataclass(frozen=True)
class Attribute(_Shown):
    name: str
    type: str
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    default: Any = None
    description: str = ""
    display: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    choice_display: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = field(default=(), compare=False)
    description_display: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def shown_value(self, value: Any, language: str) -> str:
        """A choice value in `language` (other values as they are)."""
        names = dict(self.choice_display).get(value) if isinstance(value, str) else None
        return _shown(names or (), str(value), language)

    @property
    def kind(self) -> AttributeType:
        """The type object: what values it takes, how they show and how formats carry them."""
        return attribute_type(self.type)

    def check(self, value: Any, where: str = "") -> None:
        if value is None:
            return
        problem = self.kind.problem(self, value)
        if problem:
            raise SpanError(f"{where}: {problem}" if where else problem)


@dataclass(frozen=True)
class Label(_Shown):
    name: str
    colour: str = "#888888"
    hotkey: str | None = None
    description: str = ""
    attributes: tuple[Attribute, ...] = ()
    display: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    description_display: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass(frozen=True)
class RelationType(_Shown):
    name: str
    from_labels: tuple[str, ...]
    to_labels: tuple[str, ...]
    hotkey: str | None = None
    description: str = ""
    attributes: tuple[Attribute, ...] = ()
    many: bool = False  # may one 'from' span have several links of this type (a quote, two sources)?
    display: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    description_display: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


def _attrs(items) -> tuple[Attribute, ...]:
    return tuple(
        Attribute(
            name=a["name"],
            type=resolve(a["type"], a.get("pattern"))[0],
            choices=tuple(a.get("choices", ())),
            pattern=resolve(a["type"], a.get("pattern"))[1],
            default=a.get("default"),
            description=a.get("description", ""),
            display=_display(a),
            description_display=_display(a, "description_display"),
            choice_display=tuple(sorted((k, _display({"display": v}))
                                        for k, v in (a.get("choice_display") or {}).items())),
        )
        for a in items or ()
    )


@dataclass(frozen=True)
class Scheme:
    name: str
    labels: tuple[Label, ...]
    relations: tuple[RelationType, ...] = ()
    description: str = ""
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: Any, where: str = "scheme") -> "Scheme":
        errors = sorted(schema_validator("scheme.schema.json").iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            e = errors[0]
            path = "/".join(str(p) for p in e.absolute_path) or "(top)"
            raise SchemeError(f"{where}: invalid scheme at {path}: {e.message}")
        if _holds_nul(data):
            raise SchemeError(f"{where}: a name, choice or description contains a NUL character")
        labels = tuple(
            Label(
                name=l["name"],
                colour=l.get("colour", "#888888"),
                hotkey=l.get("hotkey"),
                description=l.get("description", ""),
                attributes=_attrs(l.get("attributes")),
                display=_display(l),
                description_display=_display(l, "description_display"),
            )
            for l in data["labels"]
        )
        names = [l.name for l in labels]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise SchemeError(f"{where}: label {sorted(dup)[0]} is defined twice")
        keys = [l.hotkey for l in labels if l.hotkey] + [r["hotkey"] for r in data.get("relations", []) if r.get("hotkey")]
        dupk = {k for k in keys if keys.count(k) > 1}
        if dupk:
            raise SchemeError(f"{where}: hotkey {sorted(dupk)[0]!r} is used twice")
        rels = []
        for r in data.get("relations", []):
            for lab in (*r["from"], *r["to"]):
                if lab not in names:
                    raise SchemeError(f"{where}: relation {r['name']} names unknown label {lab}")
            rels.append(
                RelationType(
                    name=r["name"],
                    from_labels=tuple(r["from"]),
                    to_labels=tuple(r["to"]),
                    hotkey=r.get("hotkey"),
                    description=r.get("description", ""),
                    attributes=_attrs(r.get("attributes")),
                    many=bool(r.get("many", False)),
                    display=_display(r),
                    description_display=_display(r, "description_display"),
                )
            )
        for a in (*labels, *rels):
            for attr in a.attributes:
                unknown = sorted(set(dict(attr.choice_display)) - set(attr.choices))
                if unknown:
                    raise SchemeError(f"{where}: attribute {a.name}.{attr.name} names display text for "
                                      f"{unknown[0]!r}, which is not one of its choices")
                if attr.pattern:
                    try:
                        re.compile(attr.pattern)
                    except re.error as exc:
                        raise SchemeError(f"{where}: attribute {a.name}.{attr.name} has a bad pattern: {exc}") from None
                attr.kind.check_definition(attr, where, a.name)
        return cls(name=data["name"], labels=labels, relations=tuple(rels),
                   description=data.get("description", ""), raw=data)

    @classmethod
    def load(cls, path: str | Path) -> "Scheme":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise SchemeError(f"{path}: cannot read scheme: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise SchemeError(f"{path}: not UTF-8 at byte {exc.start}") from None
        except json.JSONDecodeError as exc:
            raise SchemeError(f"{path}: line {exc.lineno}: invalid JSON: {exc.msg}") from None
        return cls.from_dict(data, where=str(path))

    def to_json(self) -> str:
        return json.dumps(self.raw, ensure_ascii=False, sort_keys=True)

    def label(self, name: str) -> Label:
        for l in self.labels:
            if l.name == name:
                return l
        raise SpanError(f"unknown label {name!r} (the scheme has {', '.join(l.name for l in self.labels)})")

    def has_label(self, name: str) -> bool:
        return any(l.name == name for l in self.labels)

    def relation(self, name: str) -> RelationType:
        for r in self.relations:
            if r.name == name:
                return r
        raise SpanError(f"unknown relation type {name!r}")

    def label_for_hotkey(self, key: str) -> Label | None:
        return next((l for l in self.labels if l.hotkey and l.hotkey.lower() == key.lower()), None)

    def check_attrs(self, owner, attrs: dict, where: str = "") -> None:
        prefix = f"{where}: " if where else ""
        if not isinstance(attrs, dict):
            raise SpanError(f"{prefix}attrs must be an object, got {type(attrs).__name__}")
        for key, value in attrs.items():
            attr = next((a for a in owner.attributes if a.name == key), None)
            if attr is None:
                raise SpanError(f"{prefix}{owner.name} has no attribute {key!r}")
            attr.check(value, where)

    def check_relation(self, name: str, from_label: str, to_label: str, where: str = "") -> RelationType:
        prefix = f"{where}: " if where else ""
        try:
            rel = self.relation(name)
        except SpanError as exc:
            raise SpanError(f"{prefix}{exc}") from None
        if from_label not in rel.from_labels or to_label not in rel.to_labels:
            raise SpanError(f"{prefix}relation {name} cannot link {from_label} -> {to_label}")
        return rel


def _holds_nul(data) -> bool:
    if isinstance(data, str):
        return "\x00" in data
    if isinstance(data, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in data.items())
    if isinstance(data, list):
        return any(_holds_nul(v) for v in data)
    return False


@cache
def default_scheme() -> Scheme:
    return Scheme.load(resource_path("schemes", "news.json"))

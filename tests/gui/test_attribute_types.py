"""Attribute types as objects (issue 14): one class per type in core, one editor per type in the
GUI, and every user of a type (scheme check, brat, Label Studio, inspector) asking the class."""

from __future__ import annotations

import pytest

from annotator.core import attribute_types as at
from annotator.core import scheme as scheme_mod
from annotator.core.errors import SchemeError, SpanError
from annotator.core.formats.brat import annotation_conf, parse_ann
from annotator.core.formats.labelstudio import label_config, to_native
from annotator.core.merge import MergeConflict, check_schemes
from annotator.core.scheme import Attribute, Scheme, default_scheme


def _scheme(attrs: list[dict]) -> Scheme:
    return Scheme.from_dict({"name": "t", "labels": [{"name": "D", "attributes": attrs}]})


def test_the_news_date_value_is_a_timex3_attribute():
    value = default_scheme().label("DATE").attribute("value")
    assert default_scheme().raw["labels"][3]["attributes"][1]["pattern"] == at.TIMEX3_PATTERN  # older versions read it
    assert value.type == "timex3" and value.kind is at.TYPES["timex3"]
    value.check("2021-W49")
    with pytest.raises(SpanError, match="'value' value '2021-13' does not match its pattern"):
        value.check("2021-13")
    with pytest.raises(SpanError, match="must be text"):
        value.check(2021)


def test_a_text_attribute_with_the_timex3_pattern_is_timex3_and_merges_with_a_timex3_scheme():
    old = _scheme([{"name": "value", "type": "text", "pattern": at.TIMEX3_PATTERN}]).label("D").attribute("value")
    assert (old.type, old.pattern) == ("timex3", None)
    legacy = default_scheme().raw
    legacy = {**legacy, "labels": [dict(l, attributes=[dict(a, type="text", pattern=at.TIMEX3_PATTERN)
                                                        if a["name"] == "value" else a for a in l.get("attributes", ())])
                                   for l in legacy["labels"]]}
    today = {**legacy, "labels": [dict(l, attributes=[{"name": "value", "type": "timex3"} if a["name"] == "value" else a
                                                       for a in l.get("attributes", ())]) for l in legacy["labels"]]}
    check_schemes(Scheme.from_dict(today), Scheme.from_dict(legacy), {"DATE"}, set(), "old.annot")
    # Any other pattern stays plain text, and differs from a TIMEX3 value.
    other = _scheme([{"name": "value", "type": "text", "pattern": "^[0-9]+$"}])
    assert other.label("D").attribute("value").type == "text"
    changed = {**legacy, "labels": [dict(l, attributes=[dict(a, pattern="^[0-9]+$") if a["name"] == "value" else a
                                                         for a in l.get("attributes", ())]) for l in legacy["labels"]]}
    with pytest.raises(MergeConflict, match="attribute 'value' differs"):
        check_schemes(default_scheme(), Scheme.from_dict(changed), {"DATE"}, set(), "old.annot")


def test_an_unknown_type_is_refused_by_name():
    with pytest.raises(SchemeError, match="labels/0/attributes/0/type: 'integer' is not one of"):
        _scheme([{"name": "n", "type": "integer"}])


def test_formats_ask_the_type_how_to_carry_a_value():
    s = default_scheme()
    conf = annotation_conf(s)
    assert "mod\tArg:DATE, Value:START|MID|END|APPROX|BEFORE|AFTER" in conf
    assert "value\t" not in conf  # free text: an AnnotatorNotes line, not a declared attribute
    xml = label_config(s)
    assert '<TextArea name="DATE_value"' in xml and '<Choices name="DATE_mod"' in xml


class NumberType(at.TextType):
    """The worked example of ARCHITECTURE.md: a whole number, written as its digits."""

    name = "number"

    def problem(self, attr, value):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"attribute '{attr.name}' must be a whole number, got {value!r}"
        return None

    def parse(self, raw):
        try:
            return int(raw.strip())
        except ValueError:
            return raw  # the check names it

    def from_brat(self, raw):
        return self.parse(raw or "")

    def to_ls(self, value):
        return "textarea", {"text": [str(value)]}


@pytest.fixture
def number_type(monkeypatch):
    monkeypatch.setitem(at.TYPES, "number", NumberType())
    scheme_mod.schema_validator.cache_clear()
    yield
    monkeypatch.delitem(at.TYPES, "number")
    scheme_mod.schema_validator.cache_clear()


def test_a_new_type_is_one_class(number_type, tmp_path):
    s = _scheme([{"name": "n", "type": "number"}])
    attr = s.label("D").attribute("n")
    attr.check(12)
    with pytest.raises(SpanError, match="whole number"):
        attr.check("12")
    assert "\nn\t" not in annotation_conf(s) and '<TextArea name="D_n"' in label_config(s)
    txt, ann = tmp_path / "a.txt", tmp_path / "a.ann"
    txt.write_text("hello world", encoding="utf-8")
    ann.write_text("T1\tD 0 5\thello\n#1\tAnnotatorNotes T1\tn=12\n", encoding="utf-8")
    spans, _, _ = parse_ann(ann, "hello world", "hello world", "x", s, "auto")
    assert spans[0]["attrs"] == {"n": 12}
    ann.write_text("T1\tD 0 5\thello\nA1\tn T1 12\n", encoding="utf-8")
    spans, _, _ = parse_ann(ann, "hello world", "hello world", "x", s, "auto")
    assert spans[0]["attrs"] == {"n": 12}
    task = {"data": {"text": "hello world"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 0, "end": 5, "text": "hello", "labels": ["D"]}},
        {"id": "a", "type": "textarea", "from_name": "D_n", "value": {"text": ["7"]}}]}]}
    assert to_native(task, "t", s, "x", "auto")["spans"][0]["attrs"] == {"n": 7}
    task["annotations"][0]["result"][1]["value"]["text"] = ["seven"]
    with pytest.raises(SpanError, match="t: attribute 'n' must be a whole number, got 'seven'"):
        s.check_attrs(s.label("D"), to_native(task, "t", s, "x", "auto")["spans"][0]["attrs"], "t")


def test_the_inspector_builds_each_field_from_the_types_editor(qtbot, number_type, monkeypatch):
    from PySide6.QtWidgets import QLineEdit, QSpinBox

    from annotator.core.model import Span
    from annotator.gui import attribute_editors as ae
    from annotator.gui.inspector import Inspector

    @ae.editor("number")
    class NumberEditor(ae.AttributeEditor):
        def __init__(self, attr, value, editable, commit, shown):
            super().__init__(attr, value, editable, commit, shown)
            self.widget = QSpinBox()
            self.widget.setValue(value or 0)
            self.widget.valueChanged.connect(commit)

    monkeypatch.setitem(ae.EDITORS, "number", NumberEditor)
    s = Scheme.from_dict({"name": "t", "labels": [
        {"name": "D", "attributes": [{"name": "n", "type": "number"}, {"name": "value", "type": "timex3"},
                                     {"name": "note", "type": "text"}]}]})
    insp = Inspector()
    qtbot.addWidget(insp)
    insp.scheme = s
    edits = []
    insp.attrEdited.connect(lambda *a: edits.append(a))
    span = Span(id=5, doc=1, start=0, end=4, label="D", annotator="x", status="accepted",
                attrs={"n": 3, "value": "2021-12"}, created="2024-01-01T00:00:00.000Z", modified="")
    insp.show_span(span, "abcd efgh")
    assert isinstance(insp.attr_widgets["n"], QSpinBox) and insp.attr_widgets["n"].value() == 3
    insp.attr_widgets["n"].setValue(4)
    assert edits == [(5, "n", 4)]
    value = insp.attr_widgets["value"]
    assert isinstance(value, QLineEdit) and value.placeholderText().startswith("2021-12-09")
    assert insp.attr_hints["value"].text()  # the month in words
    assert insp.attr_hints["note"].text() == "" and insp.attr_widgets["note"].placeholderText() == ""
    from annotator.gui.attribute_editors import Shown, make_editor
    # Display names change the text shown, never the value.
    combo = make_editor(Attribute("type", "choice", ("direct", "indirect")), "indirect", True, edits.append,
                        Shown(choice=str.upper)).widget
    qtbot.addWidget(combo)
    assert [combo.itemText(i) for i in range(3)] == ["—", "DIRECT", "INDIRECT"] and combo.currentData() == "indirect"
    value.setText("2021-13")
    value.editingFinished.emit()
    assert insp.attr_hints["value"].text().startswith("Not a valid value") and len(edits) == 1

import json

import pytest

from annotator.core.errors import SchemeError, SpanError
from annotator.core.scheme import Scheme, default_scheme


def test_default_scheme_has_news_labels_relations_and_digit_hotkeys():
    s = default_scheme()
    assert [l.name for l in s.labels] == ["QUOTE", "SOURCE", "CUE", "DATE"]
    assert [l.hotkey for l in s.labels] == ["1", "2", "3", "4"]
    assert s.label("QUOTE").attribute("type").choices == ("direct", "indirect", "mixed")
    assert s.label("SOURCE").attribute("kind").choices == ("person", "organization", "group", "anonymous", "document")
    assert s.label("DATE").attribute("type").choices == ("DATE", "TIME", "DURATION", "SET")
    assert {(r.name, r.from_labels, r.to_labels) for r in s.relations} == {
        ("source", ("QUOTE",), ("SOURCE",)), ("cue", ("QUOTE",), ("CUE",))}
    assert s.label_for_hotkey("4").name == "DATE"


@pytest.mark.parametrize("value", ["2021-12-09", "2021-12", "2021", "2021-W49", "2021-Q4", "P15D", "P24M", "PT2H",
                                   "202", "PAST_REF"])
def test_timex_values_pass(value):
    s = default_scheme()
    s.check_attrs(s.label("DATE"), {"value": value})


@pytest.mark.parametrize("value", ["9/12/2021", "2021-13", "21-12-2021", "yesterday", "P"])
def test_bad_timex_values_fail(value):
    s = default_scheme()
    with pytest.raises(SpanError, match="pattern"):
        s.check_attrs(s.label("DATE"), {"value": value})


def test_invalid_scheme_files_name_the_problem(tmp_path):
    f = tmp_path / "s.json"
    f.write_text('{"name": "x", "labels": [{"name": "A", "hotkey": "1"}, {"name": "B", "hotkey": "1"}]}')
    with pytest.raises(SchemeError, match="hotkey '1' is used twice"):
        Scheme.load(f)
    f.write_text('{"name": "x", "labels": [{"name": "A"}], "relations": [{"name": "r", "from": ["A"], "to": ["Z"]}]}')
    with pytest.raises(SchemeError, match="unknown label Z"):
        Scheme.load(f)
    f.write_text('{"name": "x", "labels": []}')
    with pytest.raises(SchemeError, match="invalid scheme at labels"):
        Scheme.load(f)
    f.write_text('{"name": ')
    with pytest.raises(SchemeError, match="line 1: invalid JSON"):
        Scheme.load(f)


def test_custom_scheme_round_trips_through_json(tmp_path):
    data = {"name": "mini", "labels": [{"name": "PER", "colour": "#112233", "hotkey": "p",
                                         "attributes": [{"name": "flag", "type": "boolean"}]}]}
    s = Scheme.from_dict(data)
    assert Scheme.from_dict(json.loads(s.to_json())) == s
    with pytest.raises(SpanError, match="true or false"):
        s.check_attrs(s.label("PER"), {"flag": "yes"})


def test_display_names_per_language_for_labels_attributes_values_and_relations():
    s = default_scheme()
    quote, date = s.label("QUOTE"), s.label("DATE")
    assert quote.shown("ar") == "اقتباس" and quote.shown("en") == "QUOTE" and quote.shown("fr") == "QUOTE"
    assert quote.attribute("type").shown("ar") == "النوع"
    assert quote.attribute("type").shown_value("indirect", "ar") == "غير مباشر"
    assert date.attribute("value").shown_value("2021-12-09", "ar") == "2021-12-09"  # text values as they are
    assert s.relation("source").shown("ar") == "المصدر"
    assert quote.shown_description("ar").startswith("ما قيل")
    assert quote.shown_description("en") == quote.description
    # Every label, relation, attribute and choice of the default scheme has an Arabic name.
    for owner in (*s.labels, *s.relations):
        assert owner.shown("ar") != owner.name and owner.shown_description("ar") != owner.description
        for a in owner.attributes:
            assert a.shown("ar") != a.name, a.name
            for c in a.choices:
                assert a.shown_value(c, "ar") != c, c


def test_display_names_are_not_part_of_the_scheme():
    data = {"name": "mini", "labels": [{"name": "PER", "display": {"ar": "شخص", "en": "Person"},
                                         "attributes": [{"name": "k", "type": "choice", "choices": ["a", "b"],
                                                         "display": {"ar": "نوع"},
                                                         "choice_display": {"a": {"ar": "أ"}}}]}]}
    plain = {"name": "mini", "labels": [{"name": "PER", "attributes": [
        {"name": "k", "type": "choice", "choices": ["a", "b"]}]}]}
    s = Scheme.from_dict(data)
    assert s == Scheme.from_dict(plain)  # the same scheme: data and exports use the canonical names
    assert s.label("PER").shown("en") == "Person"
    assert Scheme.from_dict(json.loads(s.to_json())).label("PER").attribute("k").shown_value("a", "ar") == "أ"
    s.check_attrs(s.label("PER"), {"k": "a"})
    with pytest.raises(SpanError):
        s.check_attrs(s.label("PER"), {"k": "أ"})  # a display name is not a value


@pytest.mark.parametrize("bad, message", [
    ({"display": {"arabic": "شخص"}}, "invalid scheme at labels/0/display"),
    ({"display": {"ar": ""}}, "invalid scheme at labels/0/display/ar"),
    ({"display": {"ar": 5}}, "invalid scheme at labels/0/display/ar"),
    ({"description_display": "شخص"}, "invalid scheme at labels/0/description_display"),
    ({"attributes": [{"name": "k", "type": "choice", "choices": ["a"], "choice_display": {"z": {"ar": "ز"}}}]},
     "names display text for 'z', which is not one of its choices"),
    ({"attributes": [{"name": "k", "type": "choice", "choices": ["a"], "choice_display": {"a": "أ"}}]},
     "invalid scheme at labels/0/attributes/0/choice_display/a"),
])
def test_bad_display_names_are_refused(bad, message):
    with pytest.raises(SchemeError, match=message):
        Scheme.from_dict({"name": "x", "labels": [{"name": "PER", **bad}]})

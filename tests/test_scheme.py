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

"""The record schema's two validators agree: the fast one the pipeline asks first, and jsonschema,
which has the last word and says what is wrong."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import newsbot
from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.schema import is_valid_record, record_errors
from tests.conftest import FIXTURES

RECORDS = [newsbot.extract(page.body(), page.url) for page in FixtureSite(FIXTURES).articles]
# Values that break one rule or another of the schema, and some that keep to them.
VALUES: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            " padded",
            "padded ",
            "a\n\nb",
            "two\nlines",
            "x",
            0,
            1.5,
            True,
            [],
            {},
            [""],
            [{}],
            "2021-10-13T19:01:00+09:00",
            "2021-10-13 19:01",
            "https://koreajoongangdaily.joins.com/x",
            "http://a b",
            "ko",
            "ENG",
            "someone@joongang.co.kr",
            "not-an-email",
            {"name": "Kim"},
            [{"name": "Kim", "email": None}],
        ]
    ),
    st.text(max_size=12),
    # Plain words, valid wherever text is: half the records should still pass.
    st.from_regex(r"[A-Z][a-z]{0,8}( [a-z]{1,8}){0,2}", fullmatch=True),
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


def fresh(value: Any) -> Any:
    # VALUES hands out the same list and dict objects every time; a later step of the same draw
    # may mutate one inside the record, and hypothesis would then replay a different example.
    return copy.deepcopy(value)


@st.composite
def mutated_records(draw: st.DrawFn) -> dict[str, Any]:
    record: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(RECORDS)))
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        path = draw(st.sampled_from(paths(record)))
        parent = record
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "name", "email", "caption", "datetime"]))] = fresh(draw(VALUES))
        else:
            parent[path[-1]] = fresh(draw(VALUES))
        if not paths(record):
            break
    return record


def test_the_fixture_records_are_valid_to_both() -> None:
    assert RECORDS
    for record in RECORDS:
        assert is_valid_record(record) and record_errors(record) == []


def test_a_trailing_newline_breaks_a_pattern_for_both() -> None:
    # In Python's re, "$" also matches before a final newline; in a JSON Schema it is the end.
    record = {**RECORDS[0], "articleId": "0\n"}
    assert not is_valid_record(record)
    assert record_errors(record) == ["articleId: '0\\n' does not match '^[0-9A-Za-z]+$'"]


@settings(max_examples=400, deadline=None)
@given(mutated_records())
def test_both_validators_agree_on_mutated_records(record: dict[str, Any]) -> None:
    assert is_valid_record(record) == (record_errors(record) == [])

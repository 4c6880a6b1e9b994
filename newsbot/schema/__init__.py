"""The record's JSON Schema, shipped as package data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError, validators


@cache
def article_schema() -> dict[str, Any]:
    # importlib.resources, not __file__: the package may run from an egg or a zip.
    text = files("newsbot.schema").joinpath("article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# An unescaped "$": the end of the string in a JSON Schema (ECMA 262) pattern.
_DOLLAR = re.compile(r"(?<!\\)\$")


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """``pattern`` as JSON Schema means it: in Python's ``re`` a ``$`` also matches before a
    final newline, so jsonschema let "0\\n" pass ``^[0-9A-Za-z]+$`` where fastjsonschema (which
    reads ``$`` as the end, as ECMA 262 does) refused it."""
    if validator.is_type(instance, "string") and not re.search(_DOLLAR.sub(r"\\Z", pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})  # type: ignore[no-untyped-call]


@cache
def article_validator() -> Any:
    schema = article_schema()
    Draft202012Validator.check_schema(schema)
    return _Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _compiled_check() -> Any:
    # fastjsonschema turns the schema into Python code: about 15x faster than jsonschema, which
    # took an eighth of the crawl process's CPU per page. It knows drafts up to 7; the schema uses
    # only keywords those drafts share with 2020-12 (tests/test_schema.py holds the two to agreement).
    return fastjsonschema.compile(article_schema(), use_formats=False, detailed_exceptions=False)


def load_validators() -> None:
    """Build both validators now: a broken schema fails the crawl at its start, not on a page."""
    article_validator()
    _compiled_check()


def is_valid_record(record: dict[str, Any]) -> bool:
    """The fast yes/no; ``record_errors`` says what is wrong."""
    try:
        _compiled_check()(record)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def record_errors(record: dict[str, Any]) -> list[str]:
    """Every way the record breaks the schema, as ``path: message`` lines (empty when valid)."""
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(record)'}: {error.message}"
        for error in sorted(article_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    ]

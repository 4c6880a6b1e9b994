"""The record's JSON Schema, shipped as package data."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator


@cache
def article_schema() -> dict[str, Any]:
    # importlib.resources, not __file__: the package may run from an egg or a zip.
    text = files("newsbot.schema").joinpath("article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def article_validator() -> Draft202012Validator:
    schema = article_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


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

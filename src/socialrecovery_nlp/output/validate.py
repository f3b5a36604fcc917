"""Validate output objects against the packaged JSON Schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import SrnlpError


@lru_cache(maxsize=1)
def output_schema() -> dict[str, Any]:
    """The JSON Schema of one ``srnlp analyze`` output line."""
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    schema = output_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(obj: dict[str, Any]) -> list[str]:
    """All schema violations of ``obj`` as readable strings (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in sorted(_validator().iter_errors(obj), key=lambda e: list(e.absolute_path))]


def validate_output(obj: dict[str, Any]) -> None:
    """Raise ``SrnlpError(E004)`` when ``obj`` does not match the output schema."""
    errors = schema_errors(obj)
    if errors:
        raise SrnlpError("E004", detail="; ".join(errors[:5]))

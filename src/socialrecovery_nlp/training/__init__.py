"""Training dispatch: a TOML config names its component; that component's trainer builds the model."""

from __future__ import annotations

import importlib
import json
import tomllib
from pathlib import Path
from typing import Any

from ..errors import SrnlpError

#: component name (``[model] component`` in a config) -> module with ``train_from_config``
TRAINERS = {
    "themes": "socialrecovery_nlp.themes.train",
    "design": "socialrecovery_nlp.design.train",
    "claims": "socialrecovery_nlp.claims.train",
}


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``["section.key=value", ...]`` -> ``{"section.key": value}`` (values parsed as JSON if they can be)."""
    out: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise ValueError(f"override {item!r} must look like section.key=value")
        key, raw = item.split("=", 1)
        try:
            out[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            out[key.strip()] = raw
    return out


def config_component(config_path: str | Path) -> str:
    with open(config_path, "rb") as handle:
        config = tomllib.load(handle)
    return str(config.get("model", {}).get("component", ""))


def train_from_config(config_path: str | Path, overrides: dict[str, Any] | None = None) -> Path:
    """Train the component a config names; returns the new model directory."""
    config_path = Path(config_path)
    component = config_component(config_path)
    if component not in TRAINERS:
        raise SrnlpError("E003", name=component, path=config_path, known=", ".join(TRAINERS))
    trainer = importlib.import_module(TRAINERS[component])
    return Path(trainer.train_from_config(config_path, overrides or {}))

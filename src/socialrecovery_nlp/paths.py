"""Where shipped models live, whether the package is installed or run from a checkout."""

from __future__ import annotations

import os
import re
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The checkout's top level when running from source (``pip install -e .``).
SOURCE_ROOT = PACKAGE_DIR.parent.parent


def models_root() -> Path:
    """Directory holding ``<name>-<version>/`` model directories.

    Order: ``$SRNLP_MODELS_DIR``; the copy bundled in an installed wheel
    (``socialrecovery_nlp/_models``); the checkout's ``models/``.
    """
    env = os.environ.get("SRNLP_MODELS_DIR")
    if env:
        return Path(env)
    bundled = PACKAGE_DIR / "_models"
    if bundled.is_dir():
        return bundled
    return SOURCE_ROOT / "models"


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", version))


def find_model(name: str, root: Path | None = None) -> Path | None:
    """The newest ``<root>/<name>-<version>/`` holding a meta.json, or ``None``."""
    root = root or models_root()
    if not root.is_dir():
        return None
    found = []
    for path in root.iterdir():
        match = re.fullmatch(rf"{re.escape(name)}-(\d[\w.\-]*)", path.name)
        if match and (path / "meta.json").is_file():
            found.append((_version_key(match.group(1)), path))
    return max(found)[1] if found else None

"""Model directories: ``meta.json`` writing, reading and compatibility checks.

A model directory is ``models/<name>-<version>/`` with ``meta.json`` (name, version, component,
labels, thresholds, metrics with their split, data hashes, library versions, licence), weights in
safe formats (skops, safetensors, JSON) and a ``README.md`` model card. No pickles.
"""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from .about import __version__
from .errors import SrnlpError, warn

TRACKED_LIBRARIES = ("spacy", "scikit-learn", "numpy", "scipy", "skops", "torch", "transformers")


def library_versions() -> dict[str, str]:
    """Installed versions of the libraries a model depends on (absent ones left out)."""
    versions = {"python": platform.python_version(), "socialrecovery-nlp": __version__}
    for name in TRACKED_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return versions


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def data_hashes(paths: list[str | Path], relative_to: Path | None = None) -> dict[str, str]:
    """``{path: sha256}`` for the training data files, paths relative to ``relative_to``."""
    out = {}
    for path in paths:
        path = Path(path)
        key = str(path.relative_to(relative_to)) if relative_to and path.is_relative_to(relative_to) else str(path)
        out[key] = file_sha256(path)
    return out


def write_meta(model_dir: str | Path, meta: dict[str, Any]) -> Path:
    """Write ``meta.json`` adding library versions; required keys: name, version, component."""
    for key in ("name", "version", "component"):
        if key not in meta:
            raise ValueError(f"meta.json needs {key!r}")
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    full = {"library_versions": library_versions(), "socialrecovery_nlp_version": __version__, **meta}
    path = model_dir / "meta.json"
    path.write_text(json.dumps(full, indent=2, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_meta(model_dir: str | Path, check: bool = True) -> dict[str, Any]:
    """Read ``meta.json``; warn (W001) when the major/minor versions of key libraries differ."""
    path = Path(model_dir) / "meta.json"
    if not path.is_file():
        raise SrnlpError("E001", path=model_dir)
    meta = json.loads(path.read_text(encoding="utf-8"))
    if check:
        installed = library_versions()
        for key in ("scikit-learn", "spacy", "torch", "transformers"):
            trained = meta.get("library_versions", {}).get(key)
            have = installed.get(key)
            if trained and have and trained.split(".")[:2] != have.split(".")[:2]:
                warn("W001", name=meta.get("name"), key=key, trained=trained, installed=have,
                     config=meta.get("training_config", "training/<name>.toml"))
    return meta


def model_id(meta: dict[str, Any]) -> str:
    """``name@version`` as reported in the output's ``models`` field."""
    return f"{meta['name']}@{meta['version']}"


def save_skops(obj: Any, path: str | Path) -> None:
    """Write ``obj`` to a skops file, zip-deflated (the default stores arrays uncompressed: 22 MB -> 0.75 MB
    for the claims detector)."""
    import zipfile

    import skops.io as sio

    sio.dump(obj, path, compression=zipfile.ZIP_DEFLATED)


def load_skops(path: str | Path, trusted: tuple[str, ...] | list[str]):
    """The object in a skops file, refusing (``ValueError``) any type outside ``trusted``."""
    import skops.io as sio

    unknown = [t for t in sio.get_untrusted_types(file=path) if t not in trusted]
    if unknown:
        raise ValueError(f"{path}: refusing to load untrusted types {unknown}")
    return sio.load(path, trusted=list(trusted))

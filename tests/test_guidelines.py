import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_guidelines_document_is_current():
    spec = importlib.util.spec_from_file_location("build_guidelines", ROOT / "annotations" / "build_guidelines.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "annotations" / "GUIDELINES.md").read_text(encoding="utf-8") == module.build(), (
        "annotations/GUIDELINES.md is stale: run `python annotations/build_guidelines.py`")

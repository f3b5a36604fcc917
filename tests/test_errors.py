import re
import warnings
from pathlib import Path

import pytest

from socialrecovery_nlp.errors import MESSAGES, SrnlpError, SrnlpWarning, errors_markdown, message, warn


def test_codes_are_well_formed_and_unique():
    assert all(re.fullmatch(r"[EW]\d{3}", code) for code in MESSAGES)


def test_error_carries_code_and_filled_message():
    err = SrnlpError("E101", path="missing.ris")
    assert err.code == "E101"
    assert str(err) == "[E101] missing.ris: file not found."


def test_message_with_missing_fields_keeps_template():
    assert message("E101").startswith("[E101] {path}")


def test_warn_uses_library_warning_class():
    with pytest.warns(SrnlpWarning, match=r"\[W004\]"):
        warn("W004", name="themes", where="models/")


def test_docs_page_is_current():
    page = Path(__file__).resolve().parents[1] / "docs" / "errors.md"
    assert page.read_text(encoding="utf-8") == errors_markdown(), (
        "docs/errors.md is stale: run `python -m socialrecovery_nlp.errors > docs/errors.md`")

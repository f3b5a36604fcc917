from __future__ import annotations

from pathlib import Path

import pytest

from socialrecovery_nlp.corpus import ReadReport, read_records

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def read(name: str | Path, **kwargs):
    """Records and report for one fixture (E105 not raised)."""
    report = ReadReport()
    path = name if isinstance(name, Path) else FIXTURES / name
    records = list(read_records(path, report=report, raise_if_empty=False, **kwargs))
    return records, report


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES

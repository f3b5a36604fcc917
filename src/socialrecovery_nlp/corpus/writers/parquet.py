"""Parquet of analyze output (the flattened columns of the CSV, typed), written in row groups."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ._spool import Spool
from .flatten import flatten, order_columns

BATCH = 5000


def _arrow_type(pa, python_type: type | None):
    if python_type is bool:
        return pa.bool_()
    if python_type is int:
        return pa.int64()
    if python_type is float:
        return pa.float64()
    if python_type is list:
        return pa.list_(pa.string())
    return pa.string()


def write_results(results: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    spool = Spool().add_all(flatten(r) for r in results)
    columns = order_columns(list(spool.columns))
    types = dict(spool.columns)
    # a column holding both ints and floats (probabilities 0 and 0.5) is float
    schema = pa.schema([(c, _arrow_type(pa, types[c])) for c in columns])
    float_columns = {c for c in columns if schema.field(c).type == pa.float64()}
    int_columns = {c for c in columns if schema.field(c).type == pa.int64()}

    def fix(row: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for c in columns:
            v = row.get(c)
            if v is not None:
                if c in float_columns:
                    v = float(v)
                elif c in int_columns and not isinstance(v, int):
                    v = int(v)
                elif schema.field(c).type == pa.string() and not isinstance(v, str):
                    v = str(v)
            out[c] = v
        return out

    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in spool.rows():
            batch.append(fix(row))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or spool.count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return spool.count

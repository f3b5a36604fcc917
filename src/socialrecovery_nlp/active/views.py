"""Feature blocks of the same records, one per view, kept apart.

A model with several views (TF-IDF words, sentence embeddings, ...) fits and scores each member
on its own view. Stacking the views into one sparse matrix made every fit slice columns out of it
and every score multiply through all views, and it stored dense embeddings as sparse entries.
:class:`MultiView` keeps each block in its own form (sparse CSR for TF-IDF, a dense array for
embeddings) and behaves like a matrix where the loop needs it: ``X.shape`` and row selection
``X[rows]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


class MultiView:
    """Row-aligned feature blocks; ``blocks[k]`` is view ``k`` (CSR matrix or 2-d array)."""

    def __init__(self, blocks: Sequence[Any]) -> None:
        self.blocks = list(blocks)
        rows = {b.shape[0] for b in self.blocks}
        if len(rows) != 1:
            raise ValueError(f"views with different numbers of rows: {sorted(rows)}")

    @property
    def shape(self) -> tuple[int, int]:
        return self.blocks[0].shape[0], sum(b.shape[1] for b in self.blocks)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows) -> MultiView:
        """The selected rows of every view; an integer keeps one row as a 1-row matrix."""
        if isinstance(rows, tuple):
            raise TypeError("MultiView selects rows only; take a view's columns from view(k)")
        if isinstance(rows, (int, np.integer)):
            rows = [int(rows)]
        return MultiView([b[rows] for b in self.blocks])

    def view(self, k: int) -> Any:
        return self.blocks[k]

"""Recall curve plot for ``srnlp simulate --plot``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np


def plot_recall(labels: Sequence[int], path: str | Path, title: str = "") -> Path:
    """Recall against records screened (priors excluded), with the random-order diagonal."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    y = np.cumsum(labels) / max(sum(labels), 1)
    x = np.arange(1, len(labels) + 1)
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.plot(x, y, label="srnlp")
    ax.plot([0, len(labels)], [0, 1], ls="--", c="grey", label="random")
    ax.set_xlabel("records screened")
    ax.set_ylabel("recall")
    ax.set_title(title)
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return Path(path)

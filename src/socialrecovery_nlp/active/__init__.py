"""Projects, active learning and simulation: the living-review screening loop.

Modules (one concept each): :mod:`.store` (the SQLite project file), :mod:`.schema`
(versions and migrations), :mod:`.project` (new / add batch), :mod:`.loop` (next record, decide,
background retraining), :mod:`.annotate_ui` (terminal UI), :mod:`.query` (query strategies),
:mod:`.stopping` (stopping rules), :mod:`.models` (screening models), :mod:`.train`,
:mod:`.status`, :mod:`.export`, :mod:`.simulate`, :mod:`.metrics`, :mod:`.labelled_csv`.
Nothing heavy is imported here.
"""

from __future__ import annotations

from .._lazy import lazy_getattr

_LAZY = {
    "ProjectStore": ".store",
    "new_project": ".project",
    "add_batch": ".project",
    "open_project": ".project",
    "project_path": ".project",
    "ScreeningSession": ".loop",
    "simulate": ".simulate",
    "choose_priors": ".simulate",
    "read_labelled_csv": ".labelled_csv",
    "train_screening": ".train",
    "train_components": ".train",
    "project_model_config": ".train",
    "project_status": ".status",
}

__all__ = list(_LAZY)


__getattr__ = lazy_getattr(__name__, _LAZY)

"""Single source of the package version (read by pyproject via hatch)."""

__version__ = "0.1.0"

"""The review's framework as data: processes, themes, designs, claim directions and strengths."""

from .loader import CODEBOOK_FILE, CONTRACT_IDS, Codebook, Label, load_codebook, parse_codebook
from .render import to_markdown

__all__ = ["CODEBOOK_FILE", "CONTRACT_IDS", "Codebook", "Label", "load_codebook", "parse_codebook", "to_markdown"]

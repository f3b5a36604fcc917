"""The output contract of ``srnlp analyze``: serialisation and JSON Schema validation."""

from .serialize import doc_to_dict
from .validate import output_schema, schema_errors, validate_output

__all__ = ["doc_to_dict", "output_schema", "schema_errors", "validate_output"]

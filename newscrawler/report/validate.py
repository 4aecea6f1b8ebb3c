"""Check export lines against the Article JSON Schema, read from its file at run time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema.validators import validator_for

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "article.schema.json"
MAX_ERRORS_PER_LINE = 8


def load_schema(path: Path = SCHEMA_PATH) -> dict[str, Any]:
    """The schema as it is on disk now (its fields change as the project grows)."""
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@dataclass
class InvalidLine:
    path: Path
    line: int
    errors: list[str]

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'; '.join(self.errors)}"


class ArticleValidator:
    def __init__(self, schema: dict[str, Any]) -> None:
        cls = validator_for(schema)
        cls.check_schema(schema)
        self._validator = cls(schema)

    def problems(self, item: dict[str, Any]) -> list[tuple[str, str]]:
        """``(kind, message)`` per error, ``field: what is wrong``; empty for a valid item.

        The kind names the problem without the value, for counting lines by problem.

        >>> ArticleValidator({"type": "object", "properties": {"n": {"type": "integer"}},
        ...                   "required": ["m"]}).problems({"n": "1"})
        [("(line): 'm' is a required property", "(line): 'm' is a required property"), ('n: type', "n: '1' is not of type 'integer'")]
        """
        found = []
        errors = sorted(self._validator.iter_errors(item), key=lambda e: [str(p) for p in e.path])
        for error in errors:
            where = "/".join(str(part) for part in error.path) or "(line)"
            message = error.message
            if len(message) > 200:
                message = message[:197] + "..."
            kind = (f"{where}: {message}" if error.validator in ("required", "additionalProperties")
                    else f"{where}: {error.validator}")
            found.append((kind, f"{where}: {message}"))
        return found

    def errors(self, item: dict[str, Any]) -> list[str]:
        """Readable messages for ``item`` (the first few); empty when it is valid."""
        return self.messages(self.problems(item))

    @staticmethod
    def messages(problems: list[tuple[str, str]]) -> list[str]:
        """The first few messages, a field's own problems before missing fields."""
        ordered = sorted(problems, key=lambda problem: problem[1].startswith("(line)"))
        return [message for _, message in ordered[:MAX_ERRORS_PER_LINE]]

"""Read TOML tables strictly, so a typo in clinical data fails at start-up.

Every value is taken by name with its expected type; whatever is left over is an unknown
key and an error that names the file and the entry.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from livercalc_desktop.bounded_read import read_bounded
from livercalc_desktop.domain.errors import KnowledgeBaseError

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)
_MISSING = object()
MAX_PATHWAY_FILE_BYTES = 8 * 2**20  # the largest shipped file (a leaflet's texts) is about 50 KB

TomlReader = Callable[[Path], dict[str, Any]]
"""Turns a TOML file into its tables: ``read_toml``, or a cache's reader (knowledge.parsed_cache)."""


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning syntax errors into a ``KnowledgeBaseError``."""
    return parse_toml(toml_bytes(path), path.name)


def toml_bytes(path: Path) -> bytes:
    """Return the bytes of a pathway file, or raise a ``KnowledgeBaseError`` naming it.

    Read without blocking and only if it is a regular file: the window reads every leaflet
    file as it starts, and a named pipe among them (``leaflet.vi.toml``) hung the start.
    """
    return read_bounded(path, MAX_PATHWAY_FILE_BYTES, "pathway file", KnowledgeBaseError)


def parse_toml(data: bytes, name: str) -> dict[str, Any]:
    """Parse the bytes of the TOML file ``name``, turning bad encoding and syntax into a ``KnowledgeBaseError``."""
    import tomllib  # here, not at the top: the window reads the parsed copies of its files (parsed_cache)

    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise KnowledgeBaseError(f"{name}: cannot read: {exc}") from exc


class StrictTable:
    """A TOML table whose keys must all be consumed."""

    def __init__(self, raw: object, source: str, where: str) -> None:
        if not isinstance(raw, dict):
            raise KnowledgeBaseError(f"{source}: {where}: expected a table")
        self._raw = dict(raw)
        self.source = source
        self.where = where

    def error(self, message: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"{self.source}: {self.where}: {message}")

    def take(self, key: str, kind: type[T], default: object = _MISSING) -> T:
        """Remove and return ``key``, checking its type; missing uses ``default``."""
        if key not in self._raw:
            if default is _MISSING:
                raise self.error(f'missing "{key}"')
            return default  # type: ignore[return-value]
        value = self._raw.pop(key)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(f'"{key}" must be {kind.__name__}, got {type(value).__name__}')
        return value

    def take_strings(self, key: str, default: object = _MISSING) -> tuple[str, ...]:
        values = self.take(key, list, default)
        if not all(isinstance(v, str) for v in values):
            raise self.error(f'"{key}" must be a list of strings')
        return tuple(values)

    def take_enum(self, key: str, kind: type[E]) -> E:
        """Take a string that must be one of an enum's values."""
        value = self.take(key, str)
        try:
            return kind(value)
        except ValueError as exc:
            raise self.error(f'"{key}" must be one of {", ".join(str(v) for v in kind)}; got "{value}"') from exc

    def take_rest_as_strings(self) -> dict[str, str]:
        """Take every remaining key of an open-ended table of strings."""
        values = {key: self.take(key, str) for key in list(self._raw)}
        return values

    def has(self, key: str) -> bool:
        return key in self._raw

    def finish(self) -> None:
        """Fail if any key was not consumed: it is a typo or an unsupported option."""
        if self._raw:
            raise self.error(f"unknown key(s): {', '.join(sorted(self._raw))}")

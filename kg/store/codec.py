"""Records to JSON and back: the data-only form in which the store keeps extractions.

Every field is written under its name: tuples as lists, dates as ISO strings. Reading follows
the records' type hints, never the data: only the records' own classes are made, a value of
the wrong type or an unknown field is refused (ValueError), and the depth of what is read is
that of the types, whatever the input holds.
"""

from __future__ import annotations

import types
import typing
from dataclasses import fields, is_dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any

_SCALARS = (str, int, bool)


def to_json(value: Any) -> Any:
    """Turn a record (or a field's value) into JSON data."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [to_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):  # a name of kg.vocab
        return value.value
    if value is None or type(value) in _SCALARS:
        return value
    raise TypeError(f"no JSON form for {type(value).__name__}")


@cache
def _hints(kind: type) -> dict[str, Any]:
    """Return the field types of a record class."""
    return typing.get_type_hints(kind)


def from_json(kind: Any, data: Any) -> Any:
    """Rebuild a value of the type `kind` from JSON data, refusing anything else."""
    if isinstance(kind, type) and is_dataclass(kind):
        return _record(kind, data)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):  # `X | None`: the only unions records use
        if data is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return from_json(inner, data)
    if origin is tuple:
        _expect(list, data, kind)
        if args[-1] is Ellipsis:
            return tuple(from_json(args[0], v) for v in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items for {kind}, found {len(data)}")
        return tuple(from_json(a, v) for a, v in zip(args, data, strict=True))
    if kind is date:
        _expect(str, data, kind)
        return date.fromisoformat(data)
    if kind in _SCALARS:
        _expect(kind, data, kind)
        return data
    if isinstance(kind, type) and issubclass(kind, StrEnum):  # a name not in it is refused
        _expect(str, data, kind)
        return kind(data)
    raise TypeError(f"no JSON form for {kind}")


def _record(kind: type, data: Any) -> Any:
    """Rebuild a record from a JSON object of its fields."""
    _expect(dict, data, kind)
    hints = _hints(kind)
    if unknown := set(data) - set(hints):
        raise ValueError(f"{kind.__name__} has no field {sorted(unknown)[0]!r}")
    values = {name: from_json(hints[name], value) for name, value in data.items()}
    try:
        return kind(**values)
    except TypeError as err:  # a field without a default is missing
        raise ValueError(f"{kind.__name__}: {err}") from None


def _expect(kind: type, data: Any, wanted: Any) -> None:
    """Refuse data that is not exactly of the JSON type (true is no integer here)."""
    if type(data) is not kind:
        raise ValueError(f"expected {getattr(wanted, '__name__', wanted)}, "
                         f"found {type(data).__name__}")

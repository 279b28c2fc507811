"""What a data file's error says: the file, the line, the rule's id, the key, a likely fix.

Kept apart from the loader (datafiles.py): a good file never needs it. Lines come from
composing the YAML again, only when something is wrong, and only when the data checked
is what the file holds (data built in memory gets no misleading line).
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, RootModel, ValidationError

from osteon import datafiles
from osteon.datafiles import LOADER
from osteon.errors import DataFileError

ID_KEYS = ("id", "name", "slug", "unit", "hook")
"""Keys that name an entry of a list: an error inside it names the rule by this, not by index."""


def describe(exc: ValidationError, model: type[BaseModel], raw: Any, name: str, *,
             at: Sequence[str | int] = (), text: str | None = None) -> DataFileError:
    """The DataFileError for pydantic's first complaint about `raw`, read from `name`."""
    errors = exc.errors()
    # a misspelt key is both "unknown" and "missing": name the unknown one, the typo
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(first["loc"])
    path = _data_path(raw, loc)
    where = ".".join(str(p) for p in path) or "top level"
    rule = _rule_id(raw, path)
    if rule is not None:
        where = f"rule {rule!r} ({where})"
    if first["type"] == "extra_forbidden" and path:
        reason = f"unknown field {path[-1]!r}"
        known = _fields_at(model, path[:-1])
        close = difflib.get_close_matches(str(path[-1]), known, n=1, cutoff=0.6)
        reason += f" (did you mean {close[0]!r}?)" if close else (
            f"; known: {', '.join(sorted(known))}" if known else "")
    elif first["type"] == "missing" and path:
        reason = f"missing field {path[-1]!r}"
    elif first["type"] == "value_error" and "error" in first.get("ctx", {}):
        reason = str(first["ctx"]["error"])  # our validator's own words, no "Value error, "
    else:
        reason = first["msg"]
    # a mapping's validator that names one of its keys ("no relation 'whithin'") points at it
    node = _walk(raw, path)
    named = [k for k in node if f"{k!r}" in reason] if isinstance(node, dict) else []
    source = text if text is not None else _source_of(name, at, raw)
    line = line_of(name, (*at, *path, *named[:1]), source) if source is not None else None
    return DataFileError(name, where, reason, line=line)


def line_in(name: str, at: Sequence[Any], raw: Any, key: Sequence[Any] = ()) -> int | None:
    """The line of `key` inside the entry at `at` of file `name`, if the file holds `raw` there.

    For checks made after validation (a lexicon parent that names no concept): the entry
    was parsed from the file, and the curator wants its line.
    """
    source = _source_of(name, at, raw)
    return line_of(name, (*at, *key), source) if source is not None else None


def line_of_value(name: str, value: str) -> int | None:
    """The first line of file `name` where `value` is written as a scalar, if any.

    For a name a check finds unknown after validation (a predicate, a concept id): the
    curator wants to see where it is written.
    """
    text = _read(name)
    if text is None:
        return None
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        return None
    todo = [root] if root is not None else []
    while todo:
        node = todo.pop(0)
        if isinstance(node, yaml.ScalarNode) and node.value == value:
            return node.start_mark.line + 1
        if isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            todo.extend(v for pair in node.value for v in pair)
    return None


def _source_of(name: str, at: Sequence[Any], raw: Any) -> str | None:
    """The text of file `name` if it holds `raw` at `at`, else None."""
    text = _read(name)
    if text is None:
        return None
    try:
        node = yaml.load(text, Loader=LOADER)
    except yaml.YAMLError:
        return None
    for part in at:
        node = _child(node, part)
    return text if node == raw else None


_MISSING = object()


def _data_path(raw: Any, loc: Sequence[Any]) -> list[Any]:
    """The keys and indexes of pydantic's location that are the data's own.

    Pydantic puts type tags (`function-after[...]`, `list[str]`) into its locations;
    only the data's own keys make the path a curator reads.
    """
    node, out = raw, []
    for i, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list | tuple) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif (isinstance(node, dict) and i == len(loc) - 1 and isinstance(part, str)
              and "[" not in part):
            node = _MISSING  # a missing key: still the name the curator must add
        else:
            continue
        out.append(part)
    return out


def _walk(node: Any, path: Sequence[Any]) -> Any:
    for part in path:
        node = _child(node, part)
    return node


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        return node.get(part, _MISSING)
    if isinstance(node, list | tuple) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _MISSING


def _rule_id(raw: Any, path: Sequence[Any]) -> str | None:
    """The id of the innermost list entry on `path` that has one."""
    node, found = raw, None
    for part in path:
        node = _child(node, part)
        if node is _MISSING:
            break
        if isinstance(part, int) and isinstance(node, dict):
            for key in ID_KEYS:
                if isinstance(node.get(key), str):
                    found = node[key]
                    break
    return found


def _fields_at(model: Any, path: Sequence[Any]) -> list[str]:
    """The field names the model allows at `path` (for 'did you mean'), best effort."""
    kind: Any = model
    for part in path:
        kind = _step(kind, part)
        if kind is None:
            return []
    kind = _unwrap(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return [f.alias or n for n, f in kind.model_fields.items()]
    return []


def _unwrap(kind: Any) -> Any:
    """The model inside Optional[...] / Annotated[...] / a RootModel, if there is one."""
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(kind)[0])
    if origin in (typing.Union, types.UnionType):
        models = [a for a in typing.get_args(kind) if isinstance(_unwrap(a), type)
                  and issubclass(_unwrap(a), BaseModel)]
        return _unwrap(models[0]) if models else kind
    if isinstance(kind, type) and issubclass(kind, RootModel):
        return _unwrap(kind.model_fields["root"].annotation)
    return kind


def _step(kind: Any, part: Any) -> Any:
    kind = _unwrap(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        field = kind.model_fields.get(part) or next(
            (f for f in kind.model_fields.values() if f.alias == part), None)
        return field.annotation if field is not None else None
    args = typing.get_args(kind)
    origin = typing.get_origin(kind)
    if origin in (dict, Mapping):
        return args[1] if len(args) == 2 else None
    if origin in (list, tuple, set, frozenset) and args:
        return args[0]
    return None


def line_of(name: str, path: Sequence[Any], text: str | None = None) -> int | None:
    """The 1-based line of the entry at `path` in the YAML file `name`, if it can be found.

    `name` is a packaged file ("data/…") or a path on disk; the deepest part of the path
    that exists gives the line (an unknown key's own line, a missing key's entry).
    """
    if text is None:
        text = _read(name)
        if text is None:
            return None
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line
    for part in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if str(k.value) == str(part)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
    return line + 1


def _read(name: str) -> str | None:
    """The text of a packaged data file ("data/…") or of a file on disk."""
    try:
        if name.startswith("data/"):
            return datafiles.data_path(*name.split("/")[1:]).read_text(encoding="utf-8")
        return Path(name).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None

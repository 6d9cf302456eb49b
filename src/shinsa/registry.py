"""Name → extension registries, so users add targets, scorers, converters, importers and attack
strategies without touching the core.

Built-ins register with the decorator; third-party packages declare an entry point in the
registry's group (``shinsa.targets``, ``shinsa.scorers``, ``shinsa.converters``, ``shinsa.importers``,
``shinsa.attacks``) and are loaded on first lookup. A registry holds whatever its extension point
needs: a class for targets and scorers, a :class:`~shinsa.redteam.converters.Converter` for
converters, a function for importers.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.metadata import EntryPoint, entry_points
from typing import Generic, TypeVar

from shinsa.errors import InputError

T = TypeVar("T")


class Registry(Generic[T]):
    """``builtins`` maps each built-in name to the module that registers it, so looking one name up
    imports one module: a run that needs the ``contains`` scorer never loads the LLM judges."""

    def __init__(self, kind: str, entry_point_group: str, builtins: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.entry_point_group = entry_point_group
        self._builtins = builtins or {}
        self._items: dict[str, T] = {}
        self._entry_points: dict[str, EntryPoint] | None = None

    def register(self, name: str) -> Callable[[T], T]:
        def decorate(extension: T) -> T:
            self._items[name] = extension
            return extension

        return decorate

    def _plugins(self) -> dict[str, EntryPoint]:
        if self._entry_points is None:
            self._entry_points = {ep.name: ep for ep in entry_points(group=self.entry_point_group)}
        return self._entry_points

    def __contains__(self, name: str) -> bool:
        return name in self._items or name in self._builtins or name in self._plugins()

    def get(self, name: str) -> T:
        if name not in self._items:
            if name in self._builtins:
                import_module(self._builtins[name])
            elif name in self._plugins():
                self._items[name] = self._plugins()[name].load()
        try:
            return self._items[name]
        except KeyError:
            raise InputError(f"unknown {self.kind} {name!r} (known: {', '.join(self.names())})") from None

    def names(self) -> list[str]:
        return sorted(set(self._builtins) | set(self._items) | set(self._plugins()))

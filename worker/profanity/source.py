"""better-profanity 0.7.0 as a data source: its word list and character map, read as package files.

better-profanity is located but not imported: importing it builds its 5 MB censor set (6-11 ms
here), which would eat most of the start-up budget. The character map is read from its source
with two regular expressions
(``ast`` would cost more to import than the whole map is worth).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PACKAGE = "better_profanity"

# better-profanity 0.7.0's map, used only if a later release moves it out of ``__init__``.
_FALLBACK_CHAR_MAP: dict[str, tuple[str, ...]] = {
    "a": ("a", "@", "*", "4"),
    "i": ("i", "*", "l", "1"),
    "o": ("o", "*", "0", "@"),
    "u": ("u", "*", "v"),
    "v": ("v", "*", "u"),
    "l": ("l", "1"),
    "e": ("e", "*", "3"),
    "s": ("s", "$", "5"),
    "t": ("t", "7"),
}
_CHAR_MAP = re.compile(r"self\.CHARS_MAPPING\s*=\s*\{(.*?)\n\s*\}", re.DOTALL)
_MAP_ITEM = re.compile(r"\"(\w)\"\s*:\s*\(([^)]*)\)")
_QUOTED = re.compile(r"\"([^\"]*)\"")


def package_files(name: str = PACKAGE) -> Traversable:
    """Return the folder of the installed package ``name`` without running its ``__init__``."""
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    from importlib.resources import files  # slow import, only for packages that are not plain folders

    return files(name)


def wordlist() -> list[str]:
    """Return the entries of better-profanity's ``profanity_wordlist.txt``, in file order."""
    text = package_files().joinpath("profanity_wordlist.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def char_map() -> dict[str, tuple[str, ...]]:
    """Return better-profanity's letter -> look-alike characters map."""
    try:
        source = package_files().joinpath("better_profanity.py").read_text(encoding="utf-8")
    except OSError:
        return dict(_FALLBACK_CHAR_MAP)
    found = _CHAR_MAP.search(source)
    if found is None:
        return dict(_FALLBACK_CHAR_MAP)
    mapping = {item[1]: tuple(_QUOTED.findall(item[2])) for item in _MAP_ITEM.finditer(found.group(1))}
    return mapping or dict(_FALLBACK_CHAR_MAP)

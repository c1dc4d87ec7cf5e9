"""Error typologies as versioned data files (``resources/typologies/*.json``).

Schema (``"schema": "mtreview-typology/1"``), documented in ``resources/typologies/README.md``::

    {"schema": "mtreview-typology/1", "id": str, "version": str, "name": str,
     "description": str?, "source": str?, "extends": str?, "group": str?,
     "weights": {"neutral", "minor", "minor_punctuation", "major", "critical", "non_translation": number},
     "categories": [{"path": "Top/Sub", "description": str?, "id": str?,
                     "rule": "punctuation"|"non-translation"|"source-error"?,
                     "side": "target"|"source"?, "whole_segment": bool?}]}

An extension (``"extends": "<id>"``) adds categories to its base; each added category's path starts with the
base category it maps to (``Accuracy/Mistranslation/Literal idiom`` maps to ``Accuracy/Mistranslation``).
Errors in a file raise ``InputError`` naming the file and line.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtreview import paths
from mtreview.domain.errors import InputError
from mtreview.i18n import _

SCHEMA = "mtreview-typology/1"
DEFAULT_TYPOLOGY = "google-mqm"
WEIGHT_KEYS = ("neutral", "minor", "minor_punctuation", "major", "critical", "non_translation")
RULES = ("punctuation", "non-translation", "source-error")
_CATEGORY_KEYS = {"path", "description", "id", "rule", "side", "whole_segment"}
_TOP_KEYS = {
    "schema",
    "id",
    "version",
    "name",
    "description",
    "source",
    "extends",
    "group",
    "weights",
    "categories",
}


_JSON_OBJECT: Any = getattr(json.decoder, "JSONObject")  # noqa: B009  (not in the stubs)
_PY_MAKE_SCANNER: Any = getattr(json.scanner, "py_make_scanner")  # noqa: B009


class _Obj(dict[str, Any]):
    """A JSON object that remembers the line it starts on."""

    line: int = 0


class _LineDecoder(json.JSONDecoder):
    """``json`` with objects that know their line (the pure-Python scanner, fine for small files)."""

    def __init__(self) -> None:
        super().__init__()

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[_Obj, int]:
            s, end = s_and_end
            value, new_end = _JSON_OBJECT(s_and_end, *args)
            obj = _Obj(value)
            obj.line = s.count("\n", 0, end) + 1
            return obj, new_end

        self.parse_object = parse_object
        self.scan_once = _PY_MAKE_SCANNER(self)


@dataclass(frozen=True, slots=True)
class Category:
    path: str
    """``Top/Sub`` as in Google's MQM data (extension categories: ``Top/Sub/Leaf``)."""
    description: str = ""
    id: str | None = None
    rule: str | None = None
    """``"punctuation"`` (Minor weighs ``minor_punctuation``), ``"non-translation"``, ``"source-error"``."""
    side: str = "target"
    whole_segment: bool = False
    group: str = ""
    """Top-level group shown in the picker (the path's first part, or the extension's group)."""
    keys: str = ""
    """Keyboard numbering: group digit then item digit (``"12"``), ``""`` past the tenth."""
    maps_to: str | None = None
    """For extension categories: the base MQM category they roll up to."""

    @property
    def top(self) -> str:
        return self.path.split("/", 1)[0]

    @property
    def mqm_path(self) -> str:
        return self.maps_to or self.path


@dataclass(frozen=True)
class Typology:
    id: str
    version: str
    name: str
    weights: Mapping[str, float]
    categories: tuple[Category, ...]
    description: str = ""
    source: str = ""
    files: tuple[str, ...] = ()
    _by_path: dict[str, Category] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_path.update({c.path: c for c in self.categories})

    @property
    def paths(self) -> list[str]:
        return [c.path for c in self.categories]

    def category(self, path: str) -> Category | None:
        return self._by_path.get(path)

    def by_keys(self, keys: str) -> Category | None:
        return next((c for c in self.categories if c.keys and c.keys == keys), None)

    def groups(self) -> list[str]:
        seen: list[str] = []
        for c in self.categories:
            if c.group not in seen:
                seen.append(c.group)
        return seen

    def search(self, text: str) -> list[Category]:
        """Categories whose path or description contains every word of ``text`` (case-insensitive); those
        matching by path first."""
        words = text.lower().split()
        by_path = [c for c in self.categories if all(w in c.path.lower() for w in words)]
        rest = [
            c
            for c in self.categories
            if c not in by_path and all(w in (c.path + " " + c.description).lower() for w in words)
        ]
        return by_path + rest

    def effective_weights(self, overrides: Mapping[str, Any] | None = None) -> dict[str, float]:
        """The typology's weights with a project's overrides (a plain dict) applied and validated."""
        weights = dict(self.weights)
        if overrides:
            for key, value in overrides.items():
                if key not in WEIGHT_KEYS:
                    raise InputError(_("unknown weight {key!r}").format(key=key))
                if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                    raise InputError(_("weight {key!r} must be a number ≥ 0").format(key=key))
                weights[key] = float(value)
        return weights

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "name": self.name,
            "weights": dict(self.weights),
            "categories": [c.path for c in self.categories],
        }


def typology_dir() -> Path:
    return paths.typology_dir()


def available() -> list[str]:
    return sorted(p.stem for p in typology_dir().glob("*.json"))


def _err(message: str, path: str, line: int | None) -> InputError:
    return InputError(message, path, line)


def _parse(path: Path) -> _Obj:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(_("no such typology file"), name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_("cannot read the typology: {error}").format(error=exc), name) from None
    try:
        data = _LineDecoder().decode(text)
    except json.JSONDecodeError as exc:
        raise _err(_("invalid JSON: {error}").format(error=exc.msg), name, exc.lineno) from None
    if not isinstance(data, _Obj):
        raise _err(_("a typology must be a JSON object"), name, 1)
    return data


def _str(obj: _Obj, key: str, path: str, required: bool = True) -> str:
    value = obj.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _err(_("{key!r} must be a non-empty string").format(key=key), path, obj.line)
    return value


def _digit(index: int) -> str:
    return str(index + 1) if index < 9 else ("0" if index == 9 else "")


def load_file(path: str | Path, _chain: tuple[str, ...] = ()) -> Typology:
    """Load and validate one typology file (and its base, for an extension)."""
    p = Path(path)
    name = str(p)
    data = _parse(p)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise _err(_("unknown key(s): {keys}").format(keys=", ".join(sorted(unknown))), name, data.line)
    if data.get("schema") != SCHEMA:
        raise _err(_("'schema' must be {schema!r}").format(schema=SCHEMA), name, data.line)
    tid = _str(data, "id", name)
    version = _str(data, "version", name)
    title = _str(data, "name", name)
    base: Typology | None = None
    extends = data.get("extends")
    if extends is not None:
        if not isinstance(extends, str) or extends in _chain or extends == tid:
            raise _err(_("'extends' must name another typology"), name, data.line)
        base_path = p.parent / f"{extends}.json"
        if not base_path.exists():
            raise _err(_("'extends' names an unknown typology {id!r}").format(id=extends), name, data.line)
        base = load_file(base_path, (*_chain, tid))
    weights_obj = data.get("weights")
    weights: dict[str, float] = dict(base.weights) if base else {}
    if weights_obj is None and base is None:
        raise _err(_("'weights' is required"), name, data.line)
    if weights_obj is not None:
        if not isinstance(weights_obj, _Obj):
            raise _err(_("'weights' must be an object"), name, data.line)
        for key, value in weights_obj.items():
            if key not in WEIGHT_KEYS:
                raise _err(_("unknown weight {key!r}").format(key=key), name, weights_obj.line)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise _err(_("weight {key!r} must be a number ≥ 0").format(key=key), name, weights_obj.line)
            weights[key] = float(value)
        missing = [k for k in WEIGHT_KEYS if k not in weights]
        if missing:
            raise _err(_("missing weight(s): {keys}").format(keys=", ".join(missing)), name, weights_obj.line)
    raw = data.get("categories")
    if not isinstance(raw, list) or not raw:
        raise _err(_("'categories' must be a non-empty list"), name, data.line)
    ext_group = _str(data, "group", name, required=False) if base else ""
    base_paths = {c.path: c for c in base.categories} if base else {}
    seen: set[str] = set(base_paths)
    ids: set[str] = {c.id for c in base.categories if c.id} if base else set()
    cats: list[Category] = list(base.categories) if base else []
    for item in raw:
        if not isinstance(item, _Obj):
            raise _err(_("each category must be an object"), name, data.line)
        unknown = set(item) - _CATEGORY_KEYS
        if unknown:
            raise _err(_("unknown key(s): {keys}").format(keys=", ".join(sorted(unknown))), name, item.line)
        cpath = _str(item, "path", name)
        parts = cpath.split("/")
        if any(not part.strip() or part != part.strip() for part in parts):
            raise _err(
                _("category path {path!r} has an empty or padded part").format(path=cpath), name, item.line
            )
        if cpath in seen:
            raise _err(_("duplicate category {path!r}").format(path=cpath), name, item.line)
        seen.add(cpath)
        maps_to: str | None = None
        if base is not None:
            maps_to = "/".join(parts[:-1])
            if maps_to not in base_paths:
                raise _err(
                    _("extension category {path!r} must start with a category of {base!r}").format(
                        path=cpath, base=base.id
                    ),
                    name,
                    item.line,
                )
        rule = item.get("rule")
        if rule is not None and rule not in RULES:
            raise _err(
                _("unknown rule {rule!r} (expected one of: {rules})").format(
                    rule=rule, rules=", ".join(RULES)
                ),
                name,
                item.line,
            )
        if rule is None and maps_to is not None:
            rule = base_paths[maps_to].rule
        side = item.get("side", "target")
        if side not in ("target", "source"):
            raise _err(_("'side' must be 'target' or 'source'"), name, item.line)
        whole = item.get("whole_segment", False)
        if not isinstance(whole, bool):
            raise _err(_("'whole_segment' must be true or false"), name, item.line)
        cid = item.get("id")
        if cid is not None:
            if not isinstance(cid, str) or not cid or cid in ids:
                raise _err(_("category id must be a unique non-empty string"), name, item.line)
            ids.add(cid)
        cats.append(
            Category(
                path=cpath,
                description=_str(item, "description", name, required=False),
                id=cid,
                rule=rule,
                side=side,
                whole_segment=whole,
                group=ext_group or parts[0],
                maps_to=maps_to,
            )
        )
    numbered = _number(cats)
    return Typology(
        id=tid,
        version=version,
        name=title,
        weights=weights,
        categories=tuple(numbered),
        description=_str(data, "description", name, required=False),
        source=_str(data, "source", name, required=False),
        files=((*base.files, name) if base else (name,)),
    )


def _number(cats: list[Category]) -> list[Category]:
    groups: list[str] = []
    counts: dict[str, int] = {}
    out: list[Category] = []
    for c in cats:
        if c.group not in groups:
            groups.append(c.group)
        g = _digit(groups.index(c.group))
        i = _digit(counts.get(c.group, 0))
        counts[c.group] = counts.get(c.group, 0) + 1
        keys = g + i if g and i else ""
        out.append(
            Category(c.path, c.description, c.id, c.rule, c.side, c.whole_segment, c.group, keys, c.maps_to)
        )
    return out


_CACHE: dict[str, Typology] = {}


def load(typology_id: str = DEFAULT_TYPOLOGY) -> Typology:
    """A shipped typology by id (``google-mqm``, ``mqm-core``, ``ja-extension``)."""
    if typology_id not in _CACHE:
        path = typology_dir() / f"{typology_id}.json"
        if not path.exists():
            raise InputError(
                _("unknown typology {id!r} (available: {ids})").format(
                    id=typology_id, ids=", ".join(available())
                )
            )
        _CACHE[typology_id] = load_file(path)
    return _CACHE[typology_id]

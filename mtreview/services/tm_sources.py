"""Where reference translation units come from: TM files (TMX streamed; XLIFF, PO, CSV/TSV through the
import readers) and other projects. Each yields ``(label, source, target)`` with English source and
Japanese target, plain text (inline codes left out), so the index sees one shape whatever the origin.

A file whose units are not English→Japanese is refused naming the languages it has; a malformed file is
refused with its line (``InputError``); nothing of a refused file reaches an index.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from mtreview.domain.errors import InputError
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import xmlsafe as X
from mtreview.formats.placeholders import strip_placeholders
from mtreview.i18n import _

TM_EXTENSIONS = (".tmx", ".xlf", ".xliff", ".sdlxliff", ".po", ".pot", ".csv", ".tsv", ".mtreview")
MAX_LOADED_FILE = 512 * 1024 * 1024
"""Formats read whole (XLIFF, PO, CSV) are refused above this size; TMX is streamed at any size."""

_INLINE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})


def _lang_is(lang: str, wanted: str) -> bool:
    return lang.lower().replace("_", "-").split("-")[0] == wanted


def _seg_text(seg: Any) -> str:
    """A ``<seg>``'s text without its inline codes (their content is markup, not text)."""
    parts = [seg.text or ""]
    for child in seg:
        tag = X.local(child.tag)
        if tag not in _INLINE_CODES:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


Pair = tuple[str | None, str, str]
BATCH = 2000


def _role(lang: str) -> str | None:
    """``en``, ``ja`` or ``None`` for a ``xml:lang`` value (en, en-GB, EN_us, ja-JP…)."""
    head, rest = lang[:2].lower(), lang[2:3]
    return head if head in ("en", "ja") and rest in ("", "-", "_") else None


def tmx_batches(path: Path, progress: Progress = NO_PROGRESS) -> Iterator[list[Pair]]:
    """English→Japanese pairs of a TMX file in lists of ``BATCH``, streamed (constant memory whatever its
    size). The source is the ``<tuv>`` in English, the target the one in Japanese, whatever the header's
    ``srclang`` says."""
    xml_lang = X.XML_LANG
    roles: dict[str, str | None] = {}
    pairs = 0
    limit = X.MAX_ATTRIBUTES
    batch: list[Pair] = []
    with X.iterparse(path, tags=("tu",)) as context:
        try:
            first = True
            for _event, tu in context:
                if first:
                    _check_root(tu.getroottree().getroot(), path)
                    first = False
                if len(tu.attrib) > limit:
                    raise InputError(
                        _("not well-formed XML: {error}").format(
                            error=f"<tu> has more than {limit} attributes"
                        ),
                        str(path),
                        tu.sourceline,
                    )
                en = ja = None
                for tuv in tu.iterchildren("tuv"):
                    lang = tuv.get(xml_lang) or tuv.get("lang") or ""
                    role = roles.get(lang, "?")
                    if role == "?":
                        role = roles[lang] = _role(lang)
                    if role is None or not len(tuv):
                        continue
                    seg = tuv[0]
                    if seg.tag != "seg":
                        seg = tuv.find("seg")
                        if seg is None:
                            continue
                    text = (seg.text or "") if not len(seg) else _seg_text(seg)
                    if role == "en":
                        en = en if en is not None else text
                    else:
                        ja = ja if ja is not None else text
                if en and ja and not en.isspace() and not ja.isspace():
                    batch.append((tu.get("tuid"), en, ja))
                    if len(batch) >= BATCH:
                        pairs += len(batch)
                        yield batch
                        batch = []
                        progress.check()
                        progress.report(pairs, 0, "")
                tu.clear(keep_tail=True)
                while tu.getprevious() is not None:
                    del tu.getparent()[0]
        except etree.XMLSyntaxError as exc:
            raise X.syntax_error(exc, path) from None
        except OSError as exc:
            raise InputError(str(exc), str(path)) from None
        if first:  # no <tu> at all: is it TMX?
            _check_root(X.parse_tree(path).getroot(), path)
    if batch:
        pairs += len(batch)
        yield batch
    if not pairs:
        _refuse_languages(path, sorted(roles))


def iter_tmx(path: Path, progress: Progress = NO_PROGRESS) -> Iterator[Pair]:
    for batch in tmx_batches(path, progress):
        yield from batch


def _check_root(root: Any, path: Path) -> None:
    if X.local(root.tag) != "tmx":
        raise InputError(
            _("not a TMX file (root element <{tag}>)").format(tag=X.local(root.tag)),
            str(path),
            root.sourceline,
        )


def _refuse_languages(path: Path, languages: list[str]) -> None:
    raise InputError(
        _("no English→Japanese units in this memory (languages found: {langs})").format(
            langs=", ".join(languages) or "-"
        ),
        str(path),
    )


def iter_loaded(path: Path, progress: Progress = NO_PROGRESS) -> Iterator[tuple[str | None, str, str]]:
    """Pairs of a file the import readers read whole (XLIFF, PO, CSV/TSV)."""
    from mtreview.services.project import read_input

    if path.stat().st_size > MAX_LOADED_FILE:
        raise InputError(
            _(
                "this memory is too large to load ({mb} MB); export it as TMX, which is read as a stream"
            ).format(mb=path.stat().st_size // (1024 * 1024)),
            str(path),
        )
    doc = read_input(path, None, progress)
    src, tgt = doc.source_lang or "en", doc.target_lang or "ja"
    swap = _lang_is(src, "ja") and _lang_is(tgt, "en")
    if not swap and not (_lang_is(src, "en") and _lang_is(tgt, "ja")):
        _refuse_languages(path, [src, tgt])
    for i, seg in enumerate(doc.segments, start=1):
        target = seg.corrected if seg.corrected is not None else seg.target
        source = strip_placeholders(seg.source)
        target = strip_placeholders(target)
        if swap:
            source, target = target, source
        if source.strip() and target.strip():
            yield seg.key or str(i), source, target


def iter_file(
    path: str | os.PathLike[str], progress: Progress = NO_PROGRESS
) -> Iterator[tuple[str | None, str, str]]:
    p = Path(path)
    if not p.exists():
        raise InputError(_("no such file"), str(p))
    if not p.is_file():
        raise InputError(_("this is not a file"), str(p))
    if p.name.lower().endswith(".tmx"):
        return iter_tmx(p, progress)
    if p.name.lower().endswith(TM_EXTENSIONS):
        return iter_loaded(p, progress)
    raise InputError(
        _("not a translation memory format (expected one of: {known})").format(
            known=", ".join(TM_EXTENSIONS)
        ),
        str(p),
    )


def file_batches(path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> Iterator[list[Pair]]:
    """The pairs of a TM file in lists of up to ``BATCH`` (what an index build consumes)."""
    p = Path(path)
    if p.name.lower().endswith(".tmx") and p.is_file():
        yield from tmx_batches(p, progress)
        return
    batch: list[Pair] = []
    for pair in iter_file(p, progress):
        batch.append(pair)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch

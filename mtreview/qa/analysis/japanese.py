"""Japanese tokens from MeCab with IPADIC (the analyser ``sacrebleu[ja]`` already brings).

Why MeCab/IPADIC rather than fugashi+UniDic or Sudachi: it is already a dependency (BLEU's ``ja-mecab``
tokenizer), it is a fast C library (about 30 µs for an 80-character sentence here), and IPADIC's base
forms and coarse parts of speech are all the checks need (negation auxiliaries, nouns, verbs, particles).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any, NamedTuple

_LOCK = threading.Lock()
_TAGGER: Any = None


class Token(NamedTuple):
    surface: str
    start: int
    end: int
    pos: str
    """IPADIC part of speech (名詞, 動詞, 助動詞…)."""
    pos1: str
    """Its first subdivision (一般, 固有名詞, 非自立, 数…)."""
    base: str
    """Dictionary form (the surface for unknown words)."""
    conj: str = ""
    """Conjugation form (連用形, 未然形…)."""

    @property
    def content(self) -> bool:
        """A content word: a noun (not a number, pronoun or dependent noun), verb, adjective or adverb."""
        if self.pos == "名詞":
            return self.pos1 not in ("数", "非自立", "代名詞", "接尾", "特殊")
        return self.pos in ("動詞", "形容詞", "副詞") and self.pos1 != "非自立"


def _tagger() -> Any:
    global _TAGGER
    if _TAGGER is None:
        import ipadic
        import MeCab

        # only the fields the checks read: surface, part of speech, its subdivision, base, conjugation
        _TAGGER = MeCab.Tagger(ipadic.MECAB_ARGS + _FORMAT)
    return _TAGGER


_FORMAT = r" -F%m\\t%f[0],%f[1],%f[6],%f[5]\\n -U%m\\t%f[0],%f[1],*,*\\n -EEOS\\n"
"""MeCab's argument parser eats one level of backslashes: ``\\t`` reaches the formatter as a tab."""


@lru_cache(maxsize=16)
def tokens(text: str) -> tuple[Token, ...]:
    """MeCab's tokens with code-point offsets into ``text`` (whitespace is skipped, as MeCab does)."""
    if not text:
        return ()
    with _LOCK:  # a MeCab tagger is not thread-safe
        parsed = _tagger().parse(text)
    out: list[Token] = []
    pos = 0
    find = text.find
    make = tuple.__new__  # Token(...) without the named tuple's Python-level __new__
    for line in parsed.split("\n"):
        if not line or line == "EOS":
            continue
        surface, _tab, feature = line.partition("\t")
        if not surface:
            continue
        start = find(surface, pos)
        if start < 0:  # MeCab normalised something: resynchronise on the next token
            continue
        end = start + len(surface)
        pos = end
        fields = feature.split(",")
        if len(fields) == 4:
            pos_, pos1, base, conj = fields
        else:  # a comma inside a field (the base form of ","), or fields missing
            pos_, pos1, base, conj = [*fields, "", "", "", ""][:4]
        out.append(
            make(Token, (surface, start, end, pos_, pos1, surface if base in ("*", "") else base, conj))
        )
    return tuple(out)


SENTENCE_END = "。！？!?"


def has_sentence_break(text: str) -> bool:
    """Whether ``text`` may hold more than one sentence (a terminator or a line break before its end)."""
    body = text.rstrip().rstrip("」』）)”")
    return any(ch in body[:-1] for ch in SENTENCE_END) or "\n" in body


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (end exclusive, the terminator included); a closing bracket after 。 stays with it."""
    return list(_sentences(text))


_BREAK = re.compile(r"[。！？!?\n][」』）)”]*")
"""A sentence end: a terminator or a line break, with the closing brackets after it."""


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple((s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans)

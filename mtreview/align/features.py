"""What the aligner knows about a paragraph: its script, its length, and the anchors that survive
translation (numbers, Latin tokens, URLs, names across scripts, quotes, speaker labels).

Extraction is in two steps: ``raw_features`` looks at one paragraph alone; ``DocumentFeatures``
then looks at both sides of a document, keeps only the Latin tokens that occur on both sides,
maps katakana names to English capitalised words (``mtreview.align.names``) and weighs every
anchor by how rare it is in the document (an anchor in every paragraph says nothing).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from mtreview.align.names import NameMatcher

_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc\u30fd\u30fe]+")

# ---------------------------------------------------------------------------------------- scripts

_JA_LETTER = re.compile(
    r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]"
)
_JA_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


_JA_LETTERS = re.compile(_JA_LETTER.pattern + "+")
_JA_CHARS = re.compile(_JA_CHAR.pattern + "+")
_LATIN_LETTERS = re.compile(_LATIN_LETTER.pattern + "+")


def script_counts(text: str) -> tuple[int, int]:
    """(Japanese letters — kana and kanji —, Latin letters) in ``text``."""
    return sum(map(len, _JA_LETTERS.findall(text))), sum(map(len, _LATIN_LETTERS.findall(text)))


def japanese_ratio(text: str) -> float:
    """Share of Japanese among the letters of ``text``; a Japanese letter weighs about three Latin ones
    (a kanji carries about a word). 0.5 when there are no letters at all."""
    ja, latin = script_counts(text)
    if ja + latin == 0:
        return 0.5
    return ja / (ja + latin * 0.35)


def language_of(text: str) -> str:
    """``"ja"``, ``"en"`` (any Latin-script text) or ``"sym"`` (no letters: ``...``, ``---``, numbers)."""
    ja, latin = script_counts(text)
    if ja + latin == 0:
        return "sym"
    return "ja" if ja / (ja + latin * 0.35) >= 0.5 else "en"


# ---------------------------------------------------------------------------------------- anchors

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'「」（）()]+", re.IGNORECASE)
_LATIN_TOKEN = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9]*(?:[-.'’_+][A-Za-z0-9]+)*")
_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]*)*$|^[A-Z]{2,}[a-z]*$")
_JA_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d])")
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.,])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(\s*(?:million|billion|trillion|thousand|bn|[mMkK](?![A-Za-z])|万|億|兆|千)(?![a-z]))?"
    r"(?![A-Za-z\d])",
)
_VERSION = re.compile(r"(?<![\w.])\d+(?:\.\d+){2,}(?![\d.])")
_DATE_HINT = re.compile(r"\d{4}[-/.]\d")
_VERSION_HINT = re.compile(r"\d\.\d+\.\d")
_MULTIPLIER = {
    "thousand": 1e3,
    "k": 1e3,
    "千": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "万": 1e4,
    "億": 1e8,
    "兆": 1e12,
}
_EN_QUOTE = re.compile(r"(?:^|[\s(\[—–-])[“\"‘«]")
_JA_QUOTE = re.compile(r"[「『“\"«]")
_SPEAKER = re.compile(r"^(?P<label>[^:：]{1,40}?)\s*[:：](?!//)\s*(?P<rest>\S.*)$", re.DOTALL)
_HIRAGANA = re.compile(r"[\u3041-\u3096]")
_SPEAKER_BAD = re.compile(r"[。、,.!?！？「」『』“”\";；]")
_MARKDOWN_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "me",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "them",
        "us",
        "not",
        "no",
        "yes",
        "do",
        "does",
        "did",
        "done",
        "so",
        "than",
        "then",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "one",
        "can",
        "could",
        "should",
        "would",
        "will",
        "may",
        "might",
        "must",
        "have",
        "has",
        "had",
        "also",
        "just",
        "only",
        "very",
        "more",
        "most",
        "such",
        "into",
        "over",
        "about",
        "after",
        "before",
    ]
)


@dataclass(frozen=True, slots=True)
class RawFeatures:
    text: str
    language: str
    cjk_chars: int
    other_chars: int
    numbers: frozenset[str]
    latin: frozenset[str]
    capitalised: frozenset[str]
    katakana: frozenset[str]
    urls: frozenset[str]
    symbol_key: str | None
    speaker: bool
    quote: bool


_JA_COMPOUND = re.compile(r"(?<![\d.,])\d+(?:[兆億万千]\d+)+(?:[兆億万千](?!\d))?")
"""A number written with several of 兆/億/万/千 and digits after one of them: 2万7400, 1億2000万, 5万2千."""
_JA_UNITS = {"兆": 10**12, "億": 10**8, "万": 10**4, "千": 10**3}


def _ja_compound(match: re.Match[str]) -> str:
    """2万7400 → 27400 (as digits the number pattern reads like the English 27,400)."""
    total = 0
    for digits, unit in re.findall(r"(\d+)([兆億万千]?)", match.group()):
        total += int(digits) * _JA_UNITS.get(unit, 1)
    return str(total)


def _number_key(whole: str, frac: str | None, mult: str | None) -> str:
    value = float(whole.replace(",", "") + (frac or ""))
    if mult:
        value *= _MULTIPLIER.get(mult.strip().lower(), _MULTIPLIER.get(mult.strip(), 1.0))
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def _numbers(text: str) -> set[str]:
    found: set[str] = set()

    def date(match: re.Match[str]) -> str:
        parts = [p for p in match.groups() if p]
        found.add("-".join([parts[0], *(p.zfill(2) for p in parts[1:])]))
        return " "

    def ja_date(match: re.Match[str]) -> str:
        found.add(match.group(1))  # the year alone too: "September 2026" gives only the number 2026
        return date(match)

    if "年" in text:
        text = _JA_DATE.sub(ja_date, text)
    if "万" in text or "億" in text or "兆" in text:
        text = _JA_COMPOUND.sub(_ja_compound, text)
    if _DATE_HINT.search(text):
        text = _ISO_DATE.sub(date, text)
    if _VERSION_HINT.search(text):
        for version in _VERSION.findall(text):
            found.add(version)
        text = _VERSION.sub(" ", text)
    for whole, frac, mult in _NUMBER.findall(text):
        if not frac and not mult and len(whole) < 4 and "," not in whole:
            found.add(whole.lstrip("0") or "0")
        else:
            found.add(_number_key(whole, frac, mult))
    return found


def _is_speaker(text: str) -> bool:
    m = _SPEAKER.match(text)
    if m is None:
        return False
    label = m.group("label").strip()
    if not label or label.isdigit() or _SPEAKER_BAD.search(re.sub(r"\([^)]*\)|（[^）]*）", "", label)):
        return False
    if label[-1].isdigit() and m.group("rest")[:1].isdigit():
        return False  # a time or a ratio: 10:30
    if _JA_CHAR.search(label):
        return len(label) <= 16 and len(_HIRAGANA.findall(label)) <= 2
    return len(label.split()) <= 5


_DIGIT = re.compile(r"\d")


def raw_features(text: str) -> RawFeatures:
    norm = text if text.isascii() else unicodedata.normalize("NFKC", text)
    body = _MARKDOWN_PREFIX.sub("", norm)
    ja_letters, latin_letters = script_counts(norm)
    if ja_letters + latin_letters == 0:
        language = "sym"
    else:
        language = "ja" if ja_letters / (ja_letters + latin_letters * 0.35) >= 0.5 else "en"
    cjk = sum(map(len, _JA_CHARS.findall(text)))
    other = len("".join(text.split())) - cjk
    if "http" in norm or "www." in norm:
        urls = {u.rstrip(".,;:)」").lower() for u in _URL.findall(norm)}
        no_urls = _URL.sub(" ", norm)
    else:
        urls, no_urls = set(), norm
    tokens = _LATIN_TOKEN.findall(no_urls)
    latin = {t.lower().strip("'’") for t in tokens}
    latin -= STOPWORDS
    capitalised = {
        t for t in tokens if t[0].isupper() and _CAPITALISED.match(t) and t.lower() not in STOPWORDS
    }
    symbol_key = None
    if language == "sym":
        symbol_key = re.sub(r"\s+", "", norm)
    quote = bool(_EN_QUOTE.search(norm)) if language == "en" else bool(_JA_QUOTE.search(norm))
    return RawFeatures(
        text=text,
        language=language,
        cjk_chars=cjk,
        other_chars=max(0, other),
        numbers=frozenset(_numbers(no_urls)) if _DIGIT.search(no_urls) else frozenset(),
        latin=frozenset(latin),
        capitalised=frozenset(capitalised),
        katakana=frozenset(_KATAKANA_RUN.findall(norm)) if language != "en" else frozenset(),
        urls=frozenset(urls),
        symbol_key=symbol_key,
        speaker=":" in body[:42] and _is_speaker(body),
        quote=quote,
    )


@dataclass(frozen=True, slots=True)
class UnitFeatures:
    """One paragraph as the aligner sees it."""

    length: float
    """Length in English characters (Japanese characters divided by the document's ratio)."""
    tokens: frozenset[str]
    speaker: bool
    quote: bool
    truncated: bool = False
    """Long and ending mid-sentence (a page cut off here): being shorter than its counterpart is expected."""
    cjk_chars: int = 0
    other_chars: int = 0
    compound: bool = False
    """Two clauses joined in one paragraph (", and …", "…ており、…"): where a translation usually splits
    one paragraph in two or merges two into one."""
    sentence: bool = False
    """Ends as a sentence does (。.!? …) and has a few words: body text, not page chrome (menus, buttons,
    bylines, "Share", "原文を表示"). Costly to leave unpaired after the last pair (see ``AlignParams``)."""

    def with_ratio(self, ratio: float) -> UnitFeatures:
        """The same unit measured with another Japanese/English character ratio."""
        return replace(self, length=self.cjk_chars / ratio + self.other_chars)


_TERMINAL = frozenset("。．.!?！？」』\"”’')）)]】:：…")
_TRUNCATION_MIN_CHARS = 30


_EN_JOIN = re.compile(
    r"\w[,;] (?:and|but|while|so|whereas|although|though|which|with) \w|\w; \w|\w[.!?][\"”’']? [A-Z]"
)
_JA_JOIN = re.compile(r"(?:て|で|り|し|く|が|ら|つつ|ながら)、.{6,}")


def looks_compound(text: str) -> bool:
    """Two clauses (or sentences) in one paragraph, joined in the way a translation most often splits or
    merges: English ", and"/"; "/two sentences, Japanese continuative forms (…ており、…, …で、…)."""
    if _JA_CHARS.search(text):
        body = text.rstrip("。．！？」』 ")
        return _JA_JOIN.search(body) is not None or bool(re.search(r"。.{6,}", body))
    return _EN_JOIN.search(text) is not None


_SENTENCE_END = re.compile(r"[。．.!?！？…][\"”’'」』)）\]】]*$")


def looks_like_sentence(text: str) -> bool:
    """A paragraph of body text: ends with sentence punctuation (or, in Japanese, a closing quotation
    mark) and has at least three English words or six Japanese characters (page chrome rarely does both)."""
    text = text.strip()
    cjk = sum(map(len, _JA_CHARS.findall(text)))
    if not _SENTENCE_END.search(text):
        # Japanese often closes a quotation without 。: 彼女は言う。「ここは町の台所です」
        return cjk >= 6 and text.endswith(("」", "』")) and ("「" in text or "『" in text)
    return cjk >= 6 or len(text.split()) >= 3


def looks_truncated(text: str) -> bool:
    """A paragraph that ends mid-sentence: long, with no closing punctuation or with a comma."""
    text = text.rstrip()
    if not text or text[-1] in _TERMINAL:
        return False
    # a Japanese character carries about two English characters' worth of text
    cjk = sum(map(len, _JA_CHARS.findall(text))) if len(text) < _TRUNCATION_MIN_CHARS else 0
    return len(text) + cjk >= _TRUNCATION_MIN_CHARS


@dataclass
class DocumentFeatures:
    source: list[UnitFeatures]
    target: list[UnitFeatures]
    weights: dict[str, float]
    ratio: float
    """Japanese characters per English character, estimated from this document."""
    name_map: dict[str, str] = field(default_factory=dict)
    """katakana word → English word it was matched to."""


DEFAULT_RATIO = 0.30  # Japanese characters per English character of MT (see calibrate_ratio)
_KIND_WEIGHT = {"n": 1.2, "w": 1.0, "u": 2.0, "s": 2.5}


def _length(raw: RawFeatures, ratio: float) -> float:
    return raw.cjk_chars / ratio + raw.other_chars


def estimate_ratio(source: Sequence[RawFeatures], target: Sequence[RawFeatures]) -> float:
    """Japanese characters per English character over the whole document, clipped to a sane range."""
    cjk = sum(r.cjk_chars for r in target)
    en = sum(r.other_chars + r.cjk_chars for r in source) - sum(r.other_chars for r in target)
    if cjk < 50 or en < 150:
        return DEFAULT_RATIO
    return min(0.8, max(0.15, cjk / en))


LOANWORD_LIMIT = 3000
"""Documents with at most this many source paragraphs also match katakana loanwords to lower-case English
words (a look-up over the whole vocabulary: cheap for pages, not needed for long corpora)."""
LOANWORD_MIN = 5
LOANWORD_THRESHOLD = 0.86


def document_features(source_texts: Sequence[str], target_texts: Sequence[str]) -> DocumentFeatures:
    """Features of both sides of one document (source = English, target = Japanese)."""
    tgt_raw = [raw_features(t) for t in target_texts]
    tgt_vocabulary: set[str] = set().union(*(r.latin for r in tgt_raw)) if tgt_raw else set()

    def source_raw(text: str) -> RawFeatures:
        # keep only the Latin tokens that can ever match: memory stays small on long documents
        raw = raw_features(text)
        keep = raw.latin & (tgt_vocabulary | {c.lower() for c in raw.capitalised})
        return replace(raw, latin=frozenset(keep)) if len(keep) < len(raw.latin) else raw

    loanwords = len(source_texts) <= LOANWORD_LIMIT
    src_loans: list[frozenset[str]] = []
    if loanwords:
        # lower-case English words a katakana loanword may render
        # (roguelike ↔ ローグライク, reviews ↔ レビュー)
        src_raw = []
        for text in source_texts:
            raw = raw_features(text)
            src_loans.append(frozenset(w for w in raw.latin if len(w) >= LOANWORD_MIN and w.isalpha()))
            keep = raw.latin & (tgt_vocabulary | {c.lower() for c in raw.capitalised})
            src_raw.append(replace(raw, latin=frozenset(keep)) if len(keep) < len(raw.latin) else raw)
    else:
        src_raw = [source_raw(t) for t in source_texts]
    ratio = estimate_ratio(src_raw, tgt_raw)

    src_latin: set[str] = set().union(*(r.latin for r in src_raw)) if src_raw else set()
    tgt_latin: set[str] = set().union(*(r.latin for r in tgt_raw)) if tgt_raw else set()
    shared_latin = src_latin & tgt_latin
    capitalised: set[str] = set().union(*(r.capitalised for r in src_raw)) if src_raw else set()
    matcher = NameMatcher(sorted(capitalised))
    name_map: dict[str, str] = {}
    for word in sorted(set().union(*(r.katakana for r in tgt_raw)) if tgt_raw else set()):
        english = matcher.match(word)
        if english is not None:
            name_map[word] = english.lower()
    if loanwords and src_loans:
        vocabulary = set().union(*src_loans)
        singular = {w[:-1]: w for w in vocabulary if w.endswith("s") and not w.endswith("ss")}
        loan_matcher = NameMatcher(sorted(vocabulary | set(singular)), threshold=LOANWORD_THRESHOLD)
        for word in sorted(set().union(*(r.katakana for r in tgt_raw)) if tgt_raw else set()):
            if word in name_map or len(word) < 4:
                continue
            english = loan_matcher.match(word)
            if english is not None:
                name_map[word] = singular.get(english, english) if english not in vocabulary else english
    named = set(name_map.values())

    def tokens(raw: RawFeatures, side: str) -> frozenset[str]:
        out = {"n:" + n for n in raw.numbers}
        out |= {"u:" + u for u in raw.urls}
        out |= {"w:" + w for w in raw.latin if w in shared_latin or w in named}
        if side == "t":
            out |= {"w:" + name_map[k] for k in raw.katakana if k in name_map}
        if raw.symbol_key:
            out.add("s:" + raw.symbol_key)
        return frozenset(out)

    src_tokens = [tokens(r, "s") for r in src_raw]
    if loanwords and src_loans:
        src_tokens = [
            ts | {"w:" + w for w in loans if w in named}
            for ts, loans in zip(src_tokens, src_loans, strict=True)
        ]
    tgt_tokens = [tokens(r, "t") for r in tgt_raw]
    src_df = Counter(t for ts in src_tokens for t in ts)
    tgt_df = Counter(t for ts in tgt_tokens for t in ts)
    total = max(2, len(src_tokens) + len(tgt_tokens))
    weights: dict[str, float] = {}
    for token in src_df.keys() & tgt_df.keys():
        df = src_df[token] + tgt_df[token]
        idf = math.log(total / df)
        weights[token] = _KIND_WEIGHT[token[0]] * min(3.0, max(0.25, idf)) / 3.0 * 2.0
    # tokens on one side only can never match: drop them (they would only add noise)
    src_units = [
        UnitFeatures(
            _length(r, ratio),
            frozenset(t for t in ts if t in weights),
            r.speaker,
            r.quote,
            looks_truncated(r.text),
            r.cjk_chars,
            r.other_chars,
            looks_compound(r.text),
            looks_like_sentence(r.text),
        )
        for r, ts in zip(src_raw, src_tokens, strict=True)
    ]
    tgt_units = [
        UnitFeatures(
            _length(r, ratio),
            frozenset(t for t in ts if t in weights),
            r.speaker,
            r.quote,
            looks_truncated(r.text),
            r.cjk_chars,
            r.other_chars,
            looks_compound(r.text),
            looks_like_sentence(r.text),
        )
        for r, ts in zip(tgt_raw, tgt_tokens, strict=True)
    ]
    return DocumentFeatures(src_units, tgt_units, weights, ratio, name_map)


def ratio_of_pairs(
    source: Sequence[UnitFeatures],
    target: Sequence[UnitFeatures],
    links: Sequence[tuple[Sequence[int], Sequence[int]]],
) -> float | None:
    """Japanese characters per English character over aligned pairs only (no preface, summary or chrome);
    ``None`` when the pairs hold too little text to tell."""
    cjk = en = 0
    for src, tgt in links:
        cjk += sum(target[t].cjk_chars for t in tgt)
        en += sum(source[s].other_chars + source[s].cjk_chars for s in src) - sum(
            target[t].other_chars for t in tgt
        )
    if cjk < 50 or en < 150:
        return None
    return min(0.8, max(0.15, cjk / en))

"""Lexicons the checks read, shipped as data and extendable by the user.

Files (UTF-8, ``#`` starts a comment line, blank lines ignored) in ``resources/lexicons/`` (see
``mtreview.paths``) and, with the same names, in the user's lexicon folder (``<data dir>/lexicons``) or
given explicitly:

* ``idioms.tsv`` — ``idiom <TAB> pattern <TAB> literal|words <TAB> accepted|renderings <TAB> meaning``.
  ``pattern`` may be empty (the idiom itself is the pattern) or use the small pattern language below, or
  ``re:<regular expression>``.
* ``given_names.txt`` — one English given name per line.
* ``org_suffixes.txt`` — one organisation suffix per line (``Inc``, ``Labs``…).
* ``false_friends.tsv`` — ``source pattern <TAB> forbidden Japanese <TAB> suggestion <TAB> note``; an empty
  source pattern forbids the term everywhere.

Idiom pattern language: words separated by spaces; the first word (and every word ending in ``+``) also
matches its inflections (spill → spills, spilled, spilt, spilling); ``one's`` any possessive; ``oneself``
any reflexive pronoun; ``someone``/``something`` one to three words; ``*`` up to three words; ``a/the``
alternatives; ``(word)`` an optional word. Matching is case-insensitive on word boundaries.

Bad files raise ``InputError`` naming the file and line; duplicates are errors too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mtreview.domain.errors import InputError
from mtreview.domain.patterns import PatternError, UserPattern, compile_pattern
from mtreview.i18n import _
from mtreview.paths import lexicon_dir

LEXICON_DIR = lexicon_dir()


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset(
    """a an the of to in on at by for with from up down out off over under into onto upon about as and or
    but nor so yet if then than that this these those it its it's is are was were be been being am do does
    did done has have had having not no one one's someone something oneself sb sth who whom whose what
    which when where why how all any some each every very too just only also even still my your his her
    our their them they we you he she i me us him own"""
)

# Frequent words that make poor anchors (an idiom is tried only when its anchor word is in the source).
FREQUENT = _wordset(
    """again back before big check come day down end even first get give go good great hand head high keep
    last let like little long look make man more new next old over own part place play point put right run
    say see set side small take than through time top turn under up use way well while work world year
    about after all also any around away bad best better call can case come even ever face fall far few
    find form free full half hard have hold home house just kind know large late left less line live lot
    low mean mind most move much must name need never nothing now off once open other out pass pay pick
    pull real rest room same seem show sit so start still such sure tell thing think three two want way"""
)


def _depth_zero(regex: str, word: str) -> bool:
    """Whether ``word`` occurs in ``regex`` outside any group (so every match contains it)."""
    for m in re.finditer(r"(?<![a-z])" + re.escape(word) + r"(?![a-z])", regex):
        depth = 0
        for ch in regex[: m.start()]:
            depth += 1 if ch == "(" else -1 if ch == ")" else 0
        if depth == 0:
            return True
    return False


def _anchor_key(word: str) -> tuple[bool, int]:
    return (word not in FREQUENT, len(word))


IRREGULAR = {
    "be": "am is are was were been being",
    "bear": "bore borne born bears bearing",
    "beat": "beat beaten beats beating",
    "become": "became becomes becoming",
    "begin": "began begun",
    "bend": "bent",
    "bite": "bit bitten biting",
    "blow": "blew blown",
    "break": "broke broken",
    "bring": "brought",
    "build": "built",
    "burn": "burnt burned",
    "buy": "bought",
    "catch": "caught",
    "choose": "chose chosen",
    "come": "came coming",
    "cost": "cost",
    "cut": "cut cutting",
    "deal": "dealt",
    "dig": "dug digging",
    "do": "did done does doing",
    "draw": "drew drawn",
    "drink": "drank drunk",
    "drive": "drove driven",
    "eat": "ate eaten",
    "fall": "fell fallen",
    "feed": "fed",
    "feel": "felt",
    "fight": "fought",
    "find": "found",
    "fly": "flew flown flies",
    "forget": "forgot forgotten",
    "freeze": "froze frozen",
    "get": "got gotten getting",
    "give": "gave given giving",
    "go": "went gone goes",
    "grow": "grew grown",
    "hang": "hung",
    "have": "had has having",
    "hear": "heard",
    "hide": "hid hidden",
    "hit": "hit hitting",
    "hold": "held",
    "keep": "kept",
    "know": "knew known",
    "lay": "laid",
    "lead": "led",
    "leave": "left",
    "lend": "lent",
    "let": "let letting",
    "lie": "lay lain lying",
    "light": "lit lighted",
    "lose": "lost",
    "make": "made making",
    "mean": "meant",
    "meet": "met",
    "pay": "paid",
    "put": "put putting",
    "read": "read",
    "ride": "rode ridden",
    "ring": "rang rung",
    "rise": "rose risen",
    "run": "ran running",
    "say": "said",
    "see": "saw seen",
    "sell": "sold",
    "send": "sent",
    "set": "set setting",
    "shake": "shook shaken",
    "shoot": "shot",
    "show": "showed shown",
    "shut": "shut shutting",
    "sing": "sang sung",
    "sink": "sank sunk",
    "sit": "sat sitting",
    "sleep": "slept",
    "slip": "slipped slipping",
    "speak": "spoke spoken",
    "spend": "spent",
    "spill": "spilt spilled",
    "spin": "spun spinning",
    "split": "split splitting",
    "spread": "spread",
    "stand": "stood",
    "steal": "stole stolen",
    "stick": "stuck",
    "sting": "stung",
    "strike": "struck",
    "swallow": "swallowed",
    "swim": "swam swum swimming",
    "swing": "swung",
    "take": "took taken taking",
    "teach": "taught",
    "tear": "tore torn",
    "tell": "told",
    "think": "thought",
    "throw": "threw thrown",
    "wake": "woke woken",
    "wear": "wore worn",
    "win": "won winning",
    "write": "wrote written",
}
POSSESSIVE = (
    r"(?:my|your|his|her|its|our|their|one's|someone's|somebody's|(?:the\s+)?[a-z]+(?:['’]s|s['’](?!\w)))"
)
"""A possessive slot: pronouns, ``Ana's``, ``the regulators'``."""
REFLEXIVE = r"(?:myself|yourself|himself|herself|itself|ourselves|yourselves|themselves|oneself)"
SOME_WORDS = r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
ANY_WORDS = r"(?:[\w'’-]+\s+){0,3}?"
ADVERB_SLOT = (
    r"(?:(?:right|just|really|squarely|firmly|well|all|completely|totally|now|even|still|already|finally|"
    r"truly|simply|never|ever|not|also|actually|certainly|clearly|once\s+again|again)\s+)?"
)
"""An optional adverb between two words of a plain idiom pattern ("hit the nail right on the head")."""


_IRREGULAR_BASE: dict[str, str] | None = None


def irregular_base(form: str) -> str | None:
    """The verb an irregular form belongs to (rose → rise, found → find), from ``IRREGULAR``."""
    global _IRREGULAR_BASE
    if _IRREGULAR_BASE is None:
        _IRREGULAR_BASE = {f: base for base, forms in IRREGULAR.items() for f in forms.split() if f != base}
    return _IRREGULAR_BASE.get(form)


def inflections(word: str) -> list[str]:
    """The word and its regular and irregular inflections (for verbs and nouns alike; overgeneration is
    harmless because the rest of the pattern must match too)."""
    forms = {word}
    forms.update(IRREGULAR.get(word, "").split())
    if word.endswith("e"):
        forms.update({word + "s", word + "d", word[:-1] + "ing"})
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.update({word[:-1] + "ies", word[:-1] + "ied", word + "ing"})
    else:
        sibilant = word.endswith(("s", "x", "z", "ch", "sh"))
        forms.update({word + ("es" if sibilant else "s"), word + "ed", word + "ing"})
        if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    return sorted(forms, key=len, reverse=True)


@dataclass(frozen=True)
class Idiom:
    idiom: str
    pattern: re.Pattern[str] | UserPattern
    literal: tuple[str, ...]
    accepted: tuple[str, ...]
    meaning: str
    anchors: frozenset[str]
    """Lower-case words one of which must be in the source for the pattern to be tried."""
    path: str
    line: int
    required: frozenset[str] = frozenset()
    """Words that every match contains as they are: a cheap test before the regular expression."""
    words: str = ""
    """The idiom in the pattern language (its pattern, or the idiom itself for a ``re:`` pattern): what
    the lemma matcher (``qa.idiom_lemmas``) reads."""


def compile_idiom_pattern(idiom: str, pattern: str) -> tuple[re.Pattern[str] | UserPattern, frozenset[str]]:
    """Compile the pattern language; ``PatternError`` on a bad or unsupported regular expression."""
    compiled, anchors, _required = compile_idiom(idiom, pattern)
    return compiled, anchors


def compile_idiom(
    idiom: str, pattern: str
) -> tuple[re.Pattern[str] | UserPattern, frozenset[str], frozenset[str]]:
    """(regex, anchor words, words that must all be in the source) of an idiom entry.

    A ``re:`` pattern is the user's own regular expression: it runs in linear time
    (``domain.patterns``, RE2), and is refused with ``PatternError`` if RE2 cannot run it."""
    words = re.findall(r"[a-z][a-z'’-]*", idiom.lower())
    content = [w for w in words if w not in STOPWORDS] or words
    if pattern.startswith("re:"):
        user = compile_pattern(pattern[3:], ignore_case=True)
        fixed = [w for w in content if _depth_zero(pattern[3:].lower(), w)]
        if fixed:
            return user, frozenset({max(fixed, key=_anchor_key)}), frozenset()
        return user, frozenset({form for w in content for form in inflections(w)}), frozenset()
    text = pattern or idiom
    parts: list[str] = []
    anchors: set[str] = set()
    required: set[str] = set()
    tokens = text.lower().split()
    for i, raw in enumerate(tokens):
        optional = raw.startswith("(") and raw.endswith(")")
        token = raw.strip("()")
        inflect = token.endswith("+") or i == 0
        token = token.rstrip("+")
        if token in ("one's", "someone's"):
            piece = POSSESSIVE
        elif token == "oneself":
            piece = REFLEXIVE
        elif token in ("someone", "something", "somebody", "sb", "sth"):
            piece = SOME_WORDS
        elif token == "*":
            parts.append(ANY_WORDS)
            continue
        else:
            alternatives = token.split("/")
            forms: list[str] = []
            for alt in alternatives:
                alt_forms = inflections(alt) if inflect and alt not in STOPWORDS else [alt]
                forms.extend(alt_forms)
                if alt not in STOPWORDS:
                    anchors.update(alt_forms)
            piece = "(?:" + "|".join(re.escape(f).replace("'", "['’]") for f in forms) + ")"
            if not optional and len(forms) == 1 and forms[0].isalpha() and forms[0].isascii():
                required.add(forms[0])
        parts.append(f"(?:{piece}\\s+)?" if optional else piece + r"\s+" + ADVERB_SLOT)
    # one anchor is enough (every word of a plain pattern must be present): the longest content word
    content_words = [t.strip("()").rstrip("+") for t in tokens]
    content_words = [
        w
        for w in content_words
        if w not in STOPWORDS
        and w != "*"
        and "/" not in w
        and w not in ("one's", "oneself", "someone", "something", "someone's")
    ]
    if content_words:
        anchor = max(content_words, key=_anchor_key)
        narrowed = {form for form in anchors if form == anchor or form in inflections(anchor)}
        if narrowed:
            anchors = narrowed
    regex = "".join(parts)
    regex = regex[: -len(ADVERB_SLOT)] if regex.endswith(ADVERB_SLOT) else regex
    regex = regex[: -len(r"\s+")] if regex.endswith(r"\s+") else regex
    if not anchors:
        anchors = set(words)
    compiled = re.compile(r"(?<!\w)" + regex + r"(?!\w|['’]\w)", re.IGNORECASE)
    return compiled, frozenset(anchors), frozenset(required)


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {error}").format(error=exc.strerror or exc), str(path)
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise InputError(_("the file is not UTF-8"), str(path), bad_line) from None
    for number, raw in enumerate(text.splitlines(), 1):
        if "\x00" in raw:
            raise InputError(_("the file contains NUL characters"), str(path), number)
        stripped = raw.strip()
        if stripped and not stripped.startswith("#"):
            yield number, raw.rstrip("\r\n")


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def load_idioms(path: Path) -> list[Idiom]:
    idioms: list[Idiom] = []
    seen: dict[str, int] = {}
    for number, line in _lines(path):
        cols = line.split("\t")
        if len(cols) < 3:
            raise InputError(
                _(
                    "expected at least 3 tab-separated columns (idiom, pattern, literal words), found {n}"
                ).format(n=len(cols)),
                str(path),
                number,
            )
        idiom, pattern, literal = cols[0].strip(), cols[1].strip(), _split(cols[2])
        accepted = _split(cols[3]) if len(cols) > 3 else ()
        meaning = cols[4].strip() if len(cols) > 4 else ""
        if not idiom:
            raise InputError(_("the idiom column is empty"), str(path), number)
        if not literal:
            raise InputError(
                _("no literal Japanese words given for {idiom!r}").format(idiom=idiom), str(path), number
            )
        key = idiom.lower()
        if key in seen:
            raise InputError(
                _("duplicate idiom {idiom!r} (first on line {line})").format(idiom=idiom, line=seen[key]),
                str(path),
                number,
            )
        seen[key] = number
        try:
            compiled, anchors, required = compile_idiom(idiom, pattern)
        except PatternError as exc:
            raise PatternError(exc.message, str(path), number) from None
        except re.error as exc:
            raise InputError(
                _("invalid regular expression: {error}").format(error=exc), str(path), number
            ) from None
        words = idiom if not pattern or pattern.startswith("re:") else pattern
        idioms.append(
            Idiom(idiom, compiled, literal, accepted, meaning, anchors, str(path), number, required, words)
        )
    return idioms


def load_words(path: Path) -> list[str]:
    words: list[str] = []
    seen: dict[str, int] = {}
    for number, line in _lines(path):
        word = line.strip()
        if "\t" in word:
            raise InputError(_("expected one entry per line"), str(path), number)
        key = word.lower()
        if key in seen:
            raise InputError(
                _("duplicate entry {word!r} (first on line {line})").format(word=word, line=seen[key]),
                str(path),
                number,
            )
        seen[key] = number
        words.append(word)
    return words


@dataclass(frozen=True)
class ForbiddenTerm:
    source: re.Pattern[str] | UserPattern | None
    """The English that makes the term wrong (``None``: always wrong)."""
    forbidden: str
    suggestion: str
    note: str
    path: str
    line: int


def load_false_friends(path: Path) -> list[ForbiddenTerm]:
    terms: list[ForbiddenTerm] = []
    seen: dict[tuple[str, str], int] = {}
    for number, line in _lines(path):
        cols = line.split("\t")
        if len(cols) < 2 or not cols[1].strip():
            raise InputError(
                _("expected tab-separated columns: source pattern, forbidden term[, suggestion, note]"),
                str(path),
                number,
            )
        source, forbidden = cols[0].strip(), cols[1].strip()
        key = (source.lower(), forbidden)
        if key in seen:
            raise InputError(
                _("duplicate entry {term!r} (first on line {line})").format(term=forbidden, line=seen[key]),
                str(path),
                number,
            )
        seen[key] = number
        pattern: re.Pattern[str] | UserPattern | None = None
        if source:
            try:
                if source.startswith("re:"):
                    pattern = compile_pattern(source[3:], ignore_case=True)
                else:
                    pattern, _anchors = compile_idiom_pattern(source, "")
            except PatternError as exc:
                raise PatternError(exc.message, str(path), number) from None
            except re.error as exc:
                raise InputError(
                    _("invalid regular expression: {error}").format(error=exc), str(path), number
                ) from None
        terms.append(
            ForbiddenTerm(
                pattern,
                forbidden,
                cols[2].strip() if len(cols) > 2 else "",
                cols[3].strip() if len(cols) > 3 else "",
                str(path),
                number,
            )
        )
    return terms


def user_lexicon_dir() -> Path:
    env = os.environ.get("MTREVIEW_DATA_DIR")
    if env:
        return Path(env) / "lexicons"
    import platformdirs

    return Path(platformdirs.user_data_dir("mtreview", appauthor=False)) / "lexicons"


def _clean(value: str) -> str:
    if any(c in value for c in "\t\r\n"):
        raise InputError(_("tabs and line breaks are not allowed in a lexicon entry"))
    return value.strip()


def add_user_idiom(
    idiom: str,
    literal: Iterable[str],
    accepted: Iterable[str] = (),
    meaning: str = "",
    pattern: str = "",
    user_dir: Path | None = None,
) -> Path:
    """Append an idiom to the user's lexicon (what the GUI's "add idiom" does); returns the file.

    The entry is validated first (pattern compiles, literal words given, not already in the user's file);
    ``InputError`` otherwise, and the file is left unchanged."""
    idiom, pattern, meaning = _clean(idiom), _clean(pattern), _clean(meaning)
    literal = [_clean(w) for w in literal if w.strip()]
    accepted = [_clean(w) for w in accepted if w.strip()]
    if not idiom or not literal:
        raise InputError(_("an idiom needs its English text and at least one literal Japanese word"))
    if any("|" in w for w in literal + accepted):
        raise InputError(_("“|” is not allowed inside a Japanese word"))
    try:
        compile_idiom(idiom, pattern)
    except re.error as exc:
        raise InputError(_("invalid regular expression: {error}").format(error=exc)) from None
    path = (user_dir or user_lexicon_dir()) / "idioms.tsv"
    if path.is_file() and any(i.idiom.lower() == idiom.lower() for i in load_idioms(path)):
        raise InputError(_("duplicate idiom {idiom!r}").format(idiom=idiom), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    line = "\t".join([idiom, pattern, "|".join(literal), "|".join(accepted), meaning]) + "\n"
    with open(path, "a", encoding="utf-8", newline="\n") as fh:
        if fh.tell() == 0:
            fh.write("# Your idioms (same columns as the shipped idioms.tsv); they replace shipped ones.\n")
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())
    shipped_lexicons.cache_clear()
    return path


@dataclass
class Lexicons:
    idioms: list[Idiom] = field(default_factory=list)
    given_names: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()
    false_friends: list[ForbiddenTerm] = field(default_factory=list)
    errors: list[tuple[str, InputError]] = field(default_factory=list)
    """(check id, error) for every file that could not be loaded; the rest still loaded."""

    def idiom_index(self) -> dict[str, list[Idiom]]:
        index: dict[str, list[Idiom]] = {}
        for idiom in self.idioms:
            for anchor in idiom.anchors:
                index.setdefault(anchor, []).append(idiom)
        return index


FILES = {
    "idioms": ("idioms.tsv", "literal-idiom"),
    "given_names": ("given_names.txt", "name-as-company"),
    "org_suffixes": ("org_suffixes.txt", "name-as-company"),
    "false_friends": ("false_friends.tsv", "glossary"),
}


def load_lexicons(
    extra: dict[str, list[str | os.PathLike[str]]] | None = None,
    user_dir: Path | None = None,
    include_user: bool = True,
) -> Lexicons:
    """The shipped lexicons plus the user's (same file names in ``user_dir``) plus ``extra`` files.

    An entry in a later file replaces one with the same key in an earlier file (the user's idiom wins);
    a duplicate inside one file, or any malformed line, rejects that file with file and line.
    """
    lex = Lexicons()
    idioms: dict[str, Idiom] = {}
    names: set[str] = set()
    suffixes: set[str] = set()
    friends: dict[tuple[str, str], ForbiddenTerm] = {}
    dirs = [LEXICON_DIR]
    if include_user:
        dirs.append(user_dir or user_lexicon_dir())
    for kind, (filename, check) in FILES.items():
        paths: list[Path] = [d / filename for d in dirs if (d / filename).is_file()]
        paths += [Path(p) for p in (extra or {}).get(kind, [])]
        for path in paths:
            try:
                if kind == "idioms":
                    for idiom in load_idioms(path):
                        idioms[idiom.idiom.lower()] = idiom
                elif kind == "given_names":
                    names.update(w.lower() for w in load_words(path))
                elif kind == "org_suffixes":
                    suffixes.update(w.lower().rstrip(".") for w in load_words(path))
                else:
                    for term in load_false_friends(path):
                        key = (term.source.pattern if term.source else "", term.forbidden)
                        friends[key] = term
            except InputError as exc:
                lex.errors.append((check, exc))
    lex.idioms = list(idioms.values())
    lex.given_names = frozenset(names)
    lex.org_suffixes = frozenset(suffixes)
    lex.false_friends = list(friends.values())
    return lex


@lru_cache(maxsize=1)
def shipped_lexicons() -> Lexicons:
    """The shipped lexicons only (cached; used when no settings name other files)."""
    return load_lexicons(include_user=False)

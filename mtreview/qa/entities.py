"""English names in the source and whether each is a person or an organisation.

A mention is a run of capitalised words (``Holden Karnofsky``, ``The Wall Street Journal``) or a speaker
label (``davidad:``). Title-case headings and sentence-initial common words are split off using the
document itself: a word that also occurs in lower case elsewhere in the document is a common word.

The person/organisation decision is made per name token over the whole document, from evidence:

* person: a full name starting with a known given name; a speaker label ``Name:`` at the start of a
  paragraph; a title (Mr, Dr, Prof…); the next sentence starting with He/She; a Japanese honorific
  (氏/さん) after the rendering is not used (that is the target side);
* organisation: an organisation suffix after the name (Inc., Labs, Corp…); the name in parentheses after
  a person ``Sam Bowman (Anthropic)``; cues such as ``at X``, ``X employees``, ``X's leadership``;
* the project glossary's entity type overrides all of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mtreview.qa.glossary import Glossary
from mtreview.qa.lexicons import STOPWORDS

_WORD = r"[A-Z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|del|bin|al|ibn|st\.)"
MENTION_RE = re.compile(rf"(?<![\w'’])({_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD})*)")
SPEAKER_RE = re.compile(r"^\s*([A-Za-z0-9][\w.'’\- ]{0,40}?)\s*(\([^)]{1,40}\))?\s*:\s+\S")
SENTENCE_START = re.compile(r"(?:^|[.!?…]['’\"”)]*\s+|[:;]\s+|^['‘\"“(\[]+|\s['‘\"“(\[]+)$")
TITLES = frozenset("mr mrs ms miss mx dr prof professor sir dame lord lady president senator judge justice "
                   "governor minister rev father sister ceo cto cfo founder chairman chairwoman".split())
ORG_CUE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:employees|staff|researchers|engineers|spokesperson|spokesman|spokeswoman|executives|"
    r"leadership|board|shareholders|investors|headquarters|ceo|cto|stock|shares|announced|launched|"
    r"released|acquired|raised|is\s+(?:a|an)\s+(?:company|startup|lab|firm|organization|organisation))\b",
    re.IGNORECASE)
ORG_CUE_BEFORE = re.compile(r"\b(?:at|joined|joins|join|left|leave|leaving|for|with|from)\s+$", re.IGNORECASE)
PERSON_CUE_AFTER = re.compile(r"^(?:['’]s)?\s*[,.;:]?\s*(?:who|whom)\b|^\s+(?:himself|herself)\b", re.IGNORECASE)
PRONOUN_NEXT = re.compile(r"^[^.!?]*[.!?]['’\"”]*\s+(?:He|She|His|Her)\b")
LOWER_WORDS = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    speaker: bool = False


def _strip_possessive(token: str) -> str:
    return re.sub(r"['’]s$", "", token)


def is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def find_mentions(source: str, common: set[str] | frozenset[str], given_names: frozenset[str]) -> list[Mention]:
    """Capitalised name runs of one segment, split at common words (``common`` is lower case)."""
    mentions: list[Mention] = []
    speaker = SPEAKER_RE.match(source)
    speaker_end = -1
    if speaker and len(speaker.group(1).split()) <= 4:
        label = speaker.group(1).strip()
        start = source.index(label)
        speaker_end = start + len(label)
        tokens = tuple(label.split())
        mentions.append(Mention(start, speaker_end, label, tokens, speaker=True))
    for m in MENTION_RE.finditer(source):
        if m.start() < speaker_end:
            continue
        run_start = m.start()
        initial = bool(SENTENCE_START.search(source[: run_start]))
        pieces = [(t.start() + run_start, t.group()) for t in re.finditer(r"\S+", m.group(1))]
        current: list[tuple[int, str]] = []

        def flush() -> None:
            if current:
                s = current[0][0]
                last_pos, last = current[-1]
                last = _strip_possessive(last)
                tokens = tuple(_strip_possessive(t) for _p, t in current)
                mentions.append(Mention(s, last_pos + len(last), source[s : last_pos + len(last)], tokens))
                current.clear()

        for i, (pos, token) in enumerate(pieces):
            bare = _strip_possessive(token).lower()
            after_given = bool(current) and current[-1][1].lower() in given_names
            is_common = bare in STOPWORDS or (bare in common and not after_given and bare not in given_names)
            if (i == 0 and initial and bare in STOPWORDS) or (is_common and not is_acronym(token)):
                flush()
                continue
            current.append((pos, token))
            if token.endswith(("'s", "’s")):
                flush()
        flush()
    return mentions


@dataclass
class _Evidence:
    person: float = 0.0
    org: float = 0.0


@dataclass
class EntityIndex:
    """Per-document decision, per lower-case name token: ``person``, ``org`` or ``name`` (undecided)."""

    kinds: dict[str, str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    """Every name token seen (original case)."""
    speakers: set[str] = field(default_factory=set)

    def kind(self, token: str) -> str:
        return self.kinds.get(token.lower(), "name")

    def is_person(self, token: str) -> bool:
        return self.kinds.get(token.lower()) == "person"


def common_words(sources: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for source in sources:
        words.update(LOWER_WORDS.findall(source))
    return words


def build_entity_index(sources: list[str], given_names: frozenset[str], org_suffixes: frozenset[str],
                       glossary: Glossary | None = None,
                       mentions_by_source: list[list[Mention]] | None = None) -> EntityIndex:
    common = common_words(sources)
    evidence: dict[str, _Evidence] = {}
    index = EntityIndex()

    def add(tokens: Iterable[str], person: float = 0.0, org: float = 0.0) -> None:
        for token in tokens:
            ev = evidence.setdefault(token.lower(), _Evidence())
            ev.person += person
            ev.org += org

    all_mentions = [mentions_by_source[n] if mentions_by_source is not None else find_mentions(
        source, common, given_names) for n, source in enumerate(sources)]
    # a "first name" followed by several different capitalised words is a product line (Claude Code,
    # Claude Opus), not a person
    seconds: dict[str, set[str]] = {}
    for mentions in all_mentions:
        for mention in mentions:
            if len(mention.tokens) >= 2:
                seconds.setdefault(mention.tokens[0].lower(), set()).add(mention.tokens[1].lower())
    for n, source in enumerate(sources):
        mentions = all_mentions[n]
        for i, mention in enumerate(mentions):
            tokens = [t for t in mention.tokens if t.lower() not in org_suffixes]
            index.names.update(tokens)
            add(tokens)
            before = source[max(0, mention.start - 30) : mention.start]
            after = source[mention.end : mention.end + 60]
            if mention.speaker:
                index.speakers.add(mention.text)
                add(tokens, person=3)
                paren = re.match(r"\s*\(([^)]+)\)", after)
                if paren:
                    inner = [t for t in re.findall(_WORD, paren.group(1))]
                    add(inner, org=2)
                continue
            last = mention.tokens[-1].lower().rstrip(".")
            next_word = re.match(r"\s*,?\s*([A-Za-z]+)\.?", after)
            if last in org_suffixes or (next_word and next_word.group(1).lower() in org_suffixes
                                        and next_word.group(1)[0].isupper()):
                add(tokens, org=4)
                continue
            if all(is_acronym(t) for t in tokens):
                add(tokens, org=0.5)
                continue
            if re.match(r"\s+v?\d", after):
                add(tokens, org=2)  # a version number: a product (Opus 4.6, Windows 11)
            elif (len(tokens) >= 2 and tokens[0].lower() in given_names and not any(is_acronym(t) for t in tokens)
                    and len(seconds.get(tokens[0].lower(), ())) == 1):
                add(tokens, person=3)
            elif len(tokens) == 1 and tokens[0].lower() in given_names:
                add(tokens, person=0.5)
            title = re.search(r"\b([A-Za-z]+)\.?\s+$", before)
            if title and title.group(1).lower() in TITLES:
                add(tokens, person=3)
            if PERSON_CUE_AFTER.match(after):
                add(tokens, person=1)
            if PRONOUN_NEXT.match(after):
                add(tokens, person=1)
            if ORG_CUE_AFTER.match(after):
                add(tokens, org=1.5)
            if ORG_CUE_BEFORE.search(before):
                add(tokens, org=0.5)
            # "Person (Org)": an affiliation in parentheses right after a person's name
            if i > 0 and re.match(r"\s*\($", before[-3:] if len(before) >= 3 else before) and len(tokens) == 1:
                add(tokens, org=2)
    for token, ev in evidence.items():
        if ev.person > ev.org and ev.person >= 1:
            index.kinds[token] = "person"
        elif ev.org > ev.person and ev.org >= 0.5:
            index.kinds[token] = "org"
    if glossary is not None:
        for entry in glossary.entries:
            if entry.type in ("person", "org", "product", "place"):
                kind = "org" if entry.type in ("org", "product") else entry.type
                for token in re.findall(r"[A-Za-z][\w'’-]*", entry.source):
                    index.kinds[token.lower()] = kind
    return index

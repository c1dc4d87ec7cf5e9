"""English names in the source and whether each is a person or an organisation.

A mention is a run of capitalised words (``Margaret Holloway``, ``The Daily Ledger``) or a speaker
label (``jdoe:``). Title-case headings and sentence-initial common words are split off using the
document itself: a word that also occurs in lower case elsewhere in the document is a common word.

The person/organisation decision is made per name token over the whole document, from evidence:

* person: a full name starting with a known given name; a speaker label ``Name:`` at the start of a
  paragraph; a title (Mr, Dr, Prof…); the next sentence starting with He/She; a Japanese honorific
  (氏/さん) after the rendering is not used (that is the target side);
* organisation: an organisation suffix after the name (Inc., Labs, Corp…); the name in parentheses after
  a person ``Alice Moreno (Fabrikam)``; cues such as ``at X``, ``X employees``, ``X's leadership``;
* the project glossary's entity type overrides all of it.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mtreview.qa import latin
from mtreview.qa.glossary import Glossary
from mtreview.qa.lexicons import STOPWORDS

# names are spelt with Latin letters beyond ASCII too (Ferrández, Wróblewska, Đặng, Yılmaz)
_UP = latin.UPPER
_AN = latin.LETTERS + "0-9"
_WORD = rf"[{_UP}][{_AN}]*(?:[-'’][{_AN}]+)*"
_WORD_TAIL = rf"[{_AN}]*(?:[-'’][{_AN}]+)*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|del|bin|al|ibn|st\.)"
# Patterns start with a character class and check the character before it afterwards: the regex engine
# then skips ahead to candidate characters instead of trying the look-behind at every position.
MENTION_RE = re.compile(rf"([{_UP}](?<![\w'’][{_UP}]){_WORD_TAIL}(?:\s+(?:{_PARTICLE}\s+)?{_WORD})*)")
SPEAKER_RE = re.compile(r"^\s*([A-Za-z0-9][\w.'’\- ]{0,40}?)\s*(\([^)]{1,40}\))?\s*:\s+\S")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _wordset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady president senator judge justice "
    "governor minister rev father sister ceo cto cfo founder chairman chairwoman"
)
ORG_CUE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:employees|staff|researchers|engineers|spokesperson|spokesman|spokeswoman|executives|"
    r"leadership|board|shareholders|investors|headquarters|ceo|cto|stock|shares|announced|launched|"
    r"released|acquired|raised|is\s+(?:a|an)\s+(?:company|startup|lab|firm|organization|organisation))\b",
    re.IGNORECASE,
)
ORG_CUE_BEFORE = re.compile(r"\b(?:at|joined|joins|join|left|leave|leaving|for|with|from)\s+$", re.IGNORECASE)
PERSON_CUE_AFTER = re.compile(
    r"^(?:['’]s)?\s*[,.;:]?\s*(?:who|whom)\b|^\s+(?:himself|herself)\b", re.IGNORECASE
)
POSSESSIVE_LATER = re.compile(r"^[^.!?;]*\b(?:his|her|himself|herself)\b")
PRONOUN_NEXT = re.compile(r"^[^.!?]*[.!?]['’\"”]*\s+(?:He|She|His|Her)\b")
LOWER_WORDS = re.compile(r"[a-z](?<![\w'’][a-z])[a-z'’-]*")
ROLES = _wordset(
    """researcher researchers scientist economist author writer journalist reporter analyst founder cofounder
    co-founder engineer philosopher commentator blogger investor executive director chief chair historian
    colleague friend politician lawmaker lawyer attorney spokesperson spokeswoman spokesman adviser advisor
    expert critic novelist poet artist actor actress singer player coach manager librarian producer animator
    councillor councilor councilwoman councilman teacher doctor nurse mayor officer editor designer developer
    programmer farmer chef student professor activist entrepreneur official minister diplomat architect
    photographer musician composer athlete captain banker trader curator principal surgeon pilot head
    owner organiser organizer volunteer resident physician scholar lecturer composer dancer filmmaker
    president chairperson treasurer secretary ambassador candidate mp senator governor commissioner
    arbiter referee umpire grandmaster actuary ranger warden steward conductor surveyor clerk sergeant
    constable detective firefighter paramedic midwife dentist veterinarian pharmacist therapist technician
    strategist fisherman beekeeper shopkeeper biologist physicist geologist ecologist epidemiologist
    entomologist archaeologist astronomer meteorologist"""
)
# ", the new head librarian," / ", a co-founder," / ", Suryajal's head of technology," after a name
APPOSITIVE_ROLE = re.compile(
    r"^\s*,\s+(?:the|a|an|its|our|their|his|her|[A-Z][\w'’-]*['’]s?)\s+([a-z][\w'’ -]{0,50}?)\s*(?:[,.;:]|$)"
)
APPOSITIVE_ROLE_OF = re.compile(
    r"^\s*,\s+(?:(?:the|a|an|its|our|their|his|her)\s+)?((?:[a-z][\w'’-]*\s+){1,3})(?:of|at|for|with)\s"
)
"""", president of the union," / ", chief executive of Acme," / ", head of research at …": a role with no
article before what it is a role of."""
COMPANY_ROLES = frozenset({"owner", "operator", "producer", "founder", "investor", "developer"})
"""Roles a company may have too (", owner of Zara,"): no person evidence without an article."""
WORKED_AS = re.compile(
    r"^\s+(?:(?:previously|formerly|once|also|still|now|later|first)\s+)?(?:worked|works|working|served|"
    r"serves|used\s+to\s+work|trained|began\s+(?:her|his|their)\s+career)\s+(?:as|at|for)\b",
    re.IGNORECASE,
)
SPEECH_AFTER = re.compile(
    r"^\s*,?\s+(?:said|says|told|tells|added|adds|explained|explains|recalled|recalls|laughed|laughs|"
    r"joked|jokes|admitted|admits|argued|argues|wrote|writes)\b"
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    speaker: bool = False


def _sentence_initial(source: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence (after . ! ? : ; or an opening quote or bracket at one)."""
    i = pos - 1
    while i >= 0 and source[i] in " \t\n":
        i -= 1
    while i >= 0 and source[i] in "'‘\"“([":
        i -= 1
        while i >= 0 and source[i] in " \t\n":
            i -= 1
    return i < 0 or source[i] in ".!?…:;'’\"”)"


@lru_cache(maxsize=65536)
def is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    # mostly capitals (NASA, GPUs, RSPv); camel-case names (VoltGo, OpenAI) are names
    return len(letters) >= 2 and upper >= 2 and upper > len(letters) - upper


_RUN_WORD = re.compile(r"\S+")


def _strip_possessive(token: str) -> str:
    return token[:-2] if token.endswith(("'s", "’s")) else token


def find_mentions(
    source: str, common: set[str] | frozenset[str], given_names: frozenset[str]
) -> list[Mention]:
    """Capitalised name runs of one segment, split at common words (``common`` is lower case)."""
    mentions: list[Mention] = []
    speaker_end = -1
    if ":" in source[:60]:
        speaker = SPEAKER_RE.match(source)
        if speaker and len(speaker.group(1).split()) <= 4:
            label = speaker.group(1).strip()
            start = source.index(label)
            speaker_end = start + len(label)
            mentions.append(Mention(start, speaker_end, label, tuple(label.split()), speaker=True))
    for m in MENTION_RE.finditer(source):
        run_start = m.start()
        if run_start < speaker_end:
            continue
        text = m.group(1)
        if " " not in text:
            # the common case: one capitalised word
            bare = _strip_possessive(text)
            low = bare.lower()
            if low in STOPWORDS or (low in common and low not in given_names and not is_acronym(bare)):
                continue
            mentions.append(Mention(run_start, run_start + len(bare), bare, (bare,)))
            continue
        initial = _sentence_initial(source, run_start)
        current: list[tuple[int, str]] = []
        for i, t in enumerate(_RUN_WORD.finditer(text)):
            pos, token = t.start() + run_start, t.group()
            bare = _strip_possessive(token).lower()
            after_given = bool(current) and current[-1][1].lower() in given_names
            is_common = bare in STOPWORDS or (bare in common and not after_given and bare not in given_names)
            if bare in ROLES or bare.rstrip(".") in TITLES:
                is_common = True  # "Economist Lena Brandt": the role is not part of the name
            if (i == 0 and initial and bare in STOPWORDS) or (is_common and not is_acronym(token)):
                _flush(source, current, mentions)
                continue
            current.append((pos, token))
            if token.endswith(("'s", "’s")):
                _flush(source, current, mentions)
        _flush(source, current, mentions)
    return mentions


class MentionTable(Sequence[list[Mention]]):
    """Every segment's mentions (``table[n]`` for the ``n``-th source), kept as (start, end, speaker)
    triples in one array of integers: a ``Mention`` object with its text and tokens is about 300 bytes,
    and a 100k-segment document has 800,000 mentions. Mentions are made again on access: the text is the
    source's span, the tokens its words (a possessive ``'s`` is never inside a mention's span)."""

    def __init__(self, sources: Sequence[str], found: Iterable[list[Mention]]) -> None:
        self._sources = sources
        self._spans = array("q")
        self._first = array("q", [0])
        for mentions in found:
            for m in mentions:
                self._spans.extend((m.start, m.end, int(m.speaker)))
            self._first.append(len(self._spans) // 3)

    def __len__(self) -> int:
        return len(self._first) - 1

    def __getitem__(self, n: int) -> list[Mention]:  # type: ignore[override]
        source, spans = self._sources[n], self._spans
        out: list[Mention] = []
        for k in range(self._first[n] * 3, self._first[n + 1] * 3, 3):
            start, end, speaker = spans[k], spans[k + 1], spans[k + 2]
            text = source[start:end]
            # as find_mentions made them: a one-word run is split at spaces only (a name joined by a
            # no-break space is one token), a speaker label and a longer run at any white space
            tokens = tuple(text.split()) if speaker or " " in text else (text,)
            out.append(Mention(start, end, text, tokens, bool(speaker)))
        return out


def _flush(source: str, current: list[tuple[int, str]], mentions: list[Mention]) -> None:
    if current:
        s = current[0][0]
        last_pos, last = current[-1]
        end = last_pos + len(_strip_possessive(last))
        mentions.append(Mention(s, end, source[s:end], tuple(_strip_possessive(t) for _p, t in current)))
        current.clear()


@dataclass
class _Evidence:
    person: float = 0.0
    org: float = 0.0


class EntityIndex:
    """Per-document decision, per name token: ``person``, ``org`` or ``name`` (undecided).

    The evidence for a token is gathered lazily, the first time a check asks about it, from the mentions
    of that token in the document (most tokens are never asked about)."""

    def __init__(
        self,
        sources: Sequence[str],
        mentions: Sequence[list[Mention]],
        given_names: frozenset[str],
        org_suffixes: frozenset[str],
        glossary: Glossary | None = None,
    ) -> None:
        self.sources = sources
        self.mentions = mentions
        self.given_names = given_names
        self.org_suffixes = org_suffixes
        self.names: set[str] = set()
        """Every name token seen (original case)."""
        self.speakers: set[str] = set()
        self._where: dict[str, list[int]] = {}
        """Name token (lower case) → its first ``MAX_EVIDENCE`` mentions, as ``n << 16 | i`` (mention ``i``
        of segment ``n``)."""
        self._seconds: dict[str, set[str]] = {}
        self._lasts: dict[str, set[str]] = {}
        """Last token of a full name → its first tokens (Ellis Mbeki: mbeki → {ellis})."""
        self._kinds: dict[str, str] = {}
        for n, segment_mentions in enumerate(mentions):
            for i, mention in enumerate(segment_mentions):
                if mention.speaker:
                    self.speakers.add(mention.text)
                for token in mention.tokens:
                    if token.lower() in org_suffixes:
                        continue
                    self.names.add(token)
                    where = self._where.setdefault(token.lower(), [])
                    if len(where) < MAX_EVIDENCE and i < 1 << 16:
                        where.append(n << 16 | i)
                if len(mention.tokens) >= 2:
                    self._seconds.setdefault(mention.tokens[0].lower(), set()).add(mention.tokens[1].lower())
                    self._lasts.setdefault(mention.tokens[-1].lower(), set()).add(mention.tokens[0].lower())
        self._fixed: dict[str, str] = {}
        if glossary is not None:
            for entry in glossary.entries:
                if entry.type in ("person", "org", "product", "place"):
                    kind = "org" if entry.type in ("org", "product") else entry.type
                    for token in re.findall(r"[A-Za-z][\w'’-]*", entry.source):
                        self._fixed[token.lower()] = kind

    def kind(self, token: str) -> str:
        key = token.lower()
        if key in self._fixed:
            return self._fixed[key]
        kind = self._kinds.get(key)
        if kind is None:
            kind = self._kinds[key] = self._decide(key)
        return kind

    def is_person(self, token: str) -> bool:
        return self.kind(token) == "person"

    def _decide(self, key: str) -> str:
        ev = _Evidence()
        for where in self._where.get(key, ()):
            person, org = self._evidence(where >> 16, where & 0xFFFF)
            ev.person += person
            ev.org += org
        if ev.person > ev.org and ev.person >= 1:
            return "person"
        if ev.org > ev.person and ev.org >= 0.5:
            return "org"
        return "name"

    def _evidence(self, n: int, i: int) -> tuple[float, float]:
        """(person, organisation) evidence that mention ``i`` of segment ``n`` gives its tokens."""
        source = self.sources[n]
        mentions = self.mentions[n]
        mention = mentions[i]
        tokens = [t for t in mention.tokens if t.lower() not in self.org_suffixes]
        before = source[max(0, mention.start - 30) : mention.start]
        after = source[mention.end : mention.end + 60]
        if mention.speaker:
            return 3.0, 0.0
        person = org = 0.0
        # "Person (Org):" — a speaker's affiliation
        if (
            i > 0
            and mentions[i - 1].speaker
            and re.match(r"\s*\($", source[mentions[i - 1].end : mention.start])
        ):
            org += 2
        last = mention.tokens[-1].lower().rstrip(".")
        next_word = _NEXT_WORD.match(after)
        if last in self.org_suffixes or (
            next_word and next_word.group(1).lower() in self.org_suffixes and next_word.group(1)[0].isupper()
        ):
            return person, org + 4
        if all(is_acronym(t) for t in tokens):
            return person, org + 0.5
        first = tokens[0].lower() if tokens else ""
        if _VERSION_AFTER.match(after):
            org += 2  # a version number: a product (Model X 2, Windows 11)
        elif (
            len(tokens) >= 2
            and first in self.given_names
            and not any(is_acronym(t) for t in tokens)
            and len(self._seconds.get(first, ())) == 1
        ):
            person += 3  # a full name; a first word with several different seconds is a product line
        elif len(tokens) == 1 and first in self.given_names:
            person += 0.5
        title = _TITLE_BEFORE.search(before)
        if title and title.group(1).lower() in TITLES:
            person += 3
        elif title and title.group(1).lower() in ROLES:
            person += 2  # "economist Jane Roe", "co-founder Tom Ng"
        if PERSON_CUE_AFTER.match(after):
            person += 1
        appositive = APPOSITIVE_ROLE.match(after)
        if appositive and any(w in ROLES for w in appositive.group(1).split()):
            person += 2  # "Marta Lindqvist, the new head librarian, …"
        elif (role := APPOSITIVE_ROLE_OF.match(after)) and any(
            w in ROLES and w not in COMPANY_ROLES for w in role.group(1).split()
        ):
            person += 2  # "Hélène Barbeau, president of the union, …"
        if WORKED_AS.match(after):
            person += 1.5  # "Lindqvist previously worked as a librarian"
        if len(tokens) >= 2 and SPEECH_AFTER.match(after):
            person += 1  # a full name that says or tells something

        if PRONOUN_NEXT.match(after):
            person += 1
        if len(tokens) == 1 and first in self._lasts and first not in self._seconds:
            person += 0.75  # a surname: "Ellis Mbeki" first, then "Mbeki" alone (a team's "Rovers" too)
        if _sentence_initial(source, mention.start) and POSSESSIVE_LATER.match(after):
            person += 1  # "Mbeki has now scored 14 goals in his last 10 games"
        if ORG_CUE_AFTER.match(after):
            org += 1.5
        if ORG_CUE_BEFORE.search(before):
            org += 0.5
        return person, org


MAX_EVIDENCE = 60
"""Mentions looked at per name: the evidence has long settled by then."""
_NEXT_WORD = re.compile(r"\s*,?\s*([A-Za-z]+)\.?")
_VERSION_AFTER = re.compile(r"\s+v?\d")
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")


def common_words(sources: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for source in sources:
        words.update(LOWER_WORDS.findall(source))
    return words


def build_entity_index(
    sources: Sequence[str],
    given_names: frozenset[str],
    org_suffixes: frozenset[str],
    glossary: Glossary | None = None,
    mentions_by_source: Sequence[list[Mention]] | None = None,
) -> EntityIndex:
    if mentions_by_source is None:
        common = common_words(sources)
        mentions_by_source = [find_mentions(source, common, given_names) for source in sources]
    return EntityIndex(sources, mentions_by_source, given_names, org_suffixes, glossary)

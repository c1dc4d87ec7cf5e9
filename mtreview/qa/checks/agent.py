"""Agent: the English says one person (or body) said or did something; the translation names another.

Per sentence pair (``analysis.pairs``):

* the English agent is the subject of a reporting verb ("Tate said", "United's coach, Nadia Brandt,
  said", "…, the council said.", "said Mayor Colm Brady", "according to the study") or, failing that, a
  name opening the sentence before its verb ("Brandt praised the fans");
* the Japanese agent is a katakana name, with an optional title (氏, 監督, 教授…), that is the topic or
  subject of the sentence (テイト氏は…, 「…」とメノン館長は述べた, …と、バーグ氏は述べた) or the source of
  a report (バーグ氏によると);
* the Japanese name is read back to the document's English names by sound (``jtext.name_similarity``).

A finding is reported when the Japanese agent is a name of the document that the English agent does not
contain — unless the English agent is a pronoun (he, she, they: the translation may have resolved it).
Also: a body the English names by common nouns rendered as another body of the page (``_other_body``), and
the doer of a passive ("commissioned by the council") rendered as another subject (``agent_by``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis import english
from mtreview.qa.analysis.coverage import coverage
from mtreview.qa.analysis.lookup import (
    known_glosses,
    lower_words,
    renders_a_word,
    same_stem,
    unit_glosses,
)
from mtreview.qa.analysis.pairs import sentence_pairs
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.checks.agent_acronyms import ACRONYMS, replaced_by_acronym, spelled_out
from mtreview.qa.checks.agent_bodies import (
    BODY_CANDIDATES,
    BODY_ENDS,
    COMPANY_WORDS,
    EN_STUDY_BY,
    JA_SPEAKER_AFTER_QUOTE,
    JA_STUDY_OF,
    KANJI_RUN,
    NEAR,
    NOT_A_BODY,
    agent_rendered,
    another_body,
    body_topic,
    common_word,
    head_forms,
    head_glosses,
    known_english,
    made_of,
    named_elsewhere,
    names_a_body,
    proper_name,
    refers_to_body,
    tail_renders,
)
from mtreview.qa.checks.agent_by import by_agents
from mtreview.qa.checks.agent_japanese import (
    BODY,
    JA_AGENT,
    JA_AGENT_QUOTED,
    JA_BODY_TOPIC,
    JA_BY,
)
from mtreview.qa.checks.agent_named import replaced_coined_name, replaced_named_body
from mtreview.qa.checks.agent_person import english_names, near_names, replaced_person
from mtreview.qa.checks.agent_roles import swapped_roles
from mtreview.qa.context import DocumentFacts
from mtreview.qa.latin import LETTERS, UPPER

SAY = (
    r"(?:said|says|say|told|tells|added|adds|stressed|stresses|insisted|insists|explained|explains|noted|"
    r"notes|argued|argues|warned|warns|admitted|admits|praised|praises|announced|announces|wrote|writes|"
    r"recalled|recalls|claimed|claims|confirmed|confirms|denied|denies|suggested|suggests|acknowledged|"
    r"acknowledges|believes|believed|thinks|thought|estimated|estimates|predicted|predicts|urged|urges|"
    r"called|calls|described|describes|criticised|criticized|welcomed|welcomes|accused|accuses)"
)
EN_SUBJECT_SAY = re.compile(
    rf"^\s*[\"“]?(?P<np>[^\"“”]{{1,120}}?),?\s+(?:also\s+|later\s+|has\s+|had\s+)?{SAY}\b"
)
SAY_BEFORE_SUBJECT = (
    r"(?:said|says|added|adds|wrote|writes|explained|explains|noted|notes|argued|argues|warned|warns|"
    r"recalled|recalls|insisted|insists|stressed|stresses|admitted|admits|claimed|claims|asked|asks|"
    r"announced|announces|confirmed|confirms|replied|replies|declared|declares|continued|concluded)"
)
"""The reporting verbs that come before their subject ("…, said the council"); not those with an object
("…, called the idea reckless", "…, praised the fans")."""
EN_INVERTED = re.compile(
    rf"[,.!?][\"”’']?\s+(?:(?P<np1>[^,.;:!?\"“”]{{1,60}}?)\s+{SAY}"
    # where and when it was said: "…," Oakes said in a statement.
    r"(?:\s+(?:in|on|at|during|after|before|last|yesterday|today|earlier|later)\b[^,.;:!?\"“”]{0,40}?)?"
    rf"|{SAY_BEFORE_SUBJECT}\s+"
    r"(?P<np2>[^,.;:!?\"“”]{1,60}?"
    # the name in apposition: "…," said Corbel's chief executive, Ingrid Solberg.
    rf"(?:,\s+[{UPPER}][\w'’\-]*(?:\s+[{UPPER}][\w'’\-]*){{0,3}}(?=\s*[.;]|\s*$))?))"
    r"\s*(?:[,.;]|$)"
)
EN_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<np>[^,.;:!?]{1,60})", re.IGNORECASE)
EN_PASSIVE_BY = re.compile(
    rf"\b(?:was|were|is|are|been|being)\s+{SAY}\s+by\s+(?P<np>(?:the\s+)?[{UPPER}][^,.;:!?]{{0,58}}?)"
    r"(?=\s+(?:on|in|at|during|after|before|last|this|next)\b|\s*[,.;:!?]|$)"
)
"""A passive report: "the decision was announced by Okafor on Friday" (the translation: …によって)."""
EN_PASSIVE_ACT = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?"
    r"[a-z]{3,}(?:ed|en|wn|ne|de|lt|pt|ght|ung|id|ld)\b"
    r"(?:\s+(?!by\b)[A-Za-z0-9][\w'’\-]*){0,4}?\s+by\s+"
    rf"(?P<np>[{UPPER}][\w'’\-]*(?:\s+[{UPPER}][\w'’\-]*){{0,4}})"
    r"(?=\s*[,.;:!?]|\s+(?:on|in|at|during|after|before|last|this|next|and|to|for|from|with)\b|$)"
)
"""Any passive with a named doer ("the map was redrawn last winter by Riverside Orienteers"): the doer is
the sentence's agent (the translation may say it actively: …が描き直した)."""
EN_NAME_VERB = re.compile(
    rf"^\s*(?P<np>(?:[{UPPER}][\w'’\-]*\s+(?:[a-z]+\s+)?(?=[{UPPER}]))?(?:[{UPPER}][\w'’\-]*\s+){{0,3}}"
    rf"[{UPPER}][\w'’\-]*)(?:\s+of\s+[{UPPER}][\w'’\-]*)?\s+(?=[a-z])"
)
"""A name opening the sentence before its verb: "Ravi Osei designed", "Chief arbiter Kwame Asante of Ghana
will lead" (a title, a role in lower case, and where the person is from)."""
EN_VERB_AFTER = re.compile(
    r"(?:will|would|has|have|had|is|was|are|were|can|could|should|may|might|must|did|does|also|[a-z]+ed)\b"
)
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "this", "that", "one"]
)
QUOTE_CLOSE = re.compile(r"[\"”’'],?\s*$|[,.!?][\"”’']\s")
"""A closing quotation mark before the reporting verb's subject."""
SPEAKER_PRONOUNS = frozenset(["he", "she"])
OPENING_CONJUNCTIONS = frozenset(["but", "and", "yet", "however", "still", "so", "now", "meanwhile"])
"""Words that may open a sentence before its subject ("But she warned …")."""
OTHER_GENDER = {
    "he": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
}
NAME_AT_END = re.compile(rf"(?:[{UPPER}][\w'’\-]*\s+){{0,2}}[{UPPER}][\w'’\-]*$")
"""A pronoun that names one person: the previous paragraph's agent (not "they": a group, or "we")."""
NOUN_WORDS = re.compile(rf"[{LETTERS}][\w'’\-]*")
NAME_RUN = re.compile(rf"[{UPPER}][\w'’\-]*(?:\s+[{UPPER}][\w'’\-]*)*")

DETERMINER_START = frozenset(
    ["the", "a", "an", "their", "his", "her", "its", "our", "my", "your", "this", "that", "these", "those"]
)
NOT_NP = frozenset(
    ["that", "if", "whether", "because", "when", "while", "although", "though", "as", "so", "than"]
)


def _plausible_np(np: str) -> bool:
    """An agent phrase: it opens with a determiner, a capitalised name or title, or a plural noun
    ("Analysts at …"), holds no clause conjunction and is short ("Alternatively, …" is not one)."""
    words = NOUN_WORDS.findall(np)
    if not words or len(words) > 14:
        return False
    lowered = [w.lower() for w in words]
    if any(w in NOT_NP for w in lowered[:1]) or "that" in lowered or "if" in lowered:
        return False
    first: str = words[0]
    if first.lower() in DETERMINER_START or first.lower() in PRONOUNS:
        return True
    if first[0].isupper() and first.lower().endswith("ly"):
        return False  # an adverb opening the sentence
    return first[0].isupper()


_CLAUSE_WORDS = frozenset(
    {"had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "should", "can", "did"}
    | {"does"}
)
_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "you", "it", "there"})
_BE = frozenset({"was", "were", "is", "are", "been", "being"})
_QUOTES = re.compile(r"[\"“”]")
CLAUSE_THEN_SUBJECT = re.compile(
    r".*\b(?:is|are|was|were|has|have|had|will|would|could|can|did|does)\b.*,\s+(?:but|and|while|yet)\s+(?P<np>[^,]+)$"
)


def _said_who(np: str) -> bool:
    """Whether the phrase after "said" names who said it ("said Mayor Colm Brady", "said the council"), not
    what was said ("said his basement had filled…")."""
    words = NOUN_WORDS.findall(np)
    # a clause: it opens with a subject pronoun ("said he received…") or holds a verb in lower case ("had"),
    # not a name that is spelt like one ("Will Jones", "Can Dündar"); "its spokesman" is someone
    return bool(words) and words[0].lower() not in _SUBJECTS and not _CLAUSE_WORDS.intersection(words)


def passive_agent(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The agent of a passive report outside quotation marks ("the decision was announced by Okafor")."""
    text = source[start:end]
    m = EN_PASSIVE_BY.search(text) or EN_PASSIVE_ACT.search(text)
    if m is None or not _plausible_np(m.group("np")) or len(_QUOTES.findall(text, 0, m.start())) % 2:
        return None
    return start + m.start("np"), start + m.end("np")


def english_agent(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the English agent of ``source[start:end]`` (a reporting verb's subject, an
    "according to" source, a passive's agent, or a name opening the sentence)."""
    found = _agent(source, start, end)
    return found[0] if found else None


def _sources(doc: DocumentFacts) -> tuple[str, ...]:
    return doc.cached("sources", lambda: tuple(s.source for s in doc.segments.values()))  # type: ignore[no-any-return]


def _agent(source: str, start: int, end: int) -> tuple[tuple[int, int], bool] | None:
    """``english_agent`` and whether it is a passive's agent (its Japanese may be …によって)."""
    text = source[start:end]
    m = EN_INVERTED.search(text)
    if m is not None:
        group = "np1" if m.group("np1") else "np2"
        # "said <who>": not a long phrase with no name when no quotation precedes ("…, said the new glass
        # foyer clashed with the old hall": what was said)
        long_plain = (
            group == "np2"
            and not _QUOTES.search(text, 0, m.start() + 2)
            and len(NOUN_WORDS.findall(m.group(group))) >= 5
            and not any(w[0].isupper() for w in NOUN_WORDS.findall(m.group(group)))
        )
        if not long_plain and _plausible_np(m.group(group)) and (group == "np1" or _said_who(m.group(group))):
            return (start + m.start(group), start + m.end(group)), False
    m = EN_SUBJECT_SAY.match(text)
    # "The decision was announced by Okafor": a passive, whose agent follows "by", comes first
    passive_first = m is not None and _plausible_np(m.group("np"))
    if m is not None and passive_first and m.group("np").split()[-1].lower() not in _BE:
        # "…, the club is responsible for the stand, but he said": the subject after the conjunction
        tail = CLAUSE_THEN_SUBJECT.match(m.group("np"))
        return (start + m.start("np") + (tail.start("np") if tail else 0), start + m.end("np")), False
    passive = passive_agent(source, start, end) if passive_first else None
    if passive is not None:
        return passive, True
    m = EN_ACCORDING.search(text)
    if m is not None:
        return (start + m.start("np"), start + m.end("np")), False
    passive = None if passive_first else passive_agent(source, start, end)  # (already tried)
    if passive is not None:
        return passive, True
    m = EN_NAME_VERB.match(text)
    if m is not None and EN_VERB_AFTER.match(text, m.end()) and _plausible_np(m.group("np")):
        first = m.group("np").split()[0].lower()
        if first not in DETERMINER_START:
            return (start + m.start("np"), start + m.end("np")), False
    return None


def japanese_agents(
    target: str, start: int, end: int, passive: bool = False
) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each katakana name (with its title) that is a topic, subject or reported
    source of the Japanese sentence, in order."""
    text = target[start:end]
    found = list(JA_AGENT.finditer(text))
    if "と" in text:  # …続けるとバナジー氏は述べた: a speaker after a quotative と with no 」 before it
        found = sorted([*found, *JA_AGENT_QUOTED.finditer(text)], key=lambda m: m.start("name"))
    if passive and "によ" in text:
        found = sorted([*found, *JA_BY.finditer(text)], key=lambda m: m.start("name"))
    # not a name inside a quotation the sentence attributes (「…アシュグローブは…」と…会長は述べた)
    quoted = [q.span() for q in _QUOTATION.finditer(text)] if "」と" in text else []
    for m in (m for m in found if not any(a < m.start("name") < b for a, b in quoted)):
        stop = m.end("title") if m.group("title") else m.end("name")
        yield start + m.start("name"), start + stop, m.group("name")


_QUOTATION = re.compile(r"「[^「」]*」(?=と)")


def _body_renders(agent: str, name: str, words: list[str]) -> bool:
    """Whether the body word after a katakana name (連盟 of オリエンテーリング連盟, センター of
    ヘイル地域センター) renders the head of the English agent ("the national federation", "the centre")."""
    body = agent[len(name) :]
    if not re.fullmatch(BODY, body):
        return False  # a person's title (ポール監督 for "United's coach, Nadia Brandt") is no body
    return not known_glosses(body).isdisjoint(words) or tail_renders(body, words)


def _named_agent(text: str, pronoun: str) -> str | None:
    """The English agent of the last sentence of ``text`` when it names someone (not a pronoun) and
    ``text`` does not speak of its speaker with the other gender's pronouns ("Novak said he…" then "she
    said"): whom a ``pronoun`` after it refers to."""
    if OTHER_GENDER[pronoun].search(text):
        return None
    sentences = english.sentences(text)
    if not sentences:
        return None
    agent = english_agent(text, *sentences[-1])
    if agent is None or not text[agent[0]].isupper():
        return None
    return _name_of(text[agent[0] : agent[1]])


def _name_of(phrase: str) -> str | None:
    """The name an agent phrase ends with ("Opposition councillor Parisa Rahimzadeh" → Parisa Rahimzadeh),
    or the phrase; None for a pronoun."""
    parts = [p.strip() for p in phrase.split(",")]
    phrase = parts[0]
    # "The group's spokesperson, Rhys Penhallow": the name in apposition, when the head is no name
    if len(parts) > 1 and not NAME_AT_END.search(phrase) and NAME_RUN.fullmatch(parts[1]):
        phrase = parts[1]
    # "Dairy economist Miriam Achterberg of the Northfield Institute": the person, not the institute
    named = OF_PLACE.match(phrase)
    if named is not None:
        phrase = named.group(1)
    words = [w.lower() for w in NOUN_WORDS.findall(phrase)]
    if not words or any(w in PRONOUNS for w in words):
        return None
    name = NAME_AT_END.search(phrase)
    return name.group() if name else phrase


OF_PLACE = re.compile(rf"(.*?[{UPPER}][\w'’\-]*\s+[{UPPER}][\w'’\-]*)\s+of\s+(?:the\s+)?[{UPPER}]")
"""An agent phrase that names a person (two capitalised words: not "Secretary of State …", "Bank of
England governor …"), then where they work or come from."""


def _quoted_from_start(source: str, es: int) -> bool:
    """Whether everything before ``es`` is one quotation that opens the paragraph (no quotation mark closes
    before ``es``, so the sentences before it are the speaker's words, not a narrator's)."""
    head = source[:es].lstrip()
    return bool(head) and head[0] in '"“' and len(_QUOTES.findall(head)) == 1


EN_BODY_SUBJECT = re.compile(
    r"\s*(?P<np>(?:The|A|An|Its|Their)(?:\s+(?!(?:has|have|had|is|was|are|were|will|would)\b)[a-z][\w'’\-]*)"
    r"{1,3})\s+"
    r"(?:has|have|had|will|would|is|was|are|were|can|could|should|may|must|also|[a-z]+ed)\b"
)
"""A sentence that opens with its subject, a body named by common nouns ("The cooperative has asked")."""
TRADES = ("手", "師", "士")
"""The endings of a person's trade after a name (騎手, 調教師, 棋士, 運転手)."""
PREPOSITION_TAIL = re.compile(r"\s+(?:of|for|at|from|with|in|on|by|behind|representing)\s.*$", re.DOTALL)


def common_head(phrase: str, sentence_start: bool) -> tuple[str, list[str]] | None:
    """The head noun of an agent named by common nouns ("The health ministry" → ministry, "A spokesperson
    for the club" → spokesperson) and its words, or None for a name, a pronoun or anything longer than a
    noun phrase."""
    phrase = PREPOSITION_TAIL.sub("", phrase.strip())
    words = NOUN_WORDS.findall(phrase)
    if not words or len(words) > 4:
        return None
    for i, word in enumerate(words):
        if word[0].isupper() and not (i == 0 and sentence_start):
            return None  # a name ("Health board director Priya Ramaswamy", "the Brannock council")
    lower = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
    if lower[0] in DETERMINER_START:
        lower = lower[1:]
    elif sentence_start and not known_english(lower[0]):
        return None  # a capitalised first word that is no dictionary word: a name ("Arvanta city officials")
    if not lower or any(w in PRONOUNS or w in NOT_NP or w.endswith("ed") for w in lower):
        return None
    return (lower[-1], lower) if len(lower[-1]) >= 3 else None


EARLIER_SENTENCES = 3
"""How far back in its paragraph a "he said" looks for its speaker (bounded: linear time)."""


def _earlier_speaker(source: str, es: int, pronoun: str, doc: DocumentFacts) -> str | None:
    """Whom "…,” he said" at ``es`` refers to inside its own paragraph: the agent of one of the few
    sentences before it ("Phiri said his unit… “We are stretched…,” he said."), when that agent is a person
    of the document (not "The club", "Reporters", a company), is no passive's subject, and neither another
    person's name nor a pronoun of the other gender comes between it and the quotation."""
    sentences = english.sentences(source)
    k = bisect.bisect_right(sentences, (es, es))  # the sentences that start before ``es``
    before = [(a, b) for a, b in sentences[max(0, k - EARLIER_SENTENCES - 1) : k] if b <= es]
    for a, b in reversed(before):
        found = _agent(source, a, b)
        if found is None:
            continue  # the quotation's first sentences: the one before them
        (start, end), passive = found
        name = _name_of(source[start:end])
        if passive or name is None or not doc.entities.is_person(name.split()[-1]):
            return None
        between = source[end:es]
        if OTHER_GENDER[pronoun].search(between) or any(
            doc.entities.is_person(m.group().split()[-1]) and m.group() not in name
            for m in NAME_RUN.finditer(between)
        ):
            return None
        return name
    return None


class Agent(Check):
    id = "agent"
    name = N_("Wrong speaker or agent")
    description = N_(
        "The English says one person said or did something and the translation attributes it to another "
        "name of the document (“…, Brandt said” rendered ポール監督は…と語った); “he said” or “she said” "
        "is read as the speaker the paragraph before named, other pronouns are left alone."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    parameters: ClassVar[Mapping[str, Any]] = {"threshold": 0.7}

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not source or not target:
            return
        katakana = any("\u30a1" <= ch <= "\u30fa" for ch in target)
        threshold, self._segment = float(self.params["threshold"]), segment.id  # (``said_together``)

        def names_of(name: str) -> list[str]:
            # both names and their order must agree: a looser sound match will do (ダンミア, Dunmere), but
            # not for a word of the dictionary (メモリ is no Miller)
            if all(common_word(part) for part in name.split("・")):
                return []
            return self._name_parts(name, doc, threshold - 0.1, False)

        for (es, ee), (js, je) in sentence_pairs(source, target):
            if " by " in source[es:ee]:  # "commissioned by the council" rendered パーク側が委託した
                for (a, b), doer in by_agents(coverage(source, target), (es, ee), (js, je)):
                    message = _("The English says “by {en}”; the translation makes {ja} the doer.")
                    en, ja = source[doer[0] : doer[1]], target[a:b]
                    yield self.finding(
                        segment, Side.TARGET, a, b, message.format(en=en, ja=ja), evidence=doer
                    )
            if katakana:
                swapped = next(swapped_roles(source, target, (es, ee), (js, je), names_of), None)
                if swapped is not None:
                    yield self._swapped(segment, swapped)
                    continue
            found_agent = _agent(source, es, ee)
            # "according to the Society of Imaging Professionals" rendered 保健省によると
            swap = replaced_named_body(source, target, found_agent and found_agent[0], (es, ee), (js, je))
            if swap is None and found_agent is not None:  # "StepClear said" rendered 金融行為監督庁は
                coined = replaced_coined_name(coverage(source, target), found_agent[0], (js, je))
                swap = None if coined is None else (found_agent[0], coined)
            if swap is None and found_agent is not None:  # "The SCRU said" rendered プロラグビー選手協会は
                sources, cache = _sources(doc), doc.cached(ACRONYMS, dict)
                pair = (source, target, found_agent[0], (es, ee), (js, je))
                other = replaced_by_acronym(*pair, sources, cache) or replaced_person(*pair, sources, cache)
                swap = None if other is None else (found_agent[0], other)
            if swap is not None:
                (a, b), (c, d) = swap
                message = _("The English says “{en}”; the translation attributes it to {ja}.")
                message = message.format(en=source[a:b], ja=target[c:d])
                yield self.finding(segment, Side.TARGET, c, d, message, evidence=(a, b))
                continue
            if found_agent is None:
                # "The cooperative has asked …" rendered 農業省は…: the subject the sentence opens with
                subject = EN_BODY_SUBJECT.match(source, es, ee)
                if subject is not None:
                    span = (subject.start("np"), subject.end("np"))
                    yield from self._other_body(segment, doc, span, (es, ee), (js, je))
                    continue
                # "A survey by the council found …" rendered 同慈善団体の調査によると: whose study it is
                study = EN_STUDY_BY.search(source, es, ee)
                owner = JA_STUDY_OF.search(target, js, je) if study is not None else None
                if study is not None and owner is not None:
                    span = (study.start("np"), study.end("np"))
                    yield from self._other_body(segment, doc, span, (es, ee), (js, je), owner)
                continue
            agent, passive = found_agent
            # a reporting verb's subject ("Organisers said"), not an "according to figures published by …"
            reported = not EN_ACCORDING.search(source, es, agent[0] + 1)
            words = [w.lower() for w in NOUN_WORDS.findall(source[agent[0] : agent[1]])]
            if len(words) == 2 and words[0] in OPENING_CONJUNCTIONS:
                words = words[1:]  # "But she warned that …": the pronoun is the subject
            # a quotation closed by "she said": the speaker goes on from the paragraph before
            # or "He said …" opening the paragraph: the speaker the paragraph before was about
            # or "…, he added." closing the paragraph's first sentence: reported speech goes on too
            quoted = QUOTE_CLOSE.search(source, es, agent[0]) is not None
            after = es == 0 and (agent[0] == 0 or source[: agent[0]].rstrip().endswith(","))
            pronoun = len(words) == 1 and words[0] in SPEAKER_PRONOUNS and (quoted or after)
            referent = None
            within = pronoun and es > 0
            if pronoun and es == 0:  # the paragraph's first sentence (or the whole paragraph)
                # "He said …" with no quotation before it: only when the paragraph before names one person
                referent = self._previous_agent(segment, doc, words[0], quoted=quoted)
            elif within:
                # "Phiri said his unit… “We are stretched…,” he said.": the named speaker before it
                referent = _earlier_speaker(source, es, words[0], doc)
                if referent is None and _quoted_from_start(source, es):
                    # "“… exists. If we lose them, we lose everything,” he said.": a quotation that opens the
                    # paragraph goes on from the speaker the paragraph before named
                    referent = self._previous_agent(segment, doc, words[0])
                    within = referent is None
            if referent is not None:
                # "…," she said. — the speaker is the previous paragraph's, if that one names a person
                words = [w.lower() for w in NOUN_WORDS.findall(referent)]
            if not words or (len(words) == 1 and words[0] in PRONOUNS):
                continue
            found = (
                self._japanese_agent(source[es:ee], target, js, je, passive, doc, threshold)
                if katakana
                else None
            )
            if found is None:
                if referent is None and not passive and reported:
                    # "Organisers said …" rendered 郡は…: a body named by common nouns on both sides
                    yield from self._other_body(segment, doc, agent, (es, ee), (js, je))
                continue
            (n_start, n_end, _name), english = found
            english = english + near_names(_name, doc, words)  # (キャロウミア: Carrowmere beside Columba)
            if any(
                e.lower() == w.removesuffix("'s").removesuffix("’s") or made_of(e, w)
                for e in english
                for w in words
            ):
                continue  # the English agent is a name the katakana renders (ラン: Lan and Lane alike), or a
                # word made of it (カナダ…協議会 for "the Canadian … Council")
            whole = (es, ee) == (0, len(source)) and (js, je) == (0, len(target))
            if whole and any(e.lower() in source.lower() for e in english):
                continue  # paragraph-level comparison: the name is there somewhere
            if (
                passive
                and not EN_PASSIVE_BY.search(source, es, ee)
                and any(e.lower() in source[es:ee].lower() for e in english)
            ):
                # any passive ("Alcaraz was beaten by Sinner"): its subject is the natural Japanese topic
                # (アルカラスは…シナーに敗れた); only a party the English sentence does not name is wrong
                continue
            if _body_renders(target[n_start:n_end], _name, words):
                continue  # 全国オリエンテーリング連盟 for "the national federation": the same body
            named = common_head(source[agent[0] : agent[1]], agent[0] == es)
            topic = JA_BODY_TOPIC.match(target, js, n_start)
            if named and topic and agent_rendered(source, target, topic.span("np"), head_forms(named[0]))[1]:
                continue  # "The union claims Stanmore has…": 組合は、スタンモアが… (the topic first)
            if refers_to_body(doc, named, re.fullmatch(BODY, target[n_start + len(_name) : n_end]), english):
                continue  # "The centre said", "Organisers said": the translation names the body they refer to
            if named and named[0] in COMPANY_WORDS and target[n_start + len(_name) : n_end] == "社":
                continue  # "The company said", "The carmaker said": キャロウ・ミルズ社によると names it
            sources = _sources(doc)
            if spelled_out(
                source[agent[0] : agent[1]], target[n_start:n_end], sources, doc.cached(ACRONYMS, dict)
            ):
                continue  # "The CFOA said" rendered by the name the page gives it (フェリー事業者協会は)
            yield self.finding(
                segment,
                Side.TARGET,
                n_start,
                n_end,
                (
                    _("The English says “{en}”; the translation attributes it to {ja}.")
                    if referent is None
                    else _(
                        "The English says “{en}” ({who}, named earlier in the paragraph); the translation "
                        "attributes it to {ja}."
                    )
                    if within
                    else _(
                        "The English says “{en}” ({who}, of the paragraph before); the translation "
                        "attributes it to {ja}."
                    )
                ).format(en=source[agent[0] : agent[1]].strip(), ja=target[n_start:n_end], who=referent),
                evidence=agent,
            )

    def _swapped(self, segment: SegmentInput, found: tuple[int, int, tuple[int, int], str, str]) -> Finding:
        start, end, clause, first, second = found
        return self.finding(
            segment,
            Side.TARGET,
            start,
            end,
            _("The English says {first} acts on {second}; the translation makes {ja} the subject.").format(
                first=f"“{first}”", second=f"“{second}”", ja=segment.target[start:end]
            ),
            evidence=clause,
        )

    def _other_body(
        self,
        segment: SegmentInput,
        doc: DocumentFacts,
        agent: tuple[int, int],
        sentence: tuple[int, int],
        japanese: tuple[int, int],
        topic: re.Match[str] | None = None,
    ) -> Iterator[Finding]:
        """The English agent is a body named by common nouns ("The health ministry", "Organisers") and the
        Japanese sentence opens with a kanji or katakana topic (郡は, 地域保健委員会は) that renders no word
        of the English sentence but a word the English says where the page uses it elsewhere ("county",
        "board"), while nothing in the Japanese sentence renders the English agent's head: another body of
        the page said it."""
        source, target = segment.source, segment.target
        named = common_head(source[agent[0] : agent[1]], agent[0] == sentence[0])
        m = topic or body_topic(target, japanese, JA_BODY_TOPIC)
        if named is None or m is None:
            return
        body, start = m.group("np"), m.start("np")
        if body.startswith(NOT_A_BODY):
            return  # (同委員会 refers back to a body the page named, which the English may call otherwise)
        if not KANJI_RUN.search(body) or "\u30a1" <= body[0] <= "\u30fa" or not body.endswith(BODY_ENDS):
            return  # a body led by a name (レン社) is the names' business; 減少 is no body
        head = named[0]
        found_pieces = unit_glosses(body, "kanji")
        if proper_name(body, found_pieces):
            return  # 三井住友銀行 for "the lender": a body's name where the English refers back to it
        pieces = frozenset().union(*(g for g, _a, _b, _w in found_pieces))
        if any(w in pieces or any(same_stem(w, g) for g in pieces) for w in head_forms(head)):
            return  # the topic renders the agent (運営会社, "operator")
        found_rendering, rendered_here = agent_rendered(source, target, japanese, head_forms(head))
        if rendered_here and m.re is not JA_SPEAKER_AFTER_QUOTE:
            return  # the agent is rendered somewhere in the sentence (not where the speaker stands)
        glossed = head_glosses(body)
        if (
            not found_rendering
            or not glossed
            or not glossed.isdisjoint(lower_words(source[slice(*sentence)]))
        ):
            return  # an agent the dictionary does not know, or a topic that renders a word of the sentence
        # its finding reads the translation of the segments near it: re-checked when one is edited
        doc.cached(BODY_CANDIDATES, set).add(segment.id)
        elsewhere = another_body(doc, segment.id, body, head, glossed)
        if elsewhere is None and m.re is JA_SPEAKER_AFTER_QUOTE:
            # where the speaker stands (…と、貿易省は説明した): a body the English names only elsewhere
            elsewhere = named_elsewhere(doc, segment.id, glossed, head)
        if elsewhere is None:
            return
        message = _(
            "The English says “{en}”; the translation attributes it to {ja} (“{other}” elsewhere in the "
            "document)."
        ).format(en=source[agent[0] : agent[1]].strip(), ja=body, other=elsewhere)
        yield self.finding(segment, Side.TARGET, start, start + len(body), message, evidence=agent)

    def dependents(self, segment_id: str, doc: DocumentFacts) -> Iterable[str]:
        """The segments near ``segment_id`` whose agent was compared with the page's other bodies."""
        candidates: set[str] = doc.cached(BODY_CANDIDATES, set)
        if not candidates:
            return ()
        i = doc.order[segment_id]
        return [c for c in candidates if c != segment_id and abs(doc.order[c] - i) <= NEAR]

    def _previous_agent(
        self, segment: SegmentInput, doc: DocumentFacts, pronoun: str, quoted: bool = True
    ) -> str | None:
        """The English agent of the last sentence of the paragraph before ``segment``, when it names someone
        (not a pronoun) and that paragraph does not speak of its speaker with the other gender's pronouns
        ("Novak said he…" then "she said"): whom "she said" refers to."""
        previous = doc.previous(segment.id)
        if previous is None or not previous.source:
            return None
        named = _named_agent(previous.source, pronoun)
        if (
            named is None
            or named.split()[0].lower() in DETERMINER_START
            or names_a_body(named, doc, previous.source)
        ):
            return None  # an organisation ("The ministry said", "… Badminton Association") is no "he"
        if not quoted:
            people = {m.group().split()[-1] for m in NAME_RUN.finditer(previous.source)}
            if sum(1 for p in people if doc.entities.is_person(p)) > 1:
                return None  # two people named before an unquoted "He said": which one is unclear
        return named

    def _japanese_agent(
        self,
        sentence: str,
        target: str,
        js: int,
        je: int,
        passive: bool,
        doc: DocumentFacts,
        threshold: float,
    ) -> tuple[tuple[int, int, str], list[str]] | None:
        """The first topic or subject of the Japanese sentence that is a name of the document (バスは…
        opens many a sentence), with the English names it renders — not a loanword of the English sentence
        (カカオのコストが… for "cocoa costs"), unless it has a person's title (グリーン氏 is a name whatever
        the sentence says of green energy)."""
        words: frozenset[str] | None = None  # the sentence's lower-case words, when a candidate needs them
        for agent in japanese_agents(target, js, je, passive):
            title = target[agent[0] + len(agent[2]) : agent[1]]
            titled = bool(title)
            # a trade (バス運転手, "a bus driver") is no person's title when the katakana is a word of the
            # sentence: only an office (市長, 氏) makes a name of a loanword
            if not titled or title.endswith(TRADES):
                words = lower_words(sentence) if words is None else words
                if renders_a_word(agent[2], words):
                    continue
            english = self._name_parts(agent[2], doc, threshold, titled)
            if english:
                return agent, english
        return None

    def _name_parts(self, katakana: str, doc: DocumentFacts, threshold: float, titled: bool) -> list[str]:
        """The English names of the katakana's last part (a surname), else of its first (テルライト of
        テルライト・パートナーズ, "Telrite Partners": the last part is a common word) — not for a person
        (a title: サラ・ウッド氏 is Sarah Wood, whatever ウッド is in the dictionary)."""
        parts, names = katakana.split("・"), self._english_names
        if not titled and len(parts) > 1 and common_word(parts[-1]):
            # a body's name whose last part is a word (グレイヘイヴン・バス: バス sounds like "Voice")
            return names(parts[0], doc, threshold) or names(parts[-1], doc, threshold)
        if not titled and len(parts) > 1:
            # a body's name whose last part is a word the dictionary lacks (グレンマロー・ディスティラーズ:
            # "distillers" is no name where the English also writes it in lower case): either part's name
            return names(parts[-1], doc, threshold) + names(parts[0], doc, threshold)
        # (a person's surname the sound misses does not fall back to the given name)
        return names(parts[-1], doc, threshold)

    def _english_names(self, katakana: str, doc: DocumentFacts, threshold: float) -> list[str]:
        return english_names(katakana, doc, threshold, self._segment)

"""A body the English names by its acronym, or with one ("The SCRU said", "The Bicycle Industry Federation
(BIF) said"), that the translation replaces with another body of the document where it attributes the
sentence: a Latin acronym the document's English gives another body (UMWによると), or a body in kanji or
katakana that renders the name of another body the document names (プロラグビー選手協会は for "The SCRU"
where the page names the Professional Rugby Players' Association). Only the document's English and the
dictionary are read (the source side never changes on an edit: no other segment is re-checked)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mtreview.qa.checks.agent_bodies import BODY_ENDS, NOT_A_BODY
from mtreview.qa.checks.agent_japanese import JA_BODY_TOPIC, JA_OPENERS
from mtreview.qa.checks.agent_named import BODY_WORDS_EN

ACRONYM = re.compile(r"(?<![\w&])[A-Z][A-Z&]{1,6}(?![\w&])")
NAMED_WITH_ACRONYM = re.compile(
    r"(?P<name>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'’\-]*))+)\s+\((?P<acronym>[A-Z][A-Z&]{1,6})\)"
)
"""A body's name with its acronym after it: "the Professional Rugby Players' Association (PRPA)"."""
ACRONYMS = "agent-acronyms"
"""The document fact (``DocumentFacts.cached``) that keeps its acronyms and bodies' names."""
BODY_NAME = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:of|for|and|on|[A-Z][\w'’\-]*))+")
JA_LATIN_BODY = re.compile(rf"\s*(?:{JA_OPENERS})?(?P<np>[A-Z][A-Z&]{{1,6}})(?:は|によると|によれば)")
"""A Japanese sentence that opens with a body's acronym as its topic or source (UMWによると)."""
JA_LATIN_SPEAKER = re.compile(
    r"と、?(?P<np>[A-Z][A-Z&]{1,6})(?:は|が)(?=[^、。「」]{0,12}?(?:説明|述べ|語っ|明らかに|発表|指摘|強調|主張|話し))"
)
"""A body's acronym as the speaker after a quotative と (…ことはないとTWFは説明しました)."""
OTHER_BODY = re.compile(
    r"\b(?:[A-Z][A-Z&]{1,6}\b|(?:[A-Z][a-z]+\s+)+[A-Z][a-z]+\b|the\s+(?:council|government|ministry|union|"
    r"agency|regulator|club|company|league|trust|board|committee|association|federation|police)\b)"
)
"""Another body named after the agent, in the reported clause ("MSF said the WHO was aware")."""
BARE_ACRONYM = re.compile(r"(?:[Tt]he\s+)?[A-Z][A-Z&]{1,6}")
"""An agent named by its acronym alone ("The SCRU")."""


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’\-]*", name))


def _document_bodies(sources: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """The document's acronyms with the names they stand for, and its bodies' names."""
    acronyms: dict[str, str] = {}
    names: list[str] = []
    for source in sources:
        for m in NAMED_WITH_ACRONYM.finditer(source):
            acronyms.setdefault(m.group("acronym"), m.group("name"))
        names += [
            m.group()
            for m in BODY_NAME.finditer(source)
            if any(w.lower() in BODY_WORDS_EN for w in m.group().split())
        ]
    return acronyms, sorted(set(names))


def _bodies(sources: Iterable[str], cache: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """``_document_bodies``, built once per document into ``cache``."""
    if "bodies" not in cache:
        cache["bodies"] = _document_bodies(sources)
    bodies: tuple[dict[str, str], list[str]] = cache["bodies"]
    return bodies


def replaced_by_acronym(
    source: str,
    target: str,
    agent: tuple[int, int],
    sentence: tuple[int, int],
    japanese: tuple[int, int],
    sources: Iterable[str],
    cache: dict[str, Any],
) -> tuple[int, int] | None:
    """The Japanese body that attributes the sentence to another body of the document than the English
    ``agent`` (a body named with or by an acronym); ``cache`` keeps the document's bodies."""
    text = source[agent[0] : agent[1]]
    own = set(ACRONYM.findall(text))
    if not own:
        return _acronym_for_another(source, target, text, sentence, japanese, sources, cache)
    acronyms, names = _bodies(sources, cache)
    js, je = japanese
    m = JA_LATIN_BODY.match(target, js, je)
    if m is not None:
        other = m.group("np")
        name = BODY_NAME.search(text)
        if other in own or (name is not None and _initials(name.group()) == other):
            return None
        if other in source[sentence[0] : sentence[1]] or other not in acronyms:
            return None  # an acronym the document gives no other body: perhaps this one's own spelling
        return m.start("np"), m.end("np")
    if not BARE_ACRONYM.fullmatch(text.strip()):
        return None  # a name with its acronym: the named-body check reads its words
    acronym = text.strip().split()[-1]
    if acronym in target[js:je]:
        return None
    topic = JA_BODY_TOPIC.match(target, js, je)
    # (XがZしたと、…は述べた: X is the reported clause's; so is a body the English names after the agent)
    if (
        topic is None
        or target.startswith("が", topic.end("np"))
        or OTHER_BODY.search(source, agent[1], sentence[1])
    ):
        return None
    body = topic.group("np")
    if body.startswith(NOT_A_BODY) or not body.endswith(BODY_ENDS):
        return None
    own_name = acronyms.get(acronym)
    if own_name is None or _rendered(own_name, body) >= 0.5:
        return None  # this body's own name (or one the document does not spell out)
    here = source[sentence[0] : sentence[1]]
    key = f"rendered:{body}"  # every body of the page, how much of its name the Japanese body renders
    if key not in cache:
        cache[key] = [(n, _rendered(n, body)) for n in names]
    shares = cache[key]
    if not any(v >= 0.66 for n, v in shares if n != own_name and _initials(n) != acronym and n not in here):
        return None
    return topic.start("np"), topic.end("np")


DESCRIBED = re.compile(
    r"(?:[Tt]he\s+)(?P<head>board|council|committee|partnership|trust|commission|department|ministry|inquiry|"
    r"panel|tribunal|inspectorate|authority|agency|office|institute|directorate|bureau)"
)
"""A body named by what it is ("The board", "the partnership"): words a body's name usually has (not
"union", "charity", "organisation", "group", "company": the Royal College of Nursing is a union)."""


def _acronym_for_another(
    source: str,
    target: str,
    text: str,
    sentence: tuple[int, int],
    japanese: tuple[int, int],
    sources: Iterable[str],
    cache: dict[str, Any],
) -> tuple[int, int] | None:
    """A Japanese sentence attributed to a Latin acronym the document gives another body than the English
    agent: "The board said" (the page's Westmere Health Board) rendered KCAによると (the Kidney Care
    Alliance), "Consumer group FairTech said" rendered NCROは. A body named by what it is needs a body of the
    document with that word in its name, and the acronym's own name must not have it ("The union said"
    may be the Public Service Workers Union (PSWU))."""
    m = JA_LATIN_BODY.match(target, *japanese)
    if m is None:  # or where the speaker stands after the quotation (…ことはないとTWFは説明した)
        m = next(reversed(list(JA_LATIN_SPEAKER.finditer(target, *japanese))), None)
    if m is None:
        return None
    acronyms, names = _bodies(sources, cache)
    other = m.group("np")
    name = acronyms.get(other)
    if name is None or other in source[sentence[0] : sentence[1]]:
        return None
    own_words = {w.lower() for w in re.findall(r"[\w'’\-]+", name)}
    described = DESCRIBED.fullmatch(text.strip())
    if described is not None:
        head = described.group("head")
        if head in own_words or not any(head.title() in n.split() and n != name for n in names):
            return None
        # …nor a body the page describes so: "The Kidney Care Alliance (KCA), a patients' board"
        if any(re.search(rf"\({other}\),\s+(?:a|an|the)\s+[^,.;]{{0,40}}\b{head}\b", s) for s in sources):
            return None
        return m.start("np"), m.end("np")
    words = [w for w in re.findall(r"[A-Z][\w'’\-]*", text) if w != "The"]
    if not words or any(w.lower() in own_words or w.upper() == other for w in words):
        return None  # (Opec for OPEC, Nato for NATO: the British spelling of the acronym)
    if _initials(" ".join(words)) == other:
        return None
    return m.start("np"), m.end("np")


def _rendered(name: str, body: str) -> float:
    """The share of the words of an English name that the Japanese ``body`` renders (by the dictionary)."""
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(name, body)
    covered, total = cov.source_ratio()
    return covered / total if cov.available and total >= 2 else 0.0


def spelled_out(agent: str, body: str, sources: Iterable[str], cache: dict[str, Any]) -> bool:
    """Whether ``body`` renders the name the document gives the acronym ``agent`` ("The CFOA" rendered
    フェリー事業者協会, the Coastal Ferry Operators Association (CFOA) of the page)."""
    if not BARE_ACRONYM.fullmatch(agent.strip()):
        return False
    name = _bodies(sources, cache)[0].get(agent.strip().split()[-1])
    return name is not None and _rendered(name, body) >= 0.5

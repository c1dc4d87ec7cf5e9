"""Phrases dropped from inside a clause: runs of English content words in a row, none of which has a
counterpart in the translation, that make a phrase of their own ("during power cuts lasting up to six
days", "after a foot injury healed", "compared with gas-fired generation"). Used by the omission check,
which weighs them as it weighs clauses."""

from __future__ import annotations

import re
from typing import Any

from mtreview.qa.analysis.coverage import Coverage

RUN_WORDS = 3
"""Content words in a row with no counterpart that make a phrase of their own (a clause inside a clause:
"during power cuts lasting up to six days", "after a foot injury healed")."""
PHRASE_OPENER = re.compile(
    r"\b(?:after|before|during|since|until|while|when|whereas|because|although|though|on|at|in|into|with|"
    r"without|by|from|for|around|about|compared\s+with|compared\s+to|including|who|which|whose|whom|where|"
    r"and|but|or|as|to|under|over|through|despite|amid|among|following|after\s+a)\b[^A-Za-z]*"
    r"(?:(?:a|an|the|his|her|its|their|our|my|your|this|that|these|those|some|most|all|many|been|being|"
    r"was|were|is|are|had|has|have|be|not|also|then|now|still|each|every|no)\b[^A-Za-z]*)*$",
    re.IGNORECASE,
)
"""What opens a phrase of its own before its first content word: a preposition, a conjunction or a
relative pronoun, with determiners and auxiliaries between ("after a", "who was", "and has")."""


PHRASE_END = re.compile(
    r"[,.;:!?—–)\"”]|\b(?:had|has|have|was|were|is|are|will|would|could|can|may|might|must|should)\b"
)
"""What ends a phrase after its last content word, before the next one (or the sentence's end): "on the
first day of the amnesty, police said", a subject's last item before its verb ("and a shortage of
specialist engineers had all slowed"); not "to cut interest rates twice" (a compound such as 利下げ
renders several words the dictionary does not see in it)."""


COORDINATOR = re.compile(r"\b(?:and|or|but)\b")
OPENING_WORDS = frozenset({"compare", "compared", "include", "including", "following", "excluding", "accord"})
"""Participles that work as prepositions ("compared with gas-fired generation", "including…"): they open
a phrase and are no content of it."""
OPENING_WORD = re.compile(r"[A-Za-z]+")


SUPERLATIVE = re.compile(
    r"(?:^|-)(?:bigg|larg|small|high|low|old|new|young|busi|fast|long|strong|rich|poor|great|wealthi)est$|"
    r"^(?:best|worst|leading)$"
)


def _epithet(run: list[Any]) -> bool:
    """Whether the phrase has a superlative ("the world's second-biggest economy", "the country's largest
    carmaker"): an epithet Japanese news sets as the name it stands for (中国, トヨタ)."""
    return any(SUPERLATIVE.search(w.text.lower()) for w in run)


def uncovered_runs(
    cov: Coverage, sentences: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Runs of ``RUN_WORDS`` content words or more in a row, inside one sentence, none of which has a
    counterpart nor is a name, opened by a preposition, a conjunction or a relative pronoun: a phrase the
    clause split does not set apart (not one that is already a span)."""
    out: list[tuple[int, int]] = []
    known = set(spans)
    source = cov.source
    for ss, se in sentences:
        run: list[Any] = []
        opener: re.Match[str] | None = None
        opened_by_word = False
        previous_end = last_end = ss
        for w in [*cov.words_in(ss, se), None]:
            if run and w is not None and not w.hits and w.kind == "name":
                # a name inside the phrase ("across southern Europe") neither counts nor ends it
                last_end = w.end
                continue
            uncovered = w is not None and not w.hits and w.kind != "name"
            # "compared with", "including": no content of its own, but where a phrase opens
            opening = uncovered and w is not None and w.lemma in OPENING_WORDS
            if run:
                closed = w is None or opening or PHRASE_END.search(source, last_end, w.start) is not None
                if uncovered and not closed and w is not None:
                    # the items of a list are phrases of their own ("disputes with landowners and a
                    # shortage of specialist engineers")
                    closed = COORDINATOR.search(source, last_end, w.start) is not None
                if not uncovered or closed:  # (a run ends at punctuation: one phrase, one clause)
                    # (two words will do after "compared with", "including": a phrase's own opener)
                    least = RUN_WORDS - 1 if opened_by_word else RUN_WORDS
                    if closed and len(run) >= least and opener is not None and not _epithet(run):
                        span = (opener.start(), last_end)
                        if span not in known and span != (ss, se):
                            out.append(span)
                    run, opened_by_word = [], False
            if opening and w is not None:
                opener, opened_by_word = OPENING_WORD.match(source, w.start), True
            elif uncovered and w is not None:
                if not run and not opened_by_word:
                    opener = PHRASE_OPENER.search(source, previous_end, w.start)
                run.append(w)
                last_end = w.end
            else:
                opened_by_word = False
            if w is not None:
                previous_end = w.end
    return out


JA_REPORTING = re.compile(
    r"指摘|強調|説明|発表|表明|主張|述べ?|語|話|明らか|警告|言及|示唆|認め|訴え|報告|発言"
)
EN_REPORTING = re.compile(
    r"\b(?:said|say|says|saying|told|tell|tells|added|adds|noted|notes|argued|argues|warned|warns|explained|"
    r"explains|stressed|stresses|insisted|insists|claimed|claims|announced|announces|acknowledged|admitted|"
    r"pointed\s+out|described|describes|urged|urges)\b",
    re.IGNORECASE,
)


def free_units(cov: Coverage, target_span: tuple[int, int], source_span: tuple[int, int]) -> int:
    """The Japanese content units of ``target_span`` that match nothing, less those that render a reporting
    verb of the English ``source_span`` (指摘 for "said", one each): where an English clause may be rendered
    freely. (一部 for "some" was tried too: a correct page's clause then went unexplained.)"""
    words = [cov.target[u.start : u.end] for u in cov.units_in(*target_span) if u.content and not u.covered]
    reporting = len(EN_REPORTING.findall(cov.source, *source_span))
    free = 0
    for word in words:
        if reporting and JA_REPORTING.fullmatch(word):
            reporting -= 1
        else:
            free += 1
    return free


PIECE_BREAK = re.compile(
    r"[,;:]+[\"”’']?\s+|\s+[—–]\s+|\s*[()]\s*|[\"“”]\s+(?=and\b|or\b|but\b)|"
    r"\s+(?=(?:and|or|but|that|which|who|whom|whose|where)\b)"
)
"""Where a sentence falls into pieces: punctuation, a coordinator, a relative pronoun."""
PIECE_WORDS = 3
"""Content words (not names nor numbers) of a piece none of which has a counterpart: a phrase left out
(two are too often a phrase said freely that the dictionary does not see: "no alternative to driving",
車以外に移動手段のない)."""


def pieces(
    cov: Coverage, sentences: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The pieces of each sentence between its commas, dashes and brackets and before each coordinator or
    relative pronoun (", particularly in rural areas with poor internet connections,", "and called the
    timetable 'brutal'") of ``PIECE_WORDS`` words or more (not names nor numbers), none with a counterpart: a
    phrase the clause split does not set apart (not one that is already a span)."""
    out: list[tuple[int, int]] = []
    known = set(spans)
    source = cov.source
    for ss, se in sentences:
        cuts = [ss]
        for m in PIECE_BREAK.finditer(source, ss, se):
            cuts.extend((m.start(), m.end()))
        cuts.append(se)
        for a, b in zip(cuts[::2], cuts[1::2], strict=True):
            text = source[a:b].rstrip(".!? ")
            if text.endswith(('"', "”")) and text.count('"') + text.count("“") < 2:
                text = text[:-1].rstrip(".!? ")  # a quotation's end, not its start: 'again," and that…'
            b = a + len(text)
            if b <= a or (a, b) in known or (a == ss and b >= se - 1):
                continue
            words = cov.words_in(a, b)
            plain = [w for w in words if w.kind == "word"]
            if len(plain) >= PIECE_WORDS and not any(w.hits for w in words):
                out.append((a, b))
    return out

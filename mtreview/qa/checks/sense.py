"""A polysemous English word given the wrong sense: "the minutes of the meeting" rendered 会議の分.

Driven by the sense lexicon (``senses.tsv``, user-extendable): a row applies when its word and one of its
context cues are in the same English sentence; a wrong rendering in the paired Japanese sentence, matched
on whole MeCab tokens (分 in 30分 or 自分 is not 分), is reported unless a right rendering is there too.
A row with guards (``!word`` cues) applies where none of its guards is anywhere in the document and another
segment renders the word in a right sense: the wrong renderings belong to a sense of its own field (太鼓 for
"drum", 廊下 for "corridor"), and a document that never speaks of that field and renders the word otherwise
elsewhere is not using it. A strict row (after a ``#! strict`` line) needs two cues, a cue beside the word
("oil futures") or that evidence of the document; its verb senses do not apply after a determiner or a
number, its noun senses not after a modal or a subject pronoun.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis import english, japanese
from mtreview.qa.analysis.pairs import sentence_pairs
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts, QaContext
from mtreview.qa.senses import Sense, senses_for

KATAKANA_START = re.compile(r"[\u30a1-\u30fa\u30fc]")


def _token_match(tokens: list[japanese.Token], wrong: str) -> tuple[int, int] | None:
    """A run of whole tokens spelling ``wrong`` (or a token whose base or surface starts with it, for
    adjective stems such as 素晴らし), not glued to a number (30分) nor ending a katakana compound."""
    for i, t in enumerate(tokens):
        if t.pos == "名詞" and t.pos1 == "数":
            continue
        if i > 0 and tokens[i - 1].pos1 == "数" and len(wrong) == 1:
            continue
        if (
            i > 0
            and KATAKANA_START.match(wrong)
            and tokens[i - 1].end == t.start
            and KATAKANA_START.match(tokens[i - 1].surface[-1:])
        ):
            continue  # the end of a katakana compound (マッチ of エキシビションマッチ) is no word of its own
        if (
            t.surface == wrong
            or t.base == wrong
            or (len(wrong) >= 2 and t.surface.startswith(wrong) and not KATAKANA_START.match(wrong))
        ):  # (a stem: 素晴らし of 素晴らしい; not スト of ストーム)
            return t.start, t.end
        text = t.surface
        for u in tokens[i + 1 : i + 4]:
            if u.start != tokens[i].start + len(text):
                break
            text += u.surface
            if text == wrong:
                return t.start, u.end
            if not wrong.startswith(text):
                break
    return None


def _renders_another_word(source: str, target: str, span: tuple[int, int], lemma: str) -> bool:
    """Whether ``target[span]`` is the only rendering the dictionary finds of another English word of the
    pair (製品 for "products"; not 首都 for "city" where 市 renders it too)."""
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    return any(
        w.lemma != lemma and w.strong and all(s <= span[0] and span[1] <= e for s, e in w.strong)
        for w in cov.words
    )


def _settles(source: str, target: str, at: int, text: str, rights: list[str], lemma: str) -> bool:
    """Whether some right rendering in ``text`` (the sentence at ``at``) is not just the only rendering of
    another English word of the pair (申請 beside "bid" where "applications" is 申請 too)."""
    for right in rights:
        start = text.find(right)
        while start >= 0:
            if not _renders_another_word(source, target, (at + start, at + start + len(right)), lemma):
                return True
            start = text.find(right, start + 1)
    return False


SUBJECTS = frozenset({"who", "he", "she", "it"})
"""Words after which a word in -s is a verb ("who drives", "she runs"), not a plural noun; not "that" nor
"which", which as often open a noun ("said that charges", "which cases"), and an adverb only after one of
them ("she also runs", not "there are also charges")."""
ADVERBS = frozenset({"also", "often", "still", "never", "always"})
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _after_subject(source: str, start: int) -> bool:
    """Whether the word at ``start`` follows a subject pronoun (", which" too), with an adverb between."""
    m = _LAST_WORD.search(source, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in ADVERBS:
        return _after_subject(source, m.start(1))
    if word == "which":
        return source[: m.start(1)].rstrip().endswith(",")
    return word in SUBJECTS


_WORD_AT = re.compile(r"[A-Za-z][A-Za-z'’-]*")


_WORD_STARTS = re.compile(r"\b(?=[A-Za-z])")


def _guards_present(
    stems: frozenset[str], guards: frozenset[str], doc: DocumentFacts, memo: dict[str, tuple[str, ...]]
) -> frozenset[str]:
    """The guard words (by lemma or form) anywhere in the document's English: every word start (a word
    after a hyphen too) whose word opens with a guard's stem, by form, lemma or form without its -s. A
    word's answer is kept in ``memo`` across documents: one dictionary lookup per word after the first."""
    present: set[str] = set()
    lengths = sorted({len(s) for s in stems})
    for segment in doc.segments.values():
        source = segment.source
        for m in _WORD_STARTS.finditer(source):
            word = _WORD_AT.match(source, m.start())
            if word is None:
                continue
            lower = word.group().lower()
            found = memo.get(lower)
            if found is None:
                found = ()
                if any(lower[:n] in stems for n in lengths if n <= len(lower)):
                    found = tuple(f for f in (lower, english.lemma(lower), lower.rstrip("s")) if f in guards)
                memo[lower] = found
            present.update(found)
    return frozenset(present)


def _starts_sentence(source: str, sentence_start: int, word_start: int) -> bool:
    return not source[sentence_start:word_start].strip(" \t\"'“‘(「")


EVIDENCE_USERS = "sense-evidence-users"
"""The segments whose findings read another segment's translation (``_rendered_right_elsewhere``)."""


def _word_segments(
    by_word: dict[str, list[Sense]], quick: re.Pattern[str], doc: DocumentFacts
) -> dict[str, list[str]]:
    """Per lexicon word (lemma or form), the segments whose English has it: one pass over the document."""
    out: dict[str, list[str]] = {}
    for segment in doc.segments.values():
        if not segment.source or quick.search(segment.source) is None:
            continue
        for form in {f for w in english.words(segment.source) for f in (w.lemma, w.lower)} & by_word.keys():
            out.setdefault(form, []).append(segment.id)
    return out


def _elsewhere(
    index: dict[str, list[str]], word: str, row: Sense, segment_id: str, doc: DocumentFacts
) -> tuple[bool, frozenset[str]]:
    """Whether another segment of the document has the word and one of the row's right renderings: the
    document's translation itself uses the sense the row expects (制度 for "scheme" there, 陰謀 here).
    Without that, a wrong rendering that is the word's everyday sense (劇場 for "theatre", コート for "coat",
    将来 for "futures") is as likely right in a document whose words the guards or the one cue miss.
    And which of the row's wrong renderings another segment with the word has too (運転手 for the van's
    "driver" where a printer's "drivers" are ドライバー: the document uses both senses)."""
    doc.cached(EVIDENCE_USERS, set).add(segment_id)  # its finding reads the others' translations
    right, wrongs = False, set[str]()
    for sid in index.get(word, ()):
        other = doc.segments[sid]
        if sid == segment_id or not other.target:
            continue
        text = other.target
        wrongs.update(wrong for wrong in row.wrong if wrong in text)
        for wrong in row.wrong:  # not a right rendering inside a wrong one (プレス of プレス機)
            text = text.replace(wrong, "\0") if any(r in wrong for r in row.right) else text
        right = right or any(r in text for r in row.right)
    return right, frozenset(wrongs)


def _rendered_right_elsewhere(
    index: dict[str, list[str]], word: str, row: Sense, segment_id: str, doc: DocumentFacts
) -> bool:
    return _elsewhere(index, word, row, segment_id, doc)[0]


def _beside(words: Sequence[Any], word: Any, cues: set[str]) -> bool:
    """Whether a cue is the word just before or after ``word`` ("oil futures", "Tube passengers", "Patriot
    batteries"), or after a quantity that follows it ("draw around 450,000 visitors"): a compound or the
    word's object, not a word elsewhere in the sentence."""
    i = next((k for k, x in enumerate(words) if x.start == word.start), None)
    if i is None:
        return False
    k = i + 1
    while (
        k < len(words)
        and k - i <= MAX_QUANTITY_WORDS
        and (_quantity_word(words[k].lower) or (words[k].lower == "of" and words[k - 1].lower in MANY))
    ):
        k += 1
    near = [words[j] for j in {i - 1, i + 1, k} if 0 <= j < len(words)]
    return any(x.lemma in cues or x.lower in cues for x in near)


QUANTITY_WORDS = frozenset(
    {"around", "about", "some", "nearly", "almost", "up", "to", "more", "than", "over", "an", "estimated"}
    | {"extra", "additional", "thousands", "hundreds", "millions", "at", "least", "another"}
)
MANY = frozenset({"thousands", "hundreds", "millions", "dozens", "tens"})
"""Words after which "of" goes on to the counted noun ("thousands of visitors")."""
MAX_QUANTITY_WORDS = 5


def _quantity_word(lower: str) -> bool:
    return lower in QUANTITY_WORDS or lower.replace(",", "").replace(".", "").isdigit()


DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}
    | {"each", "every", "no", "some", "any", "another"}
)
"""Words after which a word is a noun ("a shed", "the count"): a verb's sense ("to cut jobs") does not
apply."""
VERB_OPENERS = frozenset(
    {"will", "would", "can", "could", "must", "should", "may", "might", "shall", "did", "do", "does", "not"}
    | {"never", "who", "they", "we", "i", "you"}
)
"""Words after which a word is a verb ("will count", "who tire", "must reserve"): a noun's sense ("a
separate charge", "a rubber wheel") does not apply."""
_PREVIOUS = re.compile(r"([A-Za-z0-9][A-Za-z0-9'’]*)\W*$")


def _previous_word(source: str, start: int) -> str:
    m = _PREVIOUS.search(source, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _fits_use(row: Sense, source: str, start: int) -> bool:
    """Whether the word at ``start`` may be used as the row's sense is: not a verb's sense after a
    determiner or a number ("a shed", "25kg sacks"), not a noun's after a modal or a subject pronoun ("will
    count", "who tire"); a noun's sense after "to" is kept ("referred to surgery")."""
    before = _previous_word(source, start)
    if row.meaning.startswith("to "):
        return not (
            before in DETERMINERS or any(c.isdigit() for c in before) or before.endswith(("'s", "’s"))
        )
    return before not in VERB_OPENERS


NEAR = 15
"""Characters between the word and a sign cue (£, $, €): "a £300 bill", "a bill of about £2 million", not
"the $1.2tn infrastructure bill" nor "the bill would give every household £200"."""


def _near(source: str, word: Any, cue: str) -> bool:
    """Whether the sign ``cue`` stands within ``NEAR`` characters of ``word``."""
    return cue in source[max(0, word.start - NEAR) : word.end + NEAR].lower()


def _sentence_words(words: Sequence[Any], starts: Sequence[int], start: int, end: int) -> list[Any]:
    """The words of ``words`` (in text order; ``starts`` their starts) inside ``start``..``end``, by
    bisection (linear overall)."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    return [w for w in words[lo:hi] if w.end <= end]


def _sense_uses(
    by_word: dict[str, list[Sense]], quick: re.Pattern[str], doc: DocumentFacts
) -> dict[str, tuple[Counter[int], dict[str, frozenset[int]]]]:
    """Per lexicon word: per sense row (by index) the segments where one of the row's cues is in a sentence
    with the word, and each segment's rows. One pass over the document."""
    uses: dict[str, tuple[Counter[int], dict[str, frozenset[int]]]] = {}
    for segment in doc.segments.values():
        source = segment.source
        if quick.search(source) is None:
            continue
        words = english.words(source)
        starts = [x.start for x in words]
        found: dict[str, set[int]] = {}
        for es, ee in english.sentences(source):
            here = _sentence_words(words, starts, es, ee)
            lemmas = {x.lemma for x in here} | {x.lower for x in here}
            for word in lemmas & by_word.keys():
                rows = {i for i, row in enumerate(by_word[word]) if (row.cues - {row.word}) & lemmas}
                if rows:
                    found.setdefault(word, set()).update(rows)
        for word, rows in found.items():
            totals, per_segment = uses.setdefault(word, (Counter(), {}))
            totals.update(rows)
            per_segment[segment.id] = frozenset(rows)
    return uses


class WrongSense(Check):
    id = "sense"
    name = N_("Wrong sense of a word")
    description = N_(
        "A word with several meanings rendered in the wrong one for its context (“minutes” of a "
        "meeting as 分, a court “sentence” as 文, a card “charged” as 告発), from the shipped, "
        "user-extendable sense lexicon."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def __init__(self, context: QaContext, params: Any = None, severity: Severity | None = None) -> None:
        super().__init__(context, params, severity)
        rows, errors = senses_for(context.include_user, tuple(context.extra_lexicons.get("senses", ())))
        if errors:
            raise errors[0]
        self.by_word: dict[str, list[Sense]] = {}
        for row in rows:
            self.by_word.setdefault(row.word, []).append(row)
        stems = sorted({w[:-1] if w.endswith("e") and len(w) > 3 else w for w in self.by_word}, key=len)
        words = "|".join(re.escape(w) for w in reversed(stems))
        # a look-ahead of the stems' first letters changes no match but lets the engine skip the other
        # positions quickly
        firsts = "(?=[" + "".join(sorted({re.escape(w[0]) for w in stems})) + "])" if all(stems) else ""
        self.quick = re.compile(rf"{firsts}\b(?:{words})" if stems else r"(?!x)x", re.IGNORECASE)
        """Any lexicon word's stem at a word start: a cheap test before the lemmatiser."""
        self.guards = frozenset(g for row in rows for g in row.guards)
        guard_stems = sorted({g[:-1] if g.endswith("e") and len(g) > 3 else g for g in self.guards}, key=len)
        self.guard_stems = frozenset(g.lower() for g in guard_stems)
        """The guard words' stems: a word that opens with one is looked up."""
        self._guard_memo: dict[str, tuple[str, ...]] = {}

    def _guards(self, doc: DocumentFacts) -> frozenset[str]:
        present: frozenset[str] = doc.cached(
            "sense-guards", lambda: _guards_present(self.guard_stems, self.guards, doc, self._guard_memo)
        )
        return present

    def _word_index(self, doc: DocumentFacts) -> dict[str, list[str]]:
        index: dict[str, list[str]] = doc.cached(
            "sense-word-segments", lambda: _word_segments(self.by_word, self.quick, doc)
        )
        return index

    def dependents(self, segment_id: str, doc: DocumentFacts) -> Iterable[str]:
        """The segments whose findings read the translation of ``segment_id`` (its right renderings)."""
        users: set[str] = doc.cached(EVIDENCE_USERS, set)
        return [u for u in users if u != segment_id]

    def _elsewhere_right(self, word: str, row: Sense, wrong: str, doc: DocumentFacts) -> bool:
        """Whether ``wrong`` is the right rendering of another sense of ``word`` that the document itself
        uses at least twice (the factory "plant" of a page about a factory, near "water")."""
        rows = self.by_word.get(word, [])
        others = [i for i, r in enumerate(rows) if r is not row and wrong in r.right]
        if not others:
            return False
        totals, _per_segment = self._uses(doc).get(word, (Counter(), {}))
        return any(totals[i] >= 2 for i in others)

    def _uses(self, doc: DocumentFacts) -> dict[str, tuple[Counter[int], dict[str, frozenset[int]]]]:
        uses: dict[str, tuple[Counter[int], dict[str, frozenset[int]]]] = doc.cached(
            "sense-uses", lambda: _sense_uses(self.by_word, self.quick, doc)
        )
        return uses

    def _document_sense(self, word: str, segment_id: str, doc: DocumentFacts) -> Sense | None:
        """The one sense whose cues come with ``word`` in other segments of the document, when no other
        sense's cues come with it anywhere else (one sense per document; one other segment is enough: two
        lost the evaluation pages' finds and caught nothing more)."""
        totals, per_segment = self._uses(doc).get(word, (Counter(), {}))
        own = per_segment.get(segment_id, frozenset())
        used = [i for i, n in totals.items() if n - (i in own) > 0]
        return self.by_word[word][used[0]] if len(used) == 1 else None

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not source or not target:
            return
        if self.quick.search(source) is None:
            return  # none of the lexicon's words, in any inflection
        words = english.words(source)
        hits = [w for w in words if w.lemma in self.by_word or w.lower in self.by_word]
        if not hits:
            return
        word_starts = [w.start for w in words]
        hit_starts = [w.start for w in hits]
        tokens: list[japanese.Token] | None = None
        reported: set[tuple[int, int]] = set()
        units: dict[tuple[int, int], list[japanese.Token]] = {}
        matched: dict[tuple[int, str], tuple[int, int] | None] = {}
        for (es, ee), (js, je) in sentence_pairs(source, target):
            sentence_words = _sentence_words(words, word_starts, es, ee)
            lemmas = {w.lemma for w in sentence_words} | {w.lower for w in sentence_words}
            ja_text = target[js:je]
            for w in _sentence_words(hits, hit_starts, es, ee):
                rows = self.by_word.get(w.lemma, []) + (
                    self.by_word.get(w.lower, []) if w.lower != w.lemma else []
                )
                if (
                    w.lower != w.lemma
                    and w.lower not in self.by_word
                    and (
                        w.lower.endswith(("ed", "ing"))
                        or (w.lower.endswith("s") and _after_subject(source, w.start))
                    )
                ):
                    # a verb form ("a track recorded with a choir", "who drives a minibus") takes a verb's
                    # senses only ("to …"), not a noun's ("record": the best result; "drive": a campaign)
                    rows = [r for r in rows if r.meaning.startswith("to ")]
                applicable = []
                for row in rows:
                    if row.guards or (row.strict and not _fits_use(row, source, w.start)):
                        continue
                    cues = {c for c in row.cues if c in lemmas or (not c.isalpha() and _near(source, w, c))}
                    cues.discard(row.word)
                    if (
                        cues
                        and row.strict
                        and len(cues) < 2
                        and not _beside(sentence_words, w, cues)
                        and not _rendered_right_elsewhere(
                            self._word_index(doc), row.word, row, segment.id, doc
                        )
                    ):
                        continue  # one cue, not beside the word, whose wrong rendering is its everyday sense
                    if cues:
                        applicable.append((row, cues))
                if w.lower != w.lemma and any(row.word == w.lower for row, _c in applicable):
                    # a row of the very form ("shares" of a company) is more specific than the lemma's
                    applicable = [(row, c) for row, c in applicable if row.word == w.lower]
                by_document, same_wrong = False, frozenset[str]()
                if not applicable and (not w.text[:1].isupper() or _starts_sentence(source, es, w.start)):
                    # no cue here (and no name's word: Brightwater Pressing): one sense per document, when
                    # the document's other uses of the word all come with the cues of one sense ("since the
                    # trial began" on a page about a trial scheme); a weaker evidence, reported as minor
                    sense = self._document_sense(w.lemma, segment.id, doc)
                    if sense is not None and any(wrong in ja_text for wrong in sense.wrong):  # (cheap first)
                        right, same_wrong = _elsewhere(self._word_index(doc), w.lemma, sense, segment.id, doc)
                        # (the other segments' translations say so too: "chairs" of a board's sentence
                        # rendered チェア there is no evidence that the chairs here are its chairs)
                        if right:
                            applicable, by_document = [(sense, set())], True
                guarded = set()
                if not applicable and (not w.text[:1].isupper() or _starts_sentence(source, es, w.start)):
                    # guarded rows where no cue speaks: not for a name's word ("the Royal Mint")
                    for row in rows:
                        if (
                            row.guards
                            and (not row.cues or row.cues & lemmas)
                            and not row.guards & self._guards(doc)
                            and _rendered_right_elsewhere(
                                self._word_index(doc), row.word, row, segment.id, doc
                            )
                        ):
                            applicable.append((row, set()))
                            guarded.add(id(row))
                # a right rendering of any sense the context allows settles it — unless it is a piece of
                # a wrong one (タブレット of タブレット端末 for a pill)
                rights = [r for row, _cues in applicable for r in row.right]
                settled = ja_text
                for row, _cues in applicable:
                    for wrong in row.wrong:
                        if wrong in settled and wrong not in rights and any(r in wrong for r in rights):
                            settled = settled.replace(wrong, "\0" * len(wrong))
                if any(r in settled for r in rights) and (
                    not any(wrong in ja_text for row, _c in applicable for wrong in row.wrong)
                    or _settles(source, target, js, settled, rights, w.lemma)
                ):
                    continue  # (not a right rendering that only renders another word: 申請, "applications")
                for row, cues in applicable:
                    for wrong in row.wrong:
                        if wrong not in ja_text:
                            continue  # cheap before MeCab
                        if by_document and wrong in same_wrong:
                            continue  # the document renders the word so elsewhere too: its own sense here
                        if len(cues) < 2 and self._elsewhere_right(w.lemma, row, wrong, doc):
                            # the document uses the word in the sense that calls for it; two cues of
                            # this sense in the sentence outweigh that ("book a charge … in the quarter")
                            continue
                        if tokens is None:
                            tokens = list(japanese.tokens(target))
                        if (js, wrong) not in matched:  # once per sentence and rendering: linear time
                            if (js, je) not in units:
                                units[(js, je)] = [t for t in tokens if js <= t.start and t.end <= je]
                            matched[(js, wrong)] = _token_match(units[(js, je)], wrong)
                        span = matched[(js, wrong)]
                        if span is None or span in reported:
                            continue
                        if _renders_another_word(source, target, span, w.lemma):
                            continue  # 製品 for "products" beside "produce" (the verb): not this word's
                        reported.add(span)
                        if id(row) in guarded:
                            message = _(
                                "The translation gives “{word}” as “{ja}” ({meaning}), but nothing in this "
                                "document speaks of that sense (such as {guards})."
                            ).format(
                                word=w.text,
                                ja=target[span[0] : span[1]],
                                meaning=row.meaning or wrong,
                                guards=", ".join(sorted(row.guards)[:3]),
                            )
                        elif by_document:
                            message = _(
                                "Elsewhere in this document “{word}” means {meaning}; here the sentence does "
                                "not say, and the translation says “{ja}”."
                            ).format(
                                word=w.text,
                                meaning=row.meaning or " / ".join(row.right),
                                ja=target[span[0] : span[1]],
                            )
                        else:
                            message = _(
                                "“{word}” here means {meaning} (context: {cue}); the translation says “{ja}”."
                            ).format(
                                word=w.text,
                                meaning=row.meaning or " / ".join(row.right),
                                cue=", ".join(sorted(cues)[:2]),
                                ja=target[span[0] : span[1]],
                            )
                        yield self.finding(
                            segment,
                            Side.TARGET,
                            span[0],
                            span[1],
                            message,
                            row.right[0] if row.right and id(row) not in guarded else None,
                            evidence=(w.start, w.end),
                            severity=Severity.MINOR if by_document else None,
                        )
                        break

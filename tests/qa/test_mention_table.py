"""The document's name mentions are kept compactly (start, end, speaker per mention) and made again on
access: what the checks read back must be exactly what was found."""

from __future__ import annotations

from mtreview.qa.base import DocumentInput, SegmentInput
from mtreview.qa.context import DocumentFacts, QaContext
from mtreview.qa.entities import MAX_EVIDENCE, MentionTable, build_entity_index, common_words, find_mentions
from mtreview.qa.lexicons import shipped_lexicons

LEX = shipped_lexicons()

SOURCES = [
    "Dr. Imelda Okonkwo-Baptiste's team at Veldhoven Instruments said the trial would resume.",
    "Okonkwo-Baptiste: We will publish in March.",
    "Tomasz van der Berg  and  Ana María López told the board on Friday.",
    "The Ministry of Harbours (MoH) said Lópezs' plan was “late”.",
    "Nobody at Quillon Labs Inc. would comment; she said only that Quillon's board met.",
    "",
    "no capitals here at all",
    "Short: Yes",
    "“Aleksandr Rytkönen’s goal,” he said, “was offside.”",
    "Dunya\u00a0Petrova said it, and Ines\u2009Vaz\tand Ola\u3000Berg agreed.",
]


def test_the_table_gives_back_what_was_found() -> None:
    common = common_words(SOURCES)
    found = [find_mentions(s, common, LEX.given_names) for s in SOURCES]
    assert sum(map(len, found)) >= 12  # the cases below are made of real mentions
    table = MentionTable(SOURCES, found)
    assert len(table) == len(SOURCES)
    assert [table[n] for n in range(len(SOURCES))] == found
    assert any(m.speaker for m in table[1])  # the speaker label keeps its flag
    assert ("Imelda", "Okonkwo-Baptiste") in [m.tokens for m in table[0]]  # the possessive is not a token


def test_facts_give_each_segment_its_mentions_by_id() -> None:
    segments = tuple(SegmentInput(f"d#{i}", "d", s, "訳") for i, s in enumerate(SOURCES))
    facts = DocumentFacts(DocumentInput("d", segments), QaContext.from_settings({"user_lexicons": False}))
    common = common_words(SOURCES)
    for seg in segments:
        assert facts.mentions.get(seg.id, []) == find_mentions(seg.source, common, LEX.given_names)
    assert facts.mentions.get("elsewhere#1", []) == []
    assert facts.entities.kind("Okonkwo-Baptiste") == "person"


def test_a_name_mentioned_thousands_of_times_is_decided_on_its_first_mentions() -> None:
    # the person cue ("Dr.") is in the first mentions; the index keeps only as many as are read
    sources = ["Dr. Halvard Quist arrived."] + ["Quist left." for _ in range(5 * MAX_EVIDENCE)]
    index = build_entity_index(sources, LEX.given_names, LEX.org_suffixes)
    assert index.kind("Quist") == "person"
    assert len(index._where["quist"]) == MAX_EVIDENCE

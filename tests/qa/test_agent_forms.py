"""The speaker named in the English and in the translation, in more of the forms news prose uses: a
sentence opening "According to X", a subject followed by a relative clause ("X, who founded …, said"), a
Japanese name after a verb that describes it (…を創設したギャラガー氏は), and a passive's agent ("announced by
X", …氏によって)."""

from __future__ import annotations

import pytest

from .helpers import findings

CONTEXT = [
    (
        "Chinedu Okafor, the festival director, met Siobhan Gallagher on Monday.",
        "フェスティバル・ディレクターのチネドゥ・オカフォー氏は月曜日、シボーン・ギャラガー氏と会談した。",
    ),
    (
        "Siobhan Gallagher said the council would pay for the repairs.",
        "シボーン・ギャラガー氏は、修理費は市議会が負担すると述べた。",
    ),
]

FORMS = [
    (
        "According to Okafor, every ticket will be refunded.",
        "{who}氏によると、すべてのチケットが払い戻される。",
    ),
    (
        "Okafor, who founded the festival in 2009, said every ticket would be refunded.",
        "2009年に同フェスティバルを創設した{who}氏は、すべてのチケットが払い戻されると述べた。",
    ),
    ("The decision was announced by Okafor on Friday.", "この決定は金曜日に{who}氏によって発表された。"),
]


@pytest.mark.parametrize(("en", "ja"), FORMS)
def test_the_wrong_speaker_is_found(en: str, ja: str) -> None:
    found = findings([*CONTEXT, (en, ja.format(who="ギャラガー"))], "agent")
    assert [(f.segment, f.text) for f in found] == [("3", "ギャラガー氏")]
    assert "Okafor" in found[0].message


@pytest.mark.parametrize(("en", "ja"), FORMS)
def test_the_right_speaker_is_silent(en: str, ja: str) -> None:
    assert findings([*CONTEXT, (en, ja.format(who="オカフォー"))], "agent") == []

"""Person/organisation decisions from cues other than the given-name list (names not in that list)."""

from __future__ import annotations

import pytest

from mtreview.qa.entities import build_entity_index
from mtreview.qa.lexicons import shipped_lexicons

from .helpers import findings

LEX = shipped_lexicons()

CASES = [
    # (sources, token, expected kind)
    (["Zuleika Ferrante, the new head librarian, opened the hall."], "Ferrante", "person"),
    (["Oduya Balewa, a co-founder, spoke first.", "Balewa stayed late."], "Balewa", "person"),
    (["Tevita Fonua, Kelpworks' head of design, left."], "Fonua", "person"),
    (["Rangi Parata previously worked as a nurse in Napier."], "Parata", "person"),
    (["Ilsabet Morrow told the meeting that the roof leaked."], "Morrow", "person"),
    (
        ["Kelpworks, a small design studio, moved to Oslo.", "Kelpworks announced a new chair."],
        "Kelpworks",
        "org",
    ),
    # a role with no article, before what it is a role of
    (
        ["Margit Szabolcsi, chair of the Riverside Tenants' Union, spoke.", "Szabolcsi left."],
        "Szabolcsi",
        "person",
    ),
    (["Tomé Avelar, head of research at Quintal, spoke."], "Avelar", "person"),
    (["Quintal, a subsidiary of Brightwell Energy, spoke."], "Quintal", "name"),
    (["Brightwell Energy said prices would rise."], "Brightwell", "org"),
    (["The Quorra report was late.", "Quorra was blamed."], "Quorra", "name"),
]


@pytest.mark.parametrize(("sources", "token", "kind"), CASES)
def test_person_or_organisation_from_context(sources, token, kind):
    index = build_entity_index(sources, LEX.given_names, LEX.org_suffixes)
    assert index.kind(token) == kind


NAME_AS_COMPANY = [
    # fires: a person introduced with an appositive role, written with 社
    (
        [
            (
                "Zuleika Ferrante, the new head librarian, opened the hall.",
                "新館長のズレイカ・フェランテ社が開館しました。",
            ),
            ("Ferrante thanked the donors.", "フェランテ氏は寄付者に感謝しました。"),
        ],
        ["ズレイカ・フェランテ社"],
    ),
    # fires: the translation's own title (館長) says it is a person
    (
        [
            ("Ferrante opened the hall on Monday.", "フェランテ社は月曜日に開館しました。"),
            ("Ferrante thanked the donors.", "フェランテ館長は寄付者に感謝しました。"),
        ],
        ["フェランテ社"],
    ),
    # fires: a mayor whose surname has the kh of Russian names, heard as h (アルヒポワ)
    (
        [
            (
                '"It ends today," Mayor Dunya Arkhipova said at the launch.',
                "「今日で終わりだ」とドゥニャ・アルヒポワ市長は述べた。",
            ),
            ("Arkhipova said the city would decide next year.", "アルヒポワ社によると、市は来年決定する。"),
        ],
        ["アルヒポワ社"],
    ),
    # fires: the person was introduced as "chair of" the union, then named alone
    (
        [
            (
                "Margit Szabolcsi, chair of the Riverside Tenants' Union, said rents were rising.",
                "リバーサイド借家人組合のマルギト・サボルチ委員長は、家賃が上がっていると述べた。",
            ),
            ("Szabolcsi said the union would vote in May.", "サボルチ社は、組合が5月に投票すると述べた。"),
        ],
        ["サボルチ社"],
    ),
    # does not fire: a company with 社
    (
        [
            (
                "Kelpworks, a small design studio, announced a new chair.",
                "小さなデザインスタジオのケルプワークス社は新しい椅子を発表しました。",
            )
        ],
        [],
    ),
]


@pytest.mark.parametrize(("pairs", "spans"), NAME_AS_COMPANY)
def test_name_as_company_with_role_cues(pairs, spans):
    assert [f.text for f in findings(pairs, "name-as-company")] == spans

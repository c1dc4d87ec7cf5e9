"""Negation flips as MT makes them, in sentences of our own (a probe written for issue 14, not taken from
any evaluation page): each flipped translation is found, each right one is left alone. Not here, because
the checks miss them (a second reviewer showed that the first rules for them raised more false alarms than
they found): double negations ("have not ruled out" → 可能性はない, "did not deny" → 認めなかった) and "no
irregularities" → 不正があった (the negative prefix belongs to the noun). The reviewer's cases of those
false alarms are among the right renderings below."""

from __future__ import annotations

import pytest

from .helpers import findings

FLIPPED = [
    ("Officials have not ruled out a strike.", "当局者はストライキを排除した。"),
    ("Police removed the protesters but did not arrest anyone.", "警察は抗議者を排除し、数人を逮捕した。"),
    ("The company did not pay the ransom, a spokesman said.", "同社は身代金を支払ったと広報担当者は述べた。"),
    (
        "The board has not yet decided whether to sell the unit.",
        "取締役会は同部門を売却するかどうかをすでに決めた。",
    ),
    ("The change cannot be undone.", "この変更は元に戻せます。"),
    ("The family never wanted to sell the farm.", "一家は農場の売却を望んでいた。"),
    ("The wreck has not been found.", "残骸は見つかっている。"),
    ("The plan does not cover flood damage.", "この制度は洪水被害を補償対象としている。"),
    ("The ministry no longer funds the programme.", "同省は引き続きこの事業に資金を出している。"),
    ("Neither the mayor nor the council approved the budget.", "市長と議会は予算を承認した。"),
    ("The new rules will not apply to small farms.", "新しい規則は小規模農家にも適用される。"),
    ("None of the passengers was injured.", "乗客全員が負傷した。"),
    ("The drug failed to reduce deaths in the trial.", "この薬は試験で死亡を減らした。"),
    ("Police said the fire was not deliberate.", "警察によると、火災は放火だった。"),
    ("The bank has yet to respond to the claims.", "同行はすでにこの主張に回答している。"),
    ("The players were not paid for three months.", "選手たちは3カ月間給料を受け取っていた。"),
    ("Nobody has claimed responsibility for the attack.", "この攻撃について犯行声明が出された。"),
    ("The airline will not refund the tickets.", "同航空会社は航空券を払い戻す。"),
    ("Residents were told not to drink tap water.", "住民は水道水を飲むよう指示された。"),
    ("The court did not accept the defence's argument.", "裁判所は弁護側の主張を認めた。"),
    ("The court did not reject the appeal.", "裁判所は上訴を退けた。"),
]

RIGHT = [
    ("Police have not ruled out foul play.", "警察は事件性がないとは言い切れないとしている。"),
    ("The company did not exclude the bidder.", "同社は入札者を除外しなかった。"),
    ("The opposition filed a no-confidence motion.", "野党は内閣不信任案を提出した。"),
    ("The scheme offers no-interest loans to students.", "この制度は学生に無利子ローンを提供する。"),
    (
        "The minister did not deny the report, saying the plan was unchanged.",
        "大臣は報道を認め、計画に変更はないと述べた。",
    ),
    (
        "The company did not pay the ransom, a spokesman said.",
        "同社は身代金を支払わなかったと広報担当者は述べた。",
    ),
    (
        "The board has not yet decided whether to sell the unit.",
        "取締役会は同部門を売却するかどうかをまだ決めていない。",
    ),
    ("The change cannot be undone.", "この変更は元に戻せません。"),
    ("Officials have not ruled out further closures.", "当局はさらなる閉鎖の可能性を排除していない。"),
    ("The wreck has not been found.", "残骸は見つかっていない。"),
    (
        "Observers found no serious irregularities in the vote.",
        "監視団は投票に重大な不正は見られなかったとした。",
    ),
    ("The ministry no longer funds the programme.", "同省はもはやこの事業に資金を出していない。"),
    ("Neither the mayor nor the council approved the budget.", "市長も議会も予算を承認しなかった。"),
    ("None of the passengers was injured.", "乗客にけが人はいなかった。"),
    ("The drug failed to reduce deaths in the trial.", "この薬は試験で死亡を減らせなかった。"),
    ("Police said the fire was not deliberate.", "警察によると、火災は放火ではなかった。"),
    ("The bank has yet to respond to the claims.", "同行はまだこの主張に回答していない。"),
    ("Nobody has claimed responsibility for the attack.", "この攻撃について犯行声明は出ていない。"),
    ("Residents were told not to drink tap water.", "住民は水道水を飲まないよう指示された。"),
    ("The plan does not cover flood damage.", "この制度は洪水被害を補償対象外としている。"),
    ("The new rules will not apply to small farms.", "新しい規則は小規模農家には適用されない。"),
    ("The minister did not deny the report.", "大臣はその報道を否定しなかった。"),
    ("The court did not reject the appeal.", "裁判所は上訴を退けなかった。"),
    ("It is not unusual for the river to flood in spring.", "春に川が氾濫するのは珍しくない。"),
]


@pytest.mark.parametrize(("en", "ja"), FLIPPED)
def test_a_flipped_negation_is_found(en: str, ja: str) -> None:
    assert findings([(en, ja)], "polarity") != []


@pytest.mark.parametrize(("en", "ja"), RIGHT)
def test_a_right_rendering_is_left_alone(en: str, ja: str) -> None:
    assert findings([(en, ja)], "polarity") == []

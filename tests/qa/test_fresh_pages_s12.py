"""What two fresh pages written by others (a patent ruling, a city's bike-share scheme) taught the checks,
each as a general mechanism tested with sentences of our own: a negation inside an English relative clause
is rendered by the clause before the noun it describes; "otherwise" and "beyond repair" say "not" in
their meaning; a battery's charge and a court's trial by more of their context words; idioms a wire story
uses (a shot across the bow, an uphill battle)."""

from __future__ import annotations

import resource

from .helpers import findings


def test_a_negation_in_a_relative_clause_is_found_at_the_clause_before_its_noun() -> None:
    en = (
        "Most of the new clinics will open in the northern valleys of Orvath and Dellin, which have had no "
        "doctors until now, and in the old port."
    )
    ja = "新しい診療所の大半は、これまでも医師がいたオーヴァスとデリンの北部の渓谷と旧港に開設される。"
    [f] = findings([(en, ja)], "polarity")
    assert f.text == "いた", f  # the relative clause's predicate, not the sentence's (開設される)
    assert en[f.source_start : f.source_end].startswith("had no doctors")


def test_the_main_predicate_is_still_reported_outside_a_relative_clause() -> None:
    en = "The clinics, which opened in May, will not take new patients."
    ja = "5月に開院した診療所は、新しい患者を受け入れる。"
    [f] = findings([(en, ja)], "polarity")
    assert f.text.startswith("受け入れる")


def test_words_that_say_not_in_their_meaning_explain_a_japanese_negation() -> None:
    pairs = [
        (
            "The firm argued that the pump took sales that would otherwise have gone to its own device.",
            "同社は、そのポンプがなければ自社の装置が得ていたはずの売り上げを奪われたと主張した。",
        ),
        (
            "At least 200 scooters were stolen or damaged beyond repair last year.",
            "昨年、盗まれたり修理できないほど壊されたりしたスクーターは少なくとも200台に上った。",
        ),
    ]
    assert findings(pairs, "polarity") == []
    # "beyond doubt" and an "otherwise" that is not counterfactual say no "not": a flip is still one
    flips = [
        (
            "His guilt was proven beyond doubt, the judge said.",
            "彼の有罪は証明されなかったと裁判官は述べた。",
        ),
        ("The drug was otherwise approved by all members.", "その薬はすべての委員によって承認されなかった。"),
    ]
    assert len(findings(flips, "polarity")) == 2
    # the same Japanese negation with an English that has no such word is still a flip
    flipped = [("At least 200 scooters were stolen or damaged and repaired last year.", pairs[1][1])]
    assert [f.text for f in findings(flipped, "polarity")] != []


def test_a_battery_charge_and_a_court_trial_by_their_context() -> None:
    pairs = [
        (
            "The electric scooters can travel about 40 kilometres on a single charge.",
            "このスクーターは1回の料金で約40キロ走行できる。",
        ),
        (
            "The verdict came after a nine-day trial.",
            "評決は9日間の治験の後に出された。",
        ),
    ]
    assert [f.text for f in findings(pairs, "sense")] == ["料金", "治験"]
    right = [
        (
            "The electric scooters can travel about 40 kilometres on a single charge.",
            "このスクーターは1回の充電で約40キロ走行できる。",
        ),
        ("The verdict came after a nine-day trial.", "評決は9日間の審理の後に出された。"),
        (
            "The operator will charge riders a fee of 2 euros.",
            "運営会社は利用者から2ユーロの料金を徴収する。",
        ),
    ]
    assert findings(right, "sense") == []
    # a fare by the mile or for a scooter is still asked for: no battery there
    fares = [
        ("Taxis will charge $2 per mile from Monday.", "タクシーは月曜日から1マイル当たり2ドルを請求する。"),
        ("The city will charge scooter operators for parking.", "市はスクーター事業者に駐車料金を請求する。"),
    ]
    assert findings(fares, "sense") == []


def _cpu_of_one_sentence(n: int) -> float:
    clause = "and will add new bikes to every station along the river "
    en = "Most stations will go to the districts, which have had no stations until now " + clause * n + "."
    ja = (
        "駅の大半はこれまでも駅が設置されていた地区に"
        + "川沿いの全駅に新しい自転車を追加し" * n
        + "配置される。"
    )
    start = resource.getrusage(resource.RUSAGE_SELF)
    findings([(en, ja)], "polarity")
    end = resource.getrusage(resource.RUSAGE_SELF)
    return (end.ru_utime - start.ru_utime) + (end.ru_stime - start.ru_stime)


def test_a_long_relative_clause_costs_about_linear_time() -> None:
    """A relative clause with no comma to end it ran to the end of the sentence, and every predicate
    counted every hit of its words: cubic (reviewer: 12 s at 18,500 characters). Twice the sentence may
    cost about twice the CPU, not eight times."""
    _cpu_of_one_sentence(20)  # the analysers warm
    small, large = _cpu_of_one_sentence(150), _cpu_of_one_sentence(300)
    assert large < 4 * small + 0.5, f"{small:.2f} s at 150 clauses, {large:.2f} s at 300"


def test_idioms_of_wire_stories() -> None:
    literal = [
        (
            "The fine is a shot across the bow for the whole sector.",
            "この罰金は業界全体に対する船首を横切る一発だ。",
        ),
        ("Reform remains an uphill battle.", "改革は依然として上り坂の戦いだ。"),
    ]
    assert [f.text for f in findings(literal, "literal-idiom")] == ["船首", "上り坂"]
    rendered = [
        ("The fine is a shot across the bow for the whole sector.", "この罰金は業界全体への警告だ。"),
        ("Reform remains an uphill battle.", "改革は依然として苦戦が続いている。"),
    ]
    assert findings(rendered, "literal-idiom") == []

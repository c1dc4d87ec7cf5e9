"""Table-driven cases per check: what must fire (with the exact span) and what must not."""

from __future__ import annotations

import pytest

from .helpers import findings

# (check, pairs, expected: [(segment, side, text)]) — the findings of that check, exactly.
MUST_FIRE = [
    # a person (given name + surname) rendered as a company
    (
        "name-as-company",
        [("Daniel Brooks said the plan was sound.", "ダニエル・ブルックス社は計画は妥当だと述べた。")],
        [("1", "target", "ダニエル・ブルックス社")],
    ),
    # a speaker label makes the name a person
    (
        "name-as-company",
        [("Natarajan: I disagree with this plan.", "ナタラジャン社：私はこの計画に反対です。")],
        [("1", "target", "ナタラジャン社")],
    ),
    # a title makes the name a person
    (
        "name-as-company",
        [("Dr. Okafor presented the results.", "オカフォー社が結果を発表した。")],
        [("1", "target", "オカフォー社")],
    ),
    # the Latin name with 社
    (
        "name-as-company",
        [("Thank you, Helen Carter.", "Helen Carter社に感謝します。")],
        [("1", "target", "Helen Carter社")],
    ),
    # the person is known from another segment; the organisation beside it is not flagged
    (
        "name-as-company",
        [
            (
                "Marcus Ellery wrote the memo for Fabrikam Inc.",
                "マーカス・エレリーはファブリカム社のためにメモを書いた。",
            ),
            ("Neither Ellery nor Fabrikam replied.", "エレリー社もファブリカム社も返答しなかった。"),
        ],
        [("2", "target", "エレリー社")],
    ),
    # a role before the name makes it a person
    (
        "name-as-company",
        [("Economist Lena Brandt disagreed.", "経済学者のレナ・ブラント社は反対した。")],
        [("1", "target", "レナ・ブラント社")],
    ),
    # the translation itself calls the name 氏 elsewhere
    (
        "name-as-company",
        [
            ("Ysolde Vantongeren wrote the report.", "イゾルデ・ヴァントンゲレン氏が報告書を書いた。"),
            ("Later, Vantongeren revised it.", "その後、ヴァントンゲレン社がそれを改訂した。"),
        ],
        [("2", "target", "ヴァントンゲレン社")],
    ),
    # katakana variants of one name: the minority spelling, with the majority as suggestion
    (
        "name-consistency",
        [
            ("Ingrid Sorensen opened the meeting.", "イングリッド・ソレンセンが会議を開いた。"),
            ("Sorensen then left the room.", "その後ソレンセンは退室した。"),
            ("Later Sorensen came back.", "後でソーレンセンが戻ってきた。"),
        ],
        [("3", "target", "ソーレンセン")],
    ),
    # Latin beside katakana
    (
        "name-consistency",
        [
            ("Fabrikam Inc. released a new model.", "Fabrikam は新しいモデルを公開した。"),
            ("Fabrikam says it is safe.", "Fabrikam はそれが安全だと言う。"),
            ("Critics doubt Fabrikam.", "批評家はファブリカムを疑っている。"),
        ],
        [("3", "target", "ファブリカム")],
    ),
    (
        "untranslated",
        [("The change was substantial.", "その変更は substantial だった。")],
        [("1", "target", "substantial")],
    ),
    (  # an English word the dictionary knows is still reported when the source has it too
        "untranslated",
        [("See the kew garden talk page.", "kew gardenのトークページを参照。")],
        [("1", "target", "garden")],
    ),
    (
        "untranslated",
        [("We need a robust and simple plan.", "我々には robust で simple な計画が必要だ。")],
        [("1", "target", "robust"), ("1", "target", "simple")],
    ),
    (
        "untranslated",
        [("This is the final report for the team.", "This is the final report for our team!")],
        [("1", "target", "This is the final report for our team!")],
    ),
    (
        "numbers",
        [("Revenue was $25 million last year.", "昨年の収益は2500万円だった。")],
        [("1", "target", "2500万円")],
    ),
    ("numbers", [("Support rose to 45% in May.", "5月に支持率は54%に上昇した。")], [("1", "target", "54%")]),
    ("numbers", [("The plan has 3 phases.", "計画には4つの段階がある。")], [("1", "target", "4")]),
    ("numbers", [("It costs $120 and ships in 5 days.", "価格は120ドルです。")], [("1", "source", "5")]),
    (
        "numbers",
        [("About 1.5 billion people use it.", "約15万人が利用している。")],
        [("1", "target", "15万")],
    ),
    (
        "addition",
        [("They moved to a new vibe.", "彼らは新しいバイブス（雰囲気）に移った。")],
        [("1", "target", "（雰囲気）")],
    ),
    (
        "addition",
        [("The SLA was revised last week.", "SLA(サービス品質保証)が先週改訂された。")],
        [("1", "target", "(サービス品質保証)")],
    ),
    (
        "omission",
        [("This paragraph was never translated by the engine.", "")],
        [("1", "source", "This paragraph was never translated by the engine.")],
    ),
    (
        "literal-idiom",
        [("He finally spilled the beans.", "彼はついに豆をこぼした。")],
        [("1", "target", "豆")],
    ),
    (
        "literal-idiom",
        [("Let's break the ice with a game.", "ゲームで氷を割りましょう。")],
        [("1", "target", "氷を割")],
    ),
    (
        "literal-idiom",
        [("That costs an arm and a leg.", "それには腕と脚がかかる。")],
        [("1", "target", "腕と脚")],
    ),
    (
        "glossary",
        [("He is naive about politics.", "彼は政治に関してナイーブだ。")],
        [("1", "target", "ナイーブ")],
    ),
    (
        "register-mix",
        [
            ("We released the tool.", "私たちはツールを公開しました。"),
            ("It is fast.", "それは高速です。"),
            ("It is free.", "それは無料である。"),
            ("Try it.", "ぜひお試しください。"),
        ],
        [("3", "target", "である")],
    ),
    ("punctuation-width", [("Katakana", "ｶﾀｶﾅを使う。")], [("1", "target", "ｶﾀｶﾅ")]),
    ("punctuation-width", [("He said hello.", "彼は「こんにちはと言った。")], [("1", "target", "「")]),
    ("punctuation-width", [("It is ready.", "準備が  できました。")], [("1", "target", "  ")]),
    ("punctuation-width", [("Yes, it is.", "はい,そうです。")], [("1", "target", ",")]),
    (
        "punctuation-width",
        [("The Care Alliance (a charity) said so.", "ケア連盟(慈善団体)はそう述べた。")],
        [("1", "target", "("), ("1", "target", ")")],
    ),
    (
        "punctuation-width",
        [("Windows 11 is here.", "Ｗｉｎｄｏｗｓ 11 が登場しました。")],
        [("1", "target", "Ｗｉｎｄｏｗｓ")],
    ),
    (
        "identical",
        [("Click here to continue.", "Click here to continue.")],
        [("1", "target", "Click here to continue.")],
    ),
]

MUST_NOT_FIRE = [
    ("name-as-company", [("Contoso Labs released a model.", "コントソ・ラボ社がモデルを公開した。")]),
    ("name-as-company", [("Northwind Inc. hired Tom Baker.", "ノースウィンド社はトム・ベイカーを雇った。")]),
    (
        "name-as-company",
        [
            (
                "Alice Moreno (Fabrikam): We agree with the plan.",
                "アリス・モレノ（ファブリカム社）：計画に同意します。",
            )
        ],
    ),
    (
        "name-as-company",
        [("Daniel Brooks said the plan was sound.", "ダニエル・ブルックスは計画は妥当だと述べた。")],
    ),
    ("name-as-company", [("Jordan Price changed society.", "ジョーダン・プライス社会を変えた。")]),
    ("name-as-company", [("President Nadia Koller spoke.", "ナディア・コラー社長が話した。")]),
    (
        "name-consistency",
        [
            ("Ingrid Sorensen opened the meeting.", "イングリッド・ソレンセンが会議を開いた。"),
            ("Sorensen then left the room.", "その後ソレンセンは退室した。"),
        ],
    ),
    ("name-consistency", [("Contoso and Fabrikam merged.", "コントソとファブリカムが合併した。")]),
    ("untranslated", [("Contoso released v2 of the API.", "ContosoがAPIのv2をリリースした。")]),
    ("untranslated", [("Run `pip install mtreview` now.", "今すぐ`pip install mtreview`を実行します。")]),
    (
        "untranslated",
        [("See https://example.com/docs for more.", "詳しくは https://example.com/docs を参照。")],
    ),
    ("untranslated", [("It weighs 5 kg.", "重さは5 kgです。")]),
    ("untranslated", [("zephyrine agreed with the plan.", "zephyrine 氏はその計画に同意した。")]),
    # words the English dictionary does not know, kept as they are: a handle, a misspelling, a foreign word
    ("untranslated", [("ask luftullah about the edit", "編集については luftullah に聞いてください")]),
    ("untranslated", [("Read his trancscprits first.", "まず彼のtrancscpritsを読んでください。")]),
    ("untranslated", [("She wrote: pero parece.", "彼女は「pero parece」と書いた。")]),
    ("numbers", [("Revenue was $25 million.", "収益は2500万ドルだった。")]),
    ("numbers", [("It has 2.5 billion users.", "25億人のユーザーがいる。")]),
    ("numbers", [("Support rose to 45%.", "支持率は４５％に上昇した。")]),
    ("numbers", [("My answer has two parts.", "私の答えは2つの部分からなる。")]),
    ("numbers", [("In 2024 we shipped version 4.6.0.", "2024年にバージョン4.6.0を出荷した。")]),
    ("numbers", [("It ends on 2027-03-24.", "2027年3月24日に終了する。")]),
    ("numbers", [("We hired 1,200 people.", "1200人を雇用した。")]),
    ("numbers", [("See the second page.", "2ページ目を参照。")]),
    ("numbers", [("k9x2: I disagree.", "k9x2: 反対です。")]),
    (
        "addition",
        [("They developed (modestly) better tools.", "彼らは（控えめに言って）より良いツールを開発した。")],
    ),
    ("addition", [("It was slow, which surprised us.", "それは遅かった（それは私たちを驚かせた）。")]),
    ("omission", [("Short.", "短い。")]),
    ("literal-idiom", [("He finally spilled the beans.", "彼はついに秘密を漏らした。")]),
    ("literal-idiom", [("Beans are healthy.", "豆は健康に良い。")]),
    ("literal-idiom", [("That is the tip of the iceberg.", "それは氷山の一角にすぎない。")]),
    ("glossary", [("The fabric is delicate.", "この生地はナイーブだ。")]),
    (
        "register-mix",
        [
            ("We released the tool.", "私たちはツールを公開しました。"),
            ("He said it is fast.", "彼は「それは速い」と言いました。"),
            ("Try it.", "ぜひお試しください。"),
        ],
    ),
    ("punctuation-width", [("Version 4.6 of rule 7.1.7", "規則 7.1.7 のバージョン 4.6 です。")]),
    ("punctuation-width", [("Note", "（注）「確認」してください。")]),
    ("punctuation-width", [("Tom Reilly, 63, of the KCA", "ライリー氏(63)はKCA連盟(KCA)の会員です。")]),
    ("punctuation-width", [("Sam Bowman: yes", "Sam Bowman: yes")]),
    ("identical", [("Contoso", "Contoso")]),
    ("identical", [("...", "...")]),
    ("identical", [("iPhone 15 Pro", "iPhone 15 Pro")]),
]


@pytest.mark.parametrize(
    ("check", "pairs", "expected"), MUST_FIRE, ids=[f"{c}-{i}" for i, (c, _p, _e) in enumerate(MUST_FIRE)]
)
def test_must_fire(check: str, pairs: list[tuple[str, str]], expected: list[tuple[str, str, str]]) -> None:
    found = findings(pairs, check)
    assert sorted((f.segment, f.side.value, f.text) for f in found) == sorted(expected)


@pytest.mark.parametrize(
    ("check", "pairs"), MUST_NOT_FIRE, ids=[f"{c}-{i}" for i, (c, _p) in enumerate(MUST_NOT_FIRE)]
)
def test_must_not_fire(check: str, pairs: list[tuple[str, str]]) -> None:
    assert findings(pairs, check) == []


def test_suggestions_and_messages() -> None:
    [company] = findings(
        [("Daniel Brooks said so.", "ダニエル・ブルックス社がそう言った。")], "name-as-company"
    )
    assert company.suggestion == "ダニエル・ブルックス" and company.severity.value == "major"
    [variant] = findings(
        [
            ("Ingrid Sorensen spoke.", "イングリッド・ソレンセンが話した。"),
            ("Sorensen left.", "ソレンセンは去った。"),
            ("Sorensen came back.", "ソーレンセンが戻った。"),
        ],
        "name-consistency",
    )
    assert (
        variant.suggestion == "ソレンセン"
        and variant.category == "Terminology/Inconsistent use of terminology"
    )
    [money] = findings([("Revenue was $25 million.", "収益は2500万円だった。")], "numbers")
    assert "$25 million" in money.message
    [idiom] = findings([("He spilled the beans.", "彼は豆をこぼした。")], "literal-idiom")
    assert idiom.suggestion == "秘密を漏らす"


def test_omission_length_outlier_relative_to_the_document() -> None:
    normal = [
        (
            f"Paragraph {i} explains one more step of the installation in a few plain words.",
            f"段落{i}は、インストールのもう一つの手順を平易な言葉でいくつか説明しています。",
        )
        for i in range(12)
    ]
    short = (
        "This paragraph describes the whole configuration file and every option it accepts in detail.",
        "設定。",
    )
    found = findings([*normal, short], "omission")
    assert [(f.segment, f.side.value, f.start) for f in found] == [("13", "source", None)]
    assert findings(normal, "omission") == []


def test_glossary_required_and_forbidden_terms() -> None:
    settings = {"glossary": [{"source": "checkout", "targets": "購入手続き", "forbidden": "チェックアウト"}]}
    found = findings(
        [("Go to checkout now.", "今すぐチェックアウトに進んでください。")], "glossary", settings
    )
    assert sorted((f.side.value, f.text, f.severity.value) for f in found) == [
        ("source", "checkout", "minor"),
        ("target", "チェックアウト", "major"),
    ]
    assert (
        findings([("Go to checkout now.", "今すぐ購入手続きに進んでください。")], "glossary", settings) == []
    )


def test_glossary_entity_type_overrides_the_person_decision() -> None:
    pairs = [
        ("Marcus Ellery wrote the memo.", "マーカス・エレリーがメモを書いた。"),
        ("Then Ellery replied.", "その後エレリー社が返答した。"),
    ]
    assert len(findings(pairs, "name-as-company")) == 1
    settings = {"glossary": [{"source": "Ellery", "targets": "エレリー社", "type": "organization"}]}
    assert findings(pairs, "name-as-company", settings) == []


def test_offsets_are_code_points_outside_the_bmp() -> None:
    found = findings(
        [("Daniel Brooks met 𠮷田.", "𠮷田さんとダニエル・ブルックス社が会った。")], "name-as-company"
    )
    assert [(f.start, f.end) for f in found] == [(5, 16)]


def test_settings_and_wiki_links_kept_in_latin_are_not_untranslated() -> None:
    """key=value settings (class=Start) and [[wiki links]] are code a translation keeps as it is."""
    from .helpers import findings

    pairs = [
        (
            "Set class=Start and importance=Low in the template.",
            "テンプレートでclass=Startとimportance=Lowを設定します。",
        ),
        ("See [[Talk page]] for more.", "詳細は[[Talk page]]を参照。"),
    ]
    assert findings(pairs, "untranslated") == []
    assert [
        f.text
        for f in findings(
            [("The update improves battery life.", "このupdateは寿命を改善します。")], "untranslated"
        )
    ] == ["update"]

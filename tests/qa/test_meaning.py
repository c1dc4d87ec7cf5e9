"""The cross-lingual meaning checks (issue 14): polarity, comparison and bounds, placeholders, word sense.

Table-driven: each bad pair must give a finding of the check on the expected Japanese (or English) text,
with the English evidence span; each good pair (the same sentence translated correctly) must give none."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError

from .helpers import findings

POLARITY_BAD = [
    ("The board has not approved the plan.", "理事会は計画を承認した。", "承認した", "not approved"),
    (
        "Ashworth said the hospital had not received any money.",
        "アシュワース氏は、病院が資金を受け取ったと述べた。",
        "受け取った",
        "not received",
    ),
    (
        "Deleted notes are not synced to other devices.",
        "削除されたノートは他のデバイスに同期されます。",
        "同期されます",
        "not synced",
    ),
    ("The company never paid the fee.", "同社はその手数料を支払った。", "支払った", "never paid"),
    ("The team played well.", "チームは良いプレーをしなかった。", "しなかった", None),
    ("The committee has yet to decide.", "委員会はすでに決定した。", "決定した", "has yet to decide"),
    (
        "It is impossible to undo the change.",
        "変更を元に戻すことができます。",
        "できます",
        "is impossible to undo",
    ),
    ("The minister denied the report.", "大臣は報道を認めた。", "認めた", "denied the report"),
    (
        "Lawyers said the ruling was not final.",
        "弁護士らは、判決は確定したと述べた。",
        "確定した",
        "not final",
    ),
    ("we dont accept the offer", "私たちはその申し出を受け入れる。", "受け入れる", "dont accept"),
    # 判断 holds 断 and 不服 holds 不: neither is the negation the English asks for
    ("The court did not decide the case.", "裁判所はこの事件を判断した。", "判断した", "not decide"),
]
POLARITY_GOOD = [
    ("The board has not approved the plan.", "理事会は計画を承認していない。"),
    (
        "United have lost only one of their last 12 matches.",
        "ユナイテッドは直近12試合でわずか1敗しかしていない。",
    ),
    ("Staff must wear a badge.", "職員はバッジを着用しなければならない。"),
    ("The unit was not only larger but also safer.", "病棟は大きいだけでなく、より安全でもある。"),
    ("The targets were unchanged.", "目標に変更はない。"),
    ("No patient will have to travel to Leeds.", "リーズまで行く必要のある患者はいなくなります。"),
    ("Sharing is free for students.", "学生は共有を無料で使える。"),
    ("Prices rose sharply.", "価格は急騰した。"),
    ("The committee has yet to decide.", "委員会はまだ決定していない。"),
    ("The feature is unavailable offline.", "この機能はオフラインでは利用不可です。"),
    ("The court rejected the appeal.", "裁判所は上訴を棄却した。"),
    ("The minister denied the report.", "大臣は報道を否定した。"),
    ("He did not deny the report.", "彼は報道を否定しなかった。"),
    ("It is impossible to undo the change.", "変更を元に戻すことは不可能です。"),
    ("The update no longer requires a restart.", "このアップデートでは再起動が不要になった。"),
    ("Sorry for the delay.", "遅れて申し訳ありません。"),
    ("Prices rose despite the strike.", "ストライキにもかかわらず価格は上昇した。"),
    ("That is definitely the right answer.", "それは間違いなく正しい答えだ。"),
    ("The reviewers may ask for changes.", "査読者は変更を求めるかもしれません。"),
    ("I deleted the page by mistake.", "誤ってページを削除してしまったんです。"),
    ("We are unsure what happened.", "何が起きたのかわからない。"),
    ("Confusing, isn't it?", "分かりにくいですね。"),
    ("No, I agree with the plan.", "いいえ、私はその計画に賛成です。"),
    # "no" and "or not" standing alone: an answer or an alternative, not a negation of the sentence
    ("The answer is either yes or no.", "答えは「はい」か「いいえ」のどちらかです。"),
    ("Tickets for the semi-final, no, the final, are sold out.", "決勝のチケットは売り切れです。"),
    ("Check whether the file is signed or not.", "ファイルに署名があるか確認してください。"),
    # …and they still account for a negation the Japanese uses to say the same
    ("Check whether the file is signed or not.", "ファイルが署名されているかいないかを確認してください。"),
    ("Signed or not, the file is valid.", "署名されていてもいなくても、ファイルは有効です。"),
    ("The answer, no, is not final.", "答えは最終的なものではない。"),
    # a "no" that is the answer, or the value of a field, is a negation
    ("Side effects: no", "副作用：なし"),
    ("Is it safe? In a word, no.", "安全ですか？一言で言えば、安全ではない。"),
]


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        ("Is it safe? In a word, no.", "安全ですか？一言で言えば、安全だ。"),
        ("Did it work? Sadly, no.", "うまくいきましたか？残念ながら、うまくいった。"),
        ("The drug had little or no, if any, effect.", "その薬には効果があった。"),
    ],
)
def test_a_no_that_answers_is_still_a_negation(en: str, ja: str) -> None:
    [f] = findings([(en, ja)], "polarity")
    assert "no" in en[f.source_start : f.source_end].lower()


@pytest.mark.parametrize(("en", "ja", "span", "evidence"), POLARITY_BAD)
def test_polarity_flip_is_found_with_evidence(en: str, ja: str, span: str, evidence: str | None) -> None:
    [f] = findings([(en, ja)], "polarity")
    assert f.side.value == "target" and f.text == span, f
    assert f.source_start is not None and f.source_end is not None
    if evidence:
        assert evidence in en[f.source_start : f.source_end]
    assert "“" in f.message


@pytest.mark.parametrize(("en", "ja"), POLARITY_GOOD)
def test_polarity_agreement_is_silent(en: str, ja: str) -> None:
    assert findings([(en, ja)], "polarity") == []


COMPARISON_BAD = [
    ("Fewer than 40 beds are free.", "40床以上が空いている。", "40床以上", "Fewer than 40"),
    (
        "More than 28,000 fans watched.",
        "2万8000人未満のファンが観戦した。",
        "2万8000人未満",
        "More than 28,000",
    ),
    ("Prices rose by up to 20 percent.", "価格は少なくとも20%上昇した。", "少なくとも20", "up to 20 percent"),
    ("The file is larger than 25 MB.", "ファイルが25 MB未満です。", "25 MB未満", "larger than 25"),
    ("Losses will stay below 2 percent.", "損失は2%を上回る見込みだ。", "2%を上回", "below 2"),
    (
        "The risk was 30 percent higher than in others.",
        "リスクは他の人より30%低かった。",
        "低かった",
        "higher than",
    ),
]
COMPARISON_GOOD = [
    ("Fewer than 40 beds are free.", "空いているのは40床未満だ。"),
    ("More than 1,000 residents signed.", "1000人を超える住民が署名した。"),
    ("Backups are kept for up to 30 days.", "バックアップは最大30日間保存される。"),
    ("Costs were higher than expected.", "コストは予想より高かった。"),
    ("Open from 9 a.m. to 8 p.m.", "午前9時から午後8時まで営業。"),
]


@pytest.mark.parametrize(("en", "ja", "span", "evidence"), COMPARISON_BAD)
def test_reversed_bound_is_found(en: str, ja: str, span: str, evidence: str) -> None:
    [f] = findings([(en, ja)], "comparison")
    assert f.text.startswith(span) or (span.startswith(f.text) and len(f.text) >= 2), f
    assert evidence in en[f.source_start : f.source_end]


@pytest.mark.parametrize(("en", "ja"), COMPARISON_GOOD)
def test_matching_bound_is_silent(en: str, ja: str) -> None:
    assert findings([(en, ja)], "comparison") == []


PLACEHOLDER_CASES = [
    ('Click "Save %s as…" to export.', "「名前を付けて保存…」をクリックします。", ["%s"], []),
    ("Unable to connect to {server}.", "サーバーに接続できません。", ["{server}"], []),
    ("Your trial ends in <b>14 days</b>.", "試用期間は残り14日です。", ["<b>", "</b>"], []),
    ("Hello, %1$s! You have %2$d messages.", "こんにちは、%1$sさん！%2$d件あります。", [], []),
    ("Use ${HOME} and &amp; here.", "ここで${HOME}と&amp;と{0}を使う。", [], ["{0}"]),
    ("A 50% discount, {unclosed and 100 %", "50%割引、{unclosed と 100 %", [], []),
]


@pytest.mark.parametrize(("en", "ja", "missing", "extra"), PLACEHOLDER_CASES)
def test_placeholders_same_count_and_kind(en: str, ja: str, missing: list[str], extra: list[str]) -> None:
    found = findings([(en, ja)], "placeholders")
    assert sorted(f.text for f in found if f.side.value == "source") == sorted(missing)
    assert sorted(f.text for f in found if f.side.value == "target") == sorted(extra)


SENSE_BAD = [
    (
        "The minutes of the meeting are published online.",
        "その会議の分はオンラインで公開されている。",
        "分",
        "minutes",
    ),
    ("The judge said the sentence would stand.", "判事は、その文は維持されると述べた。", "文", "sentence"),
    (
        "Your card will be charged when the trial ends.",
        "試用期間が終了すると、カードが告発されます。",
        "告発",
        "charged",
    ),
    (
        "The interest on the bank's bonds was raised.",
        "同行の債券の関心は引き上げられた。",
        "関心",
        "interest",
    ),
]
SENSE_GOOD = [
    ("The minutes of the meeting are published online.", "その会議の議事録はオンラインで公開されている。"),
    ("The meeting lasted 30 minutes.", "会議は30分続いた。"),
    ("Your card will be charged when the trial ends.", "試用期間が終了すると、カードに請求されます。"),
    ("Investors showed little interest in the bonds.", "投資家はその債券にほとんど関心を示さなかった。"),
]


@pytest.mark.parametrize(("en", "ja", "span", "word"), SENSE_BAD)
def test_wrong_sense_is_found(en: str, ja: str, span: str, word: str) -> None:
    [f] = findings([(en, ja)], "sense")
    assert f.text == span
    assert en[f.source_start : f.source_end].lower() == word
    assert f.suggestion


@pytest.mark.parametrize(("en", "ja"), SENSE_GOOD)
def test_right_sense_is_silent(en: str, ja: str) -> None:
    assert findings([(en, ja)], "sense") == []


def test_bad_input_gives_a_finding_or_nothing() -> None:
    long_en = ("The board did not approve the plan, and more than 40 beds were free. " * 150)[:10000]
    long_ja = ("理事会は計画を承認した。40床以上が空いていた。" * 400)[:10000]
    cases = [
        ("", "理事会は承認した。"),
        ("The board did not approve it.", ""),
        ("Привет, мир! 你好", "Привет мир"),
        ("{0 %1$ <b <unclosed & ${", "{0 %1$ <b"),
        (long_en, long_ja),
    ]
    for check in ("polarity", "comparison", "placeholders", "sense"):
        findings(cases, check)  # no error, spans exact (checked by the helper)


TONE_BAD = [
    # an insult rendered as something harmless, or dropped
    (
        "Stop deleting my edits, you idiot.",
        "私の編集を削除するのをやめてください、おばあちゃん。",
        None,
        "idiot",
    ),
    ("This fucking page is wrong.", "このページは間違っている。", None, "fucking"),
    # an insult the English does not have
    ("Please check the page again.", "もう一度そのページを確認しろ、バカ。", "バカ", None),
    # toned down: three insults in the English, one in the translation
    ("You stupid moron, fuck off.", "消えろ、バカ。", None, "stupid moron, fuck"),
]
TONE_GOOD = [
    ("Stop deleting my edits, you idiot.", "私の編集を削除するのをやめろ、このバカ。"),
    ("This fucking page is wrong.", "このクソページは間違っている。"),
    ("This fucking page is wrong.", "このfuckingページは間違っている。"),  # kept as it is: not toned down
    ("You stupid moron.", "このバカ野郎。"),  # two insults, two in the translation
    ("You fucking idiot.", "このクソバカ。"),  # two katakana terms in a row are two, not one longer word
    ("You stupid idiot!", "このバカ！"),  # adjacent insults are one phrase: one Japanese word renders them
    ("Shit, shit, shit, I'm late.", "くそ、遅刻だ。"),  # a repeated one counts once
    ("Dick Cheney called him an idiot.", "ディック・チェイニーは彼をバカと呼んだ。"),  # a name, not an insult
    ("Nothing is more ridiculous than this.", "これほど馬鹿げたものはない。"),  # 馬鹿げた is "ridiculous"
    ("We booked a holiday in Spain.", "スペインでのバカンスを予約した。"),  # バカ inside a longer word
    ("The assistant assumed the class would pass.", "アシスタントはクラスが合格すると考えた。"),
]


@pytest.mark.parametrize(("en", "ja", "span", "evidence"), TONE_BAD)
def test_offensive_tone_changed_is_found(en: str, ja: str, span: str | None, evidence: str | None) -> None:
    [f] = findings([(en, ja)], "offensive-tone")
    assert f.text == (span if span is not None else ja)
    if evidence is None:
        assert f.source_start is None
    else:
        assert en[f.source_start : f.source_end].lower() == evidence


@pytest.mark.parametrize(("en", "ja"), TONE_GOOD)
def test_offensive_tone_kept_or_absent_is_silent(en: str, ja: str) -> None:
    assert findings([(en, ja)], "offensive-tone") == []


def test_offensive_lexicon_is_user_extensible_and_bad_lines_name_the_line(tmp_path: Path) -> None:
    from mtreview.qa.checks.tone import load_offensive

    mine = tmp_path / "offensive.tsv"
    mine.write_text("# mine\nen\tnincompoop\nja\tとんま\n", encoding="utf-8")
    pair = [("What a nincompoop.", "なんという人だ。")]
    assert findings(pair, "offensive-tone") == []
    found = findings(pair, "offensive-tone", {"lexicons": {"offensive": [str(mine)]}})
    assert [f.check for f in found] == ["offensive-tone"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("en\tjerk\nfr\tcon\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_offensive(bad)
    assert info.value.line == 2 and info.value.path == str(bad)


def test_offensive_words_are_found_in_time_linear_in_the_paragraph() -> None:
    """A paragraph of thousands of insults (pasted spam) is checked in a moment: each hit is tested against
    the ones found before in constant time (it was a scan of all of them: 8,000 hits took 1.1 s of CPU)."""
    import time

    from mtreview.qa.checks.tone import japanese_hits, offensive_terms

    _english, japanese = offensive_terms(False, ())
    text = (
        "バカ、クソ野郎。" * 8000 + "バカンスに行く。"
    )  # 64,000 characters, 16,000 hits, and one word that is not
    cpu = time.process_time()
    hits = japanese_hits(text, japanese)
    cpu = time.process_time() - cpu
    assert len(hits) >= 16000
    assert all(text[s:e] != "バカ" or not text[e:].startswith("ンス") for s, e in hits)
    assert cpu < 1.0, f"{cpu:.2f} s of CPU for 16,000 hits"

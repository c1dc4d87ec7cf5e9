"""Units and dates compared as values (issue 14)."""

from __future__ import annotations

import pytest

from .helpers import findings

UNIT_CASES = [
    ("Take one 300 mg aspirin tablet.", "300gのアスピリン錠を1錠服用する。", ["300g"]),
    ("Margin narrowed by 0.2 percentage points.", "利ざやは0.2%縮小した。", ["0.2%"]),
    ("The trail is 10 km long.", "この道は全長10マイルだ。", ["10マイル"]),
    ("Take one 300 mg aspirin tablet.", "300mgのアスピリン錠を1錠服用する。", []),
    ("Take one 300 mg aspirin tablet.", "0.3gのアスピリン錠を1錠服用する。", []),
    ("Margin narrowed by 0.2 percentage points.", "利ざやは0.2ポイント縮小した。", []),
    ("Sales rose 8 percent.", "売上高は8%増加した。", []),
    # units of sea and road, spelt-out data units, rates and temperatures; キロ is km or kg, ポンド money or
    # weight, and 時速/秒速 make a speed of a length
    ("The ship waited 25 nautical miles offshore.", "船は沖合25キロで待機した。", ["25キロ"]),
    ("The ship waited 25 nautical miles offshore.", "船は沖合25海里で待機した。", []),
    ("Trains will run at up to 140 mph.", "列車は最高時速140キロで走る。", ["140キロ"]),
    ("Trains will run at up to 140 mph.", "列車は最高時速140マイルで走る。", []),
    ("Trains will run at up to 140 km/h.", "列車は最高時速140キロで走る。", []),
    ("Gusts reached 120 km/h.", "最大瞬間風速は秒速120メートルに達した。", ["120メートル"]),
    (
        "The thieves took 2.3 terabytes of files.",
        "窃盗犯は2.3ギガバイトのファイルを持ち去った。",
        ["2.3ギガバイト"],
    ),
    (
        "Power cost 900 euros per megawatt-hour.",
        "電力は1キロワット時当たり900ユーロだった。",
        ["1キロワット時当たり"],
    ),
    ("Power cost 900 euros per megawatt-hour.", "電力は1メガワット時当たり900ユーロだった。", []),
    # the same amount per a measure of another kind: volume rendered as mass, time as mass
    (
        "The mill pays €62 per cubic metre of logs.",
        "製材所は丸太1トン当たり62ユーロを払う。",
        ["1トン当たり"],
    ),
    ("Parking costs $4 per hour.", "駐車料金は1キロ当たり4ドルだ。", ["1キロ当たり"]),
    ("The mill pays €62 per cubic metre of logs.", "製材所は丸太1立方メートル当たり62ユーロを払う。", []),
    (
        "Parking costs $4 per hour, and trucks carry 4 tonnes.",
        "駐車料金は1時間当たり4ドルで、トラックは4トン運ぶ。",
        [],
    ),
    ("The calf weighed 8 pounds.", "子牛の体重は8キロだった。", ["8キロ"]),
    ("Tickets cost 8 pounds.", "チケットは8ポンドだ。", []),
    ("The catch weighed 3 kg.", "漁獲は3ポンドだった。", ["3ポンド"]),
    ("The tank holds 500 gallons.", "タンクには500リットル入る。", ["500リットル"]),
    ("The turbine makes 500 megawatts.", "タービンは500キロワットを発電する。", ["500キロワット"]),
    ("A 500-megawatt plant opened.", "50万キロワットの発電所が開業した。", []),
    ("They pumped 2 million cubic metres.", "200万リットルをくみ上げた。", ["200万リットル"]),
    ("It reached 104 degrees Fahrenheit.", "気温は104度に達した。", ["104度"]),
    ("It reached 104 degrees Fahrenheit.", "気温は40度に達した。", []),
    ("It reached 40°C.", "気温は華氏40度に達した。", ["華氏40度"]),
]

# a value converted to another unit is the same amount: neither a missing nor an added number; a value
# that is not the conversion is a number error
CONVERTED = [
    ("The chip runs at 3.2 GHz.", "このチップは3200MHzで動作する。", "このチップは2300MHzで動作する。"),
    ("The ship was 25 nautical miles (46 km) offshore.", "船は沖合46キロにいた。", "船は沖合64キロにいた。"),
    ("The limit is 30 mph.", "制限速度は時速約48キロだ。", "制限速度は時速約84キロだ。"),
    ("The plane flew 5 miles.", "飛行機は8キロ飛んだ。", "飛行機は6キロ飛んだ。"),
    ("Add 8 ounces of flour.", "小麦粉を約230グラム加える。", "小麦粉を約320グラム加える。"),
    ("They landed 2,000 pounds of cod.", "タラ約900キロを水揚げした。", "タラ約1,200キロを水揚げした。"),
    ("It was 45°C (113°F) at noon.", "正午の気温は45度だった。", "正午の気温は54度だった。"),
    (
        "A 500-megawatt plant opened.",
        "50万キロワットの発電所が開業した。",
        "5万キロワットの発電所が開業した。",
    ),
]


@pytest.mark.parametrize(("en", "ja", "wrong"), CONVERTED)
def test_a_converted_value_is_no_number_error(en: str, ja: str, wrong: str) -> None:
    assert findings([(en, ja)], "numbers") == []
    assert findings([(en, wrong)], "numbers") != []


@pytest.mark.parametrize(("en", "ja", "expected"), UNIT_CASES)
def test_units(en: str, ja: str, expected: list[str]) -> None:
    found = findings([(en, ja)], "units")
    assert [f.text for f in found] == expected
    for f in found:
        assert f.source_start is not None and en[f.source_start : f.source_end]


DATE_CASES = [
    ("From next Monday, visits end at 8 p.m.", "来週の火曜日から、面会は午後8時までです。", ["火曜日"]),
    (
        "Harcastle said last Friday that it had agreed.",
        "ハーキャッスルは先週木曜日、合意したと発表した。",
        ["木曜日"],
    ),
    (
        "The export will start at 10:30 p.m. tonight.",
        "エクスポートは今夜午前10時30分に開始されます。",
        ["午前10時30分"],
    ),
    ("Prices rose last month.", "価格は来月上昇した。", ["来月"]),
    ("From next Monday, visits end at 8 p.m.", "来週月曜日から、面会は午後8時までです。", []),
    ("The export will start at 10:30 p.m. tonight.", "エクスポートは今夜22:30に開始されます。", []),
    ("The next match is on Wednesday, April 9.", "次の試合は4月9日（水）です。", []),
    ("Prices rose last month and will fall next year.", "価格は先月上昇し、来年は下落する見込み。", []),
    # days of a month compared as (month, day): swapped, or one of them changed; English day-first too
    ("The vote is on June 7.", "投票は7月6日に行われる。", ["7月6日"]),
    ("Benefits earned from 1 July 2027 are capped.", "2027年1月7日以降の給付分に上限を設ける。", ["1月7日"]),
    ("Talks start on Sept. 30th.", "協議は9月3日に始まる。", ["9月3日"]),
    ("Shares were issued on the 15th of March.", "株式は3月16日に発行された。", ["3月16日"]),
    ("The vote is on June 7.", "投票は6月7日に行われる。", []),
    ("It runs from June 7-9 and again on July 1.", "6月7～9日と7月1日に開かれる。", []),
    ("On the 15th of March 2024 it opened.", "2024年3月15日に開業した。", []),
    ("The recall began on January 12.", "リコールは12日に始まった。", []),  # no month: the numbers check's
    ("Prices may 3 times rise.", "価格は3月3日に上がる。", []),  # "may" the verb is no month
]


@pytest.mark.parametrize(("en", "ja", "expected"), DATE_CASES)
def test_dates(en: str, ja: str, expected: list[str]) -> None:
    found = findings([(en, ja)], "dates")
    assert [f.text for f in found] == expected


SCALE_CASES = [
    # correct conversions of English scales into 万/億/兆, abbreviations, spelled-out numbers and fractions
    ("Costs reached $3.2bn last year.", "昨年の費用は32億ドルに達した。", []),
    ("They signed a 5.3m-pound deal.", "同社は530万ポンドの契約を結んだ。", []),
    ("Sales were $1.2 billion.", "売上高は1,200百万ドルだった。", []),
    ("About two hundred thousand people marched.", "約20万人が行進した。", []),
    ("Half a million people marched.", "50万人が行進した。", []),
    ("It cost a quarter of a billion dollars.", "費用は2億5000万ドルだった。", []),
    ("Twenty-five patients were moved.", "25人の患者が移送された。", []),
    ("Three quarters of staff agreed.", "職員の4分の3が同意した。", []),
    ("A third of sales came from Asia.", "売上の3分の1はアジアからだった。", []),
    ("Second-quarter profit rose 5%.", "4～6月期の利益は5％増加した。", []),
    ("The COVID-19 ward reopened.", "新型コロナウイルス病棟が再開した。", []),
    ("The wall is 5m high.", "壁の高さは5メートルだ。", []),
    # and the wrong ones are still found
    ("Costs reached $3.2bn last year.", "昨年の費用は3億2000万ドルに達した。", ["3億2000万ドル"]),
    ("Half a million people marched.", "5万人が行進した。", ["5万"]),
    ("Three quarters of staff agreed.", "職員の3分の1が同意した。", ["3分の1"]),
    ("Second-quarter profit rose 5%.", "4～6月期の利益は6％増加した。", ["6％"]),
    ("The COVID-19 ward has 24 beds.", "新型コロナウイルス病棟には42床ある。", ["42"]),
]


@pytest.mark.parametrize(("en", "ja", "expected"), SCALE_CASES)
def test_numbers_read_scales_words_and_fractions(en: str, ja: str, expected: list[str]) -> None:
    """万/億 conversions a translator writes correctly raise nothing; a wrong value is still named."""
    assert sorted(f.text for f in findings([(en, ja)], "numbers")) == sorted(expected)


# the second reviewer's cases: a wrong value in the same unit is no conversion; a quantity rendered as
# it is converts nothing; the micro sign; conversion notes and temperatures below zero
SAME_UNIT_WRONG = [
    ("The bridge is 400 metres long.", "橋の長さは410メートルだ。"),
    ("Patients received 100 mg of the drug.", "患者は薬を104mg投与された。"),
    ("The tower is 100 metres tall.", "タワーの高さは約108メートルだ。"),
    ("The speed limit is 50 km/h.", "制限速度は時速48キロだ。"),
    ("He ran 5 miles on Monday and 8 km on Tuesday.", "月曜日に8マイル、火曜日に8キロ走った。"),
    ("Each tablet contains 5 mcg of vitamin D.", "1錠にビタミンDが9µg含まれる。"),
]


@pytest.mark.parametrize(("en", "ja"), SAME_UNIT_WRONG)
def test_a_wrong_value_is_not_excused_as_a_conversion(en: str, ja: str) -> None:
    assert findings([(en, ja)], "numbers") != []


NOTES_AND_SIGNS = [
    ("The dog weighs 10 pounds.", "犬の体重は10ポンド（約4.5キロ）だ。"),
    ("Winds reached 60 knots.", "風速は60ノット（時速約111キロ）に達した。"),
    ("It was 100 degrees Fahrenheit.", "気温は華氏100度（摂氏約38度）だった。"),
    ("Temperatures fell to 23°F.", "気温は氷点下5度まで下がった。"),
    ("Temperatures fell to 14°F (-10°C).", "気温は氷点下10度まで下がった。"),
    ("The ship was 25 nautical miles (46 km) offshore.", "船は沖合46キロにいた。"),
]


@pytest.mark.parametrize(("en", "ja"), NOTES_AND_SIGNS)
def test_conversion_notes_and_temperatures_below_zero(en: str, ja: str) -> None:
    assert findings([(en, ja)], "numbers") == []
    assert findings([(en, ja)], "units") == []


def test_a_converted_rate_is_not_a_changed_unit() -> None:
    converted = [
        ("Beef sold for $5 per pound.", "牛肉は1キロ当たり約11ドルで売られた。"),
        ("The car gets 50 miles per gallon.", "この車は1リットル当たり約21キロ走る。"),
    ]
    assert findings(converted, "units") == []
    kept = [("Power cost 900 euros per megawatt-hour.", "電力は1キロワット時当たり900ユーロだった。")]
    assert [f.text for f in findings(kept, "units")] == ["1キロワット時当たり"]


def test_many_quantities_cost_about_linear_time() -> None:
    import resource

    def cpu(n: int) -> float:
        en = " ".join(["It was 20°C and he ran 5 km."] * n) + " It hit 104°F."
        ja = "気温は20度で、彼は5キロ走った。" * n + "104度に達した。"
        start = resource.getrusage(resource.RUSAGE_SELF)
        findings([(en, ja)], "numbers")
        findings([(en, ja)], "units")
        end = resource.getrusage(resource.RUSAGE_SELF)
        return (end.ru_utime - start.ru_utime) + (end.ru_stime - start.ru_stime)

    cpu(50)
    small, large = cpu(2000), cpu(4000)
    assert large < 4 * small + 0.5, f"{small:.2f} s at 2,000 sentences, {large:.2f} s at 4,000"


def test_a_note_after_an_adjective_a_rate_s_own_amount_and_a_sign() -> None:
    assert (
        findings(
            [("The mountain is 10,000 feet high, about 3,000 metres.", "その山の高さは約3000メートルだ。")],
            "numbers",
        )
        == []
    )
    # the 5 of "up 5%" is not the rate's amount: a converted rate is not a changed unit
    assert (
        findings([("Beef cost $5 per pound, up 5%.", "牛肉は1キロ当たり約11ドルで、5%上昇した。")], "units")
        == []
    )
    assert [
        f.text for f in findings([("It was 5 °C at noon.", "正午の気温は氷点下5度だった。")], "units")
    ] == ["氷点下5度"]
    assert [f.text for f in findings([("It was -5 °C at noon.", "正午の気温は5度だった。")], "units")] == [
        "5度"
    ]
    assert findings([("It was -5 °C at noon.", "正午の気温は氷点下5度だった。")], "units") == []
    # the rate's amount written with 万 and a thousands comma is one figure
    kept = [("Power cost 18,600 dollars per megawatt-hour.", "電力は1キロワット時当たり1万8,600ドルだった。")]
    assert [f.text for f in findings(kept, "units")] == ["1キロワット時当たり"]


def test_a_wrong_day_of_a_month_is_one_finding_that_names_both_dates() -> None:
    """The numbers check leaves a date the dates check compares to it: one finding, with the English date
    as its evidence, instead of "“6” is not in the source"."""
    from .helpers import run

    en, ja = "The board meets on June 7 and again on July 1.", "理事会は7月6日と7月1日に開かれる。"
    result = run([(en, ja)])
    assert [(f.check, f.text) for f in result.findings] == [("dates", "7月6日")]
    (finding,) = result.findings
    assert en[finding.source_start : finding.source_end] == "June 7"
    assert "June 7" in finding.message and "7月6日" in finding.message

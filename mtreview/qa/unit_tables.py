"""The units the ``units`` and ``numbers`` checks know: each English and Japanese unit word with its
dimension and its factor to the dimension's base unit (grams, metres, litres, bytes, bits, seconds, watts,
watt-hours, square metres, metres per second, a currency's unit), and the number words of English."""

from __future__ import annotations

import re
from collections.abc import Iterable

BITS = (
    ("kilobit kilobits kbps", 1e3),
    ("megabit megabits mbps", 1e6),
    ("gigabit gigabits gbps", 1e9),
    ("terabit terabits tbps", 1e12),
)
"""Bits and their rates (a rate is compared as its amount of bits: per second on both sides)."""

YEAR = 31556952.0  # seconds in a Gregorian year; a month is a twelfth of it (12 months = 1 year)
TIME = (
    ("second seconds sec secs", 1.0),
    ("minute minutes min mins", 60.0),
    ("hour hours hr hrs", 3600.0),
    ("day days", 86400.0),
    ("week weeks", 604800.0),
    ("month months", YEAR / 12),
    ("year years", YEAR),
)
POWER = (
    ("w watt watts", 1.0),
    ("kw kilowatt kilowatts", 1e3),
    ("mw megawatt megawatts", 1e6),
    ("gw gigawatt gigawatts", 1e9),
    ("tw terawatt terawatts", 1e12),
)
ENERGY = tuple(
    (f"{short}|{long}-hour|{long}-hours|{long} hour|{long} hours|{long}hour|{long}hours", factor)
    for short, long, factor in (
        ("wh", "watt", 1.0),
        ("kwh", "kilowatt", 1e3),
        ("mwh", "megawatt", 1e6),
        ("gwh", "gigawatt", 1e9),
        ("twh", "terawatt", 1e12),
    )
)
SPEED = (
    ("mph|miles per hour|mile per hour|miles an hour|mile an hour", 0.44704),
    (
        "km/h|kph|kmh|km per hour|kilometres per hour|kilometers per hour|kilometres an hour|"
        "kilometers an hour",
        1 / 3.6,
    ),
    ("knot|knots", 1852 / 3600),
    ("m/s|metres per second|meters per second|metre per second|meter per second", 1.0),
)
POUND = 453.59237
AREA = (
    ("hectare|hectares|ha", 1e4),
    ("acre|acres", 4046.8564224),
    ("square kilometre|square kilometres|square kilometer|square kilometers|km2|km²|sq km", 1e6),
    ("square metre|square metres|square meter|square meters|m2|m²|sq m", 1.0),
    ("square mile|square miles|sq mi", 2589988.110336),
    ("square foot|square feet|sq ft", 0.09290304),
    ("square yard|square yards|sq yd", 0.83612736),
    ("square inch|square inches|sq in", 0.00064516),
)
FOOD_ENERGY = (
    ("kilocalorie|kilocalories|kcal|calorie|calories", 4184 / 3600),  # a food "calorie" is a kilocalorie
    ("kilojoule|kilojoules|kj", 1000 / 3600),
    ("megajoule|megajoules|mj", 1e6 / 3600),
)
"""Energy in watt-hours, as ``ENERGY``: food and heat."""
WORD_NUMBERS = {
    w: n
    for n, w in enumerate(
        (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
            *("nineteen", "twenty"),
        )
    )
} | {w: 10 * n for n, w in enumerate(("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 3)}
EN_UNITS = {
    "mg": ("mass", 1e-3),
    "milligram": ("mass", 1e-3),
    "milligrams": ("mass", 1e-3),
    "g": ("mass", 1.0),
    "gram": ("mass", 1.0),
    "grams": ("mass", 1.0),
    "kg": ("mass", 1e3),
    "kilogram": ("mass", 1e3),
    "kilograms": ("mass", 1e3),
    "mcg": ("mass", 1e-6),
    "µg": ("mass", 1e-6),
    "microgram": ("mass", 1e-6),
    "micrograms": ("mass", 1e-6),
    "mm": ("length", 1e-3),
    "millimetre": ("length", 1e-3),
    "millimetres": ("length", 1e-3),
    "millimeter": ("length", 1e-3),
    "millimeters": ("length", 1e-3),
    "cm": ("length", 1e-2),
    "centimetre": ("length", 1e-2),
    "centimetres": ("length", 1e-2),
    "centimeter": ("length", 1e-2),
    "centimeters": ("length", 1e-2),
    "m": ("length", 1.0),
    "km": ("length", 1e3),
    "metre": ("length", 1.0),
    "metres": ("length", 1.0),
    "meter": ("length", 1.0),
    "meters": ("length", 1.0),
    "kilometre": ("length", 1e3),
    "kilometres": ("length", 1e3),
    "kilometer": ("length", 1e3),
    "kilometers": ("length", 1e3),
    "mile": ("length", 1609.344),
    "miles": ("length", 1609.344),
    "foot": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "inches": ("length", 0.0254),
    "yard": ("length", 0.9144),
    "yards": ("length", 0.9144),
    "ml": ("volume", 1e-3),
    "millilitres": ("volume", 1e-3),
    "milliliters": ("volume", 1e-3),
    "l": ("volume", 1.0),
    "litre": ("volume", 1.0),
    "litres": ("volume", 1.0),
    "liter": ("volume", 1.0),
    "liters": ("volume", 1.0),
    "kb": ("data", 1e3),
    "mb": ("data", 1e6),
    "gb": ("data", 1e9),
    "tb": ("data", 1e12),
    "hz": ("frequency", 1.0),
    "khz": ("frequency", 1e3),
    "mhz": ("frequency", 1e6),
    "ghz": ("frequency", 1e9),
    **{w: ("frequency", 1e3**k) for k, w in enumerate(("hertz", "kilohertz", "megahertz", "gigahertz"))},
    **{w: ("loudness", 1.0) for w in ("db", "decibel", "decibels")},
    "percent": ("pct", 1.0),
    "per cent": ("pct", 1.0),
    "%": ("pct", 1.0),
    "percentage point": ("pp", 1.0),
    "percentage points": ("pp", 1.0),
    **{w: ("time", f) for ws, f in TIME for w in ws.split()},
    **{w: ("power", f) for ws, f in POWER for w in ws.split()},
    **{w: ("energy", f) for ws, f in ENERGY for w in ws.split("|")},
    **{w: ("energy", f) for ws, f in FOOD_ENERGY for w in ws.split("|")},
    **{w: ("speed", f) for ws, f in SPEED for w in ws.split("|")},
    "nautical mile": ("length", 1852.0),
    "nautical miles": ("length", 1852.0),
    "lb": ("mass", POUND),
    "lbs": ("mass", POUND),
    "ounce": ("mass", 28.349523125),
    "ounces": ("mass", 28.349523125),
    "oz": ("mass", 28.349523125),
    "gallon": ("volume", 3.785411784),
    "gallons": ("volume", 3.785411784),
    **{w: ("data", 1e3) for w in ("kilobyte", "kilobytes")},
    **{w: ("data", 1e6) for w in ("megabyte", "megabytes")},
    **{w: ("data", 1e9) for w in ("gigabyte", "gigabytes")},
    **{w: ("data", 1e12) for w in ("terabyte", "terabytes")},
    **{w: ("data", 1e15) for w in ("petabyte", "petabytes", "pb")},
    # bits and bit rates, one dimension: "142 megabits per second" is 毎秒142メガビット, 142Mbps
    **{w: ("bits", f) for ws, f in BITS for w in ws.split()},
    **{w: ("area", f) for ws, f in AREA for w in ws.split("|")},
    "tonne": ("mass", 1e6),
    "tonnes": ("mass", 1e6),
    "ton": ("mass", 1e6),
    "tons": ("mass", 1e6),
    **{
        w: ("volume", 1e12)
        for w in ("cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers")
    },
    **{w: ("volume", 1e12) for w in ("km3", "km³")},
    **{
        w: ("volume", 1e3) for w in ("cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³")
    },
    **{w: ("volume", 28.316846592) for w in ("cubic foot", "cubic feet", "cu ft")},
    # a currency's hundredth (285 pence → 285ポンド is a hundred times too much)
    **{w: ("money", 0.01) for w in ("pence", "penny", "cent", "cents")},
    **{w: ("money", 1.0) for w in ("dollar", "dollars", "euro", "euros")},
}
JA_UNITS = {
    "mg": ("mass", 1e-3),
    "ミリグラム": ("mass", 1e-3),
    "g": ("mass", 1.0),
    "グラム": ("mass", 1.0),
    "kg": ("mass", 1e3),
    "キログラム": ("mass", 1e3),
    "キロ": ("mass?", 1e3),
    "μg": ("mass", 1e-6),
    "µg": ("mass", 1e-6),  # the micro sign (U+00B5) as well as the Greek mu
    "マイクログラム": ("mass", 1e-6),
    "mm": ("length", 1e-3),
    "ミリ": ("length?", 1e-3),
    "cm": ("length", 1e-2),
    "センチ": ("length", 1e-2),
    "km": ("length", 1e3),
    "キロメートル": ("length", 1e3),
    "メートル": ("length", 1.0),
    "m": ("length", 1.0),
    "マイル": ("length", 1609.344),
    "フィート": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "インチ": ("length", 0.0254),
    "ヤード": ("length", 0.9144),
    "ml": ("volume", 1e-3),
    "ミリリットル": ("volume", 1e-3),
    "リットル": ("volume", 1.0),
    "l": ("volume", 1.0),
    "kb": ("data", 1e3),
    "mb": ("data", 1e6),
    "gb": ("data", 1e9),
    "tb": ("data", 1e12),
    "hz": ("frequency", 1.0),
    "khz": ("frequency", 1e3),
    "mhz": ("frequency", 1e6),
    "ghz": ("frequency", 1e9),
    **{w: ("frequency", 1e3**k) for k, w in enumerate(("ヘルツ", "キロヘルツ", "メガヘルツ", "ギガヘルツ"))},
    **{w: ("loudness", 1.0) for w in ("db", "デシベル")},
    "%": ("pct", 1.0),
    "パーセント": ("pct", 1.0),
    "ポイント": ("pp", 1.0),
    "pt": ("pp", 1.0),
    "秒": ("time", 1.0),
    "秒間": ("time", 1.0),
    "分": ("time", 60.0),
    "分間": ("time", 60.0),
    "時間": ("time", 3600.0),
    "日間": ("time", 86400.0),
    "週間": ("time", 604800.0),
    **{
        m: ("time", YEAR / 12)
        for m in ("か月", "カ月", "ヶ月", "ヵ月", "ケ月", "箇月", "か月間", "カ月間", "ヶ月間")
    },
    "年間": ("time", YEAR),
    "w": ("power", 1.0),
    "ワット": ("power", 1.0),
    "kw": ("power", 1e3),
    "キロワット": ("power", 1e3),
    "mw": ("power", 1e6),
    "メガワット": ("power", 1e6),
    "gw": ("power", 1e9),
    "ギガワット": ("power", 1e9),
    "wh": ("energy", 1.0),
    "kwh": ("energy", 1e3),
    "キロワット時": ("energy", 1e3),
    "mwh": ("energy", 1e6),
    "メガワット時": ("energy", 1e6),
    "gwh": ("energy", 1e9),
    "ギガワット時": ("energy", 1e9),
    "twh": ("energy", 1e12),
    "テラワット時": ("energy", 1e12),
    "ヘクタール": ("area", 1e4),
    "ha": ("area", 1e4),
    "エーカー": ("area", 4046.8564224),
    "平方キロメートル": ("area", 1e6),
    "平方キロ": ("area", 1e6),
    "平方km": ("area", 1e6),
    "km2": ("area", 1e6),
    "km²": ("area", 1e6),
    "平方メートル": ("area", 1.0),
    "m2": ("area", 1.0),
    "m²": ("area", 1.0),
    "平方マイル": ("area", 2589988.110336),
    "平方フィート": ("area", 0.09290304),
    "キロカロリー": ("energy", 4184 / 3600),
    "kcal": ("energy", 4184 / 3600),
    "カロリー": ("energy", 4184 / 3600),
    "キロジュール": ("energy", 1000 / 3600),
    "kj": ("energy", 1000 / 3600),
    "メガジュール": ("energy", 1e6 / 3600),
    "mj": ("energy", 1e6 / 3600),
    "トン": ("mass", 1e6),
    "立方キロメートル": ("volume", 1e12),
    "km3": ("volume", 1e12),
    "km³": ("volume", 1e12),
    "立方メートル": ("volume", 1e3),
    "立方フィート": ("volume", 28.316846592),
    "m3": ("volume", 1e3),
    "m³": ("volume", 1e3),
    "海里": ("length", 1852.0),
    "ノット": ("speed", 1852 / 3600),
    "オンス": ("mass", 28.349523125),
    "ガロン": ("volume", 3.785411784),
    **{w: ("bits", f) for ws, f in BITS for w in ws.split() if w.endswith("bps")},
    "キロビット": ("bits", 1e3),
    "メガビット": ("bits", 1e6),
    "ギガビット": ("bits", 1e9),
    "テラビット": ("bits", 1e12),
    "キロバイト": ("data", 1e3),
    "メガバイト": ("data", 1e6),
    "ギガバイト": ("data", 1e9),
    "テラバイト": ("data", 1e12),
    "ペタバイト": ("data", 1e15),
    "pb": ("data", 1e15),
    "ペンス": ("money", 0.01),
    "セント": ("money", 0.01),
    "ポンド": ("money", 1.0),
    "ドル": ("money", 1.0),
    "ユーロ": ("money", 1.0),
}


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (km2 before km, kWh before kW); a space may also be a
    hyphen ("a 9,000-square-metre hall")."""
    return "|".join(
        re.escape(w).replace("\\ ", r"[\s-]") for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


PINTS = (("volume", 0.56826125), ("volume", 0.473176473))
"""A British pint and an American one, in litres."""
EN_AMBIGUOUS = {
    **{w: (("money", 1.0), ("mass", POUND)) for w in ("pound", "pounds")},
    **{w: PINTS for w in ("pint", "pints")},
}
"""English units of more than one dimension or size: a pound of sterling or of weight, a British or an
American pint."""
JA_AMBIGUOUS = {
    "キロ": (("mass", 1e3), ("length", 1e3)),
    "ミリ": (("length", 1e-3), ("volume", 1e-3)),
    "ポンド": (("money", 1.0), ("mass", POUND)),
    "パイント": PINTS,
}
"""Japanese units of more than one dimension: キロ for km or kg, ミリ for mm or ml, ポンド."""
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

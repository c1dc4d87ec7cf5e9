"""Hand-made gold alignment of the seed page (line numbers only; the page itself is read from ../shared).

Each entry is (English lines, Japanese lines). Built by reading the page side by side: the Japanese
body runs from line 23 to 133, the English body from 136 to 247; three places are not 1:1.
Everything else (the Japanese title and summary 1–22, the truncated fragment 134, the separator 135,
the chrome 248–250) is unpaired.
"""

from __future__ import annotations


def _run(en_first: int, ja_first: int, count: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [((en_first + k,), (ja_first + k,)) for k in range(count)]


SEED_GOLD: list[tuple[tuple[int, ...], tuple[int, ...]]] = [
    *_run(136, 23, 37),  # 136..172 <-> 23..59
    ((173, 174), (60,)),
    *_run(175, 61, 2),  # 175..176 <-> 61..62
    ((177, 178), (63,)),
    *_run(179, 64, 60),  # 179..238 <-> 64..123
    ((239,), (124, 125)),
    *_run(240, 126, 8),  # 240..247 <-> 126..133
]
SEED_UNPAIRED_TARGET = [*range(1, 23), 134, 135, 248, 249, 250]
SEED_SUMMARY_AND_CHROME = [*range(1, 23), 135, 248, 249, 250]

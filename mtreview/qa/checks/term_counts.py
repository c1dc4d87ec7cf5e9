"""The term check's counts: which rendering group of a term most of its segments show (a rendering holds the
shorter ones it contains: 半導体パッケージング工場 is in the group of パッケージング工場), and whether it is a
majority."""

from __future__ import annotations

from collections.abc import Hashable, Mapping


def observed_texts(counts: Mapping[Hashable, int]) -> list[str]:
    """The renderings that may head a group: those some segment shows alone or inside another of its spans
    (冬 beside 昨冬). A span found only beside unrelated ones (乳価 beside 基礎価格) may render another word
    of its segment: it gathers no group. All of them where no segment shows one so."""
    tuples = [texts for texts in counts if isinstance(texts, tuple)]
    alone = {
        t
        for texts in tuples
        for t in texts
        if len(texts) == 1 or any(t in u and t != u for u in texts)  # (冬 beside 昨冬: a stem shared)
    }
    return sorted(alone or {t for texts in tuples for t in texts})


def group_of(text: str, counts: Mapping[Hashable, int]) -> str:
    """The shortest observed rendering contained in ``text`` (its group: 半導体パッケージング工場 is
    パッケージング工場)."""
    best = text
    for r in observed_texts(counts):
        if len(r) < len(best) and r in text:
            best = r
    return best


def rendering_groups(counts: Mapping[Hashable, int]) -> dict[str, int]:
    """Segments per rendering group (a segment counts once per group among its candidates)."""
    observed = observed_texts(counts)
    out: dict[str, int] = {}
    for texts, k in counts.items():
        if not isinstance(texts, tuple):
            continue
        for g in {group_of(t, counts) for t in texts} if observed else ():
            out[g] = out.get(g, 0) + k
    return out


def leading_group(counts: Mapping[Hashable, int]) -> tuple[str, int, int] | None:
    """The rendering group most segments show: (group, its segments, the segments with any rendering)."""
    groups = rendering_groups(counts)
    if not groups:
        return None
    best, count = min(groups.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
    return best, count, sum(k for texts, k in counts.items() if isinstance(texts, tuple))


def usual_group(counts: Mapping[Hashable, int], min_majority: int) -> str | None:
    """The rendering group most segments show, if it is a majority or the term's only rendering."""
    leading = leading_group(counts)
    if leading is None:
        return None
    best, count, total = leading
    return best if count >= min_majority and count >= 2 * (total - count) else None


def majority_group(counts: Mapping[Hashable, int], min_majority: int) -> str | None:
    """The rendering group that holds the term's majority: at least ``min_majority`` segments and at least
    twice as many as the segments without it, which must not scatter over several other renderings — a
    word rendered a different way each time is free vocabulary, not a term."""
    leading = leading_group(counts)
    if leading is None:
        return None
    best, count, total = leading
    others = total - count
    if others == 0 or count < min_majority or count < 2 * others:
        return None
    without = [
        texts
        for texts in counts
        if isinstance(texts, tuple) and not any(group_of(t, counts) == best for t in texts)
    ]
    short = all(len(texts) <= 2 for texts in without)  # (two spans may render two words)
    if others == 1 and short:
        return best  # one segment without it cannot scatter
    other_groups = {g for texts in without for g in ({group_of(t, counts) for t in texts} or {""})}
    # (others scattered over segments of one or two spans each do not unsettle a majority three times
    # their number: 防水壁 six times beside 洪水壁 and 塀 once each)
    return best if len(other_groups) <= 1 or (short and count >= 3 * others) else None

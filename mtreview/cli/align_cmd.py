"""``mtreview align INPUT [--target FILE] [--json]``: the aligner's result, in 1-based line numbers.

With ``--json`` stdout is exactly the contract of PRODUCT.md::

    {"pairs": [{"source_lines": [int], "target_lines": [int], "source": str, "target": str,
                "confidence": float}],
     "source_only": [int], "target_only": [int]}

Without it, a readable table: one row per pair with its lines and confidence, then the unpaired lines.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.i18n import _

LOW_CONFIDENCE = 0.5


def _lines(numbers: tuple[int, ...] | list[int]) -> str:
    """``3`` or ``3-4`` or ``3,5``: compact, ascending."""
    if not numbers:
        return "-"
    nums = list(numbers)
    if nums == list(range(nums[0], nums[-1] + 1)) and len(nums) > 1:
        return f"{nums[0]}-{nums[-1]}"
    return ",".join(str(n) for n in nums)


def _clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` terminal columns (wide characters count two) and pad it."""
    text = text.replace("\n", " ⏎ ")
    out: list[str] = []
    used = 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if used + w > width - 1:
            out.append("…")
            used += 1
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * max(0, width - used)


def _ranges(numbers: list[int]) -> str:
    """``1-22, 134, 248-250``."""
    if not numbers:
        return "-"
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:]:
        if n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    parts.append(str(start) if start == prev else f"{start}-{prev}")
    return ", ".join(parts)


@click.command("align")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--target",
    "target",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="The translation of INPUT, when source and target are separate files (either order).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document (the alignment contract).")
@handle_errors
def command(input_path: str, target: str | None, as_json: bool) -> None:
    """Align a bilingual page (or INPUT with its translation FILE) into paragraph pairs."""
    from mtreview.align.bilingual import align_input

    alignment = align_input(input_path, target)
    if as_json:
        print_json(alignment.to_json())
        return
    columns = shutil.get_terminal_size((120, 24)).columns
    text_width = max(20, (columns - 30) // 2)
    header = f"{_('source'):>9} {_('target'):>9} {_('conf.'):>5}  "
    click.echo(header + f"{_clip(_('English'), text_width)} {_('Japanese')}")
    for pair in alignment.pairs:
        mark = "!" if pair.confidence < LOW_CONFIDENCE else " "
        click.echo(
            f"{_lines(pair.source_lines):>9} {_lines(pair.target_lines):>9} {pair.confidence:5.2f}{mark} "
            f"{_clip(pair.source, text_width)} {_clip(pair.target, text_width).rstrip()}"
        )
    low = sum(1 for p in alignment.pairs if p.confidence < LOW_CONFIDENCE)
    click.echo("")
    click.echo(
        _("{n} pairs ({low} with confidence below {limit}, marked !)").format(
            n=len(alignment.pairs), low=low, limit=LOW_CONFIDENCE
        )
    )
    click.echo(_("source-only lines: {lines}").format(lines=_ranges(alignment.source_only)))
    click.echo(_("target-only lines: {lines}").format(lines=_ranges(alignment.target_only)))
    sys.stdout.flush()

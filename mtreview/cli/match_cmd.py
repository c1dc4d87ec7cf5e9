"""``mtreview match PROJECT SEGMENT [--tm FILE]... --json``."""

from __future__ import annotations

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.i18n import _


@click.command("match")
@click.argument("project", metavar="PROJECT")
@click.argument("segment", metavar="SEGMENT")
@click.option(
    "--tm", "tms", multiple=True, help="Also match against this TM file (TMX, XLIFF, PO, CSV) or project."
)
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="At most N matches."
)
@click.option(
    "--min-score", type=click.FloatRange(0, 100), default=50.0, show_default=True, help="Lowest score shown."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@handle_errors
def command(
    project: str, segment: str, tms: tuple[str, ...], limit: int, min_score: float, as_json: bool
) -> None:
    """Fuzzy matches for SEGMENT (``<document>#<ordinal>``, or the ordinal in a one-document project)
    from the project's confirmed segments and the reference TMs, best first."""
    from mtreview.services.navigation import segment_by_label
    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService
    from mtreview.services.tm import ProjectMemory

    service = ProjectService.open(project, Preferences.load().reviewer)
    memory = ProjectMemory(service)
    try:
        seg = segment_by_label(service, segment)
        matches = memory.matches(seg, tms, limit, min_score)
    finally:
        memory.close()
        service.close()
    if as_json:
        print_json(
            {
                "matches": [
                    {
                        "score": m.score,
                        "origin": m.origin,
                        "source": m.source,
                        "target": m.target,
                        "segment": m.segment,
                    }
                    for m in matches
                ]
            }
        )
        return
    for m in matches:
        click.echo(f"{m.score:5.1f}  [{m.origin}] {m.segment or ''}\n       {m.source}\n       {m.target}")
    click.echo(_("{n} matches").format(n=len(matches)))

"""``mtreview concordance PROJECT QUERY [--tm FILE]... --json``."""

from __future__ import annotations

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.domain.errors import InputError
from mtreview.i18n import _


@click.command("concordance")
@click.argument("project", metavar="PROJECT")
@click.argument("query", metavar="QUERY")
@click.option("--tm", "tms", multiple=True, help="Also search this TM file (TMX, XLIFF, PO, CSV) or project.")
@click.option(
    "--limit", type=click.IntRange(1, 100_000), default=100, show_default=True, help="At most N hits."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@handle_errors
def command(project: str, query: str, tms: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Find QUERY in the sources and translations of PROJECT (the correction where there is one) and of
    its reference TMs; case-insensitive, Japanese without a word splitter."""
    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService
    from mtreview.services.tm import ProjectMemory

    if not query.strip():
        raise InputError(_("QUERY must not be empty"))
    service = ProjectService.open(project, Preferences.load().reviewer)
    memory = ProjectMemory(service)
    try:
        hits = memory.concordance(query, tms, limit)
    finally:
        memory.close()
        service.close()
    if as_json:
        print_json(
            {
                "hits": [
                    {
                        "origin": h.origin,
                        "segment": h.segment,
                        "source": h.source,
                        "target": h.target,
                        "source_spans": [list(s) for s in h.source_spans],
                        "target_spans": [list(s) for s in h.target_spans],
                    }
                    for h in hits
                ]
            }
        )
        return
    for h in hits:
        where = h.segment or ""
        click.echo(f"[{h.origin}] {where}\n  {h.source}\n  {h.target}")
    click.echo(_("{n} hits").format(n=len(hits)))

"""``mtreview copy SRC DST``: a whole project between a ``.mtreview`` file and PostgreSQL, either way."""

from __future__ import annotations

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.i18n import _


@click.command("copy")
@click.argument("source", metavar="SRC")
@click.argument("destination", metavar="DST")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document (rows copied per table).")
@handle_errors
def command(source: str, destination: str, as_json: bool) -> None:
    """Copy project SRC into the new project DST (a .mtreview file or a postgresql+psycopg:// URL).

    Everything is copied, ids included: documents, segments, annotations, revisions, drafts and
    settings. DST must not exist yet (file) or be an empty database; otherwise nothing is written.
    """
    from mtreview.services.transfer import copy_project
    from mtreview.services.transfer import display_location as redact

    counts = copy_project(source, destination)
    if as_json:
        print_json({"source": redact(source), "destination": redact(destination), "rows": counts})
        return
    click.echo(
        _(
            "Copied {segments} segments, {annotations} annotations and {revisions} revisions "
            "from {source} to {destination}"
        ).format(
            segments=counts.get("segment", 0),
            annotations=counts.get("annotation", 0),
            revisions=counts.get("revision", 0),
            source=redact(source),
            destination=redact(destination),
        )
    )

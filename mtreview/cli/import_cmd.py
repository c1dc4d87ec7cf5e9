"""``mtreview import INPUT [--target FILE] --project PROJECT``."""

from __future__ import annotations

import sys

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService


@click.command("import")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=str))
@click.option("--target", "target", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="The translation of INPUT, when source and target are separate files.")
@click.option("--project", "project", required=True, help="A .mtreview file (created if needed) or a database URL.")
@click.option("--reviewer", default=None, help="Author recorded on the import (default: preferences).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@handle_errors
def command(input_path: str, target: str | None, project: str, reviewer: str | None, as_json: bool) -> None:
    """Import one document per INPUT into PROJECT (created if needed)."""
    from mtreview.services.project import read_input

    # Read and align first: bad input fails before the project is created or touched.
    doc = read_input(input_path, target, Progress())
    service = ProjectService.open(project, reviewer or Preferences.load().reviewer, create=True)
    try:
        result = service.import_document(doc)
    finally:
        service.close()
    d = result.document
    if as_json:
        print_json({"document": d.name, "segments": d.segment_count, "target_only": list(doc.target_only),
                    "source_only": list(doc.source_only)})
    else:
        click.echo(_("Imported {name}: {n} segments ({src} source-only, {tgt} unpaired target lines) into {project}")
                   .format(name=d.name, n=d.segment_count, src=len(doc.source_only), tgt=len(doc.target_only),
                           project=project))
    sys.stdout.flush()

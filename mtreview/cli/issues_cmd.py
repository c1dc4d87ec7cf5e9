"""``mtreview issues PROJECT -o FILE [--format csv|xlsx|html] [--state S]... [--document NAME] [--json]``."""

from __future__ import annotations

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.domain.model import AnnotationState
from mtreview.i18n import _


@click.command("issues")
@click.argument("project", metavar="PROJECT")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    help="The issue list to write (.csv, .xlsx or .html; atomically).",
)
@click.option("--format", "fmt", default=None, help="csv, xlsx or html. Default: the output's extension.")
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice([s.value for s in AnnotationState]),
    help="Only findings and annotations in this state (repeatable). Default: proposed and confirmed.",
)
@click.option("--document", "document", default=None, help="Only this document.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@handle_errors
def command(
    project: str, output: str, fmt: str | None, states: tuple[str, ...], document: str | None, as_json: bool
) -> None:
    """The issue list, as Xbench exports it: one row per finding or annotation with its segment, source,
    MT, correction, check, category, severity, state, span, message and suggestion."""
    from mtreview.domain.outputs import check_output
    from mtreview.domain.progress import Progress
    from mtreview.services.issue_list import export_issue_list, issue_list_format
    from mtreview.services.navigation import document_named
    from mtreview.services.outputs import protected_for_location
    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService

    check_output(output, list(protected_for_location(project)))  # refuse before opening anything
    chosen = issue_list_format(output, fmt)
    wanted = [AnnotationState(s) for s in states] or [AnnotationState.PROPOSED, AnnotationState.CONFIRMED]
    service = ProjectService.open(project, Preferences.load().reviewer)
    try:
        document_id = None if document is None else document_named(service, document).id
        written = export_issue_list(service, output, chosen, wanted, document_id, Progress())
    finally:
        service.close()
    if as_json:
        print_json({"written": written, "path": output, "format": chosen})
        return
    click.echo(_("Wrote {n} issues to {path}").format(n=written, path=output), err=True)

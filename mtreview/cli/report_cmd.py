"""``mtreview report PROJECT -o report.html [--csv scores.csv]``."""

from __future__ import annotations

import click

from mtreview.cli.common import handle_errors
from mtreview.domain.outputs import check_output
from mtreview.i18n import _
from mtreview.scoring.mqm import SOURCE_ERRORS_POLICIES


@click.command("report")
@click.argument("location", metavar="PROJECT")
@click.option("-o", "--output", "output", required=True, help="The HTML report to write (atomically).")
@click.option("--csv", "csv_path", default=None, help="Also write per-segment scores as CSV.")
@click.option(
    "--source-errors", type=click.Choice(SOURCE_ERRORS_POLICIES), default="weighted", show_default=True
)
@handle_errors
def command(location: str, output: str, csv_path: str | None, source_errors: str) -> None:
    """A self-contained HTML report (charts as inline SVG) a QA lead can send."""
    from mtreview.domain.progress import Progress
    from mtreview.services import report_data
    from mtreview.services.outputs import protected_for_location
    from mtreview.services.report import write_csv, write_html

    inputs = list(protected_for_location(location))
    check_output(output, inputs)  # refuse before the (long) scoring
    if csv_path:
        check_output(csv_path, [*inputs, output])
    data = report_data.load(location, source_errors, Progress())
    for warning in data.scores.warnings:
        click.echo("mtreview: " + warning, err=True)
    write_html(data, output, inputs=inputs)
    click.echo(_("Wrote {path}").format(path=output), err=True)
    if csv_path:
        write_csv(data.scores, csv_path, inputs=[*inputs, output])
        click.echo(_("Wrote {path}").format(path=csv_path), err=True)

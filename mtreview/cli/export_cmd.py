"""``mtreview export PROJECT --format tmx|po|xliff|csv|tsv|xlsx|mqm-tsv -o OUT [filters]``."""

from __future__ import annotations

import click

from mtreview.cli.common import finite_non_negative, handle_errors, print_json
from mtreview.domain.errors import InputError
from mtreview.domain.outputs import check_output
from mtreview.domain.progress import Progress
from mtreview.i18n import _

FORMATS = ("tmx", "po", "xliff", "xliff12", "csv", "tsv", "xlsx", "mqm-tsv")


@click.command("export")
@click.argument("project", metavar="PROJECT")
@click.option("--format", "fmt", required=True, help="Output format: " + ", ".join(FORMATS) + ".")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="Output file (written atomically; never the project or a file it was imported from; - for stdout).",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    help="Only units with this status (new, corrected, approved, rejected), 'arrived' (untouched units that "
    "arrived translated) or 'all'; repeat or separate with commas. Default: every unit, except for TMX: "
    "approved, corrected and arrived.",
)
@click.option(
    "--max-penalty",
    type=float,
    default=None,
    callback=finite_non_negative,
    help="Only units whose MQM penalty is at most N.",
)
@click.option("--document", "documents", multiple=True, help="Only this document (repeatable).")
@click.option("--no-annotations", is_flag=True, help="Leave the annotations out.")
@click.option("--no-scores", is_flag=True, help="Do not compute chrF for the exported units.")
@click.option("--no-bom", is_flag=True, help="CSV/TSV: no UTF-8 byte order mark (for pipelines).")
@click.option(
    "--no-formula-guard",
    is_flag=True,
    help="CSV/TSV/MQM TSV: no invisible guard before cells a spreadsheet would evaluate (for pipelines).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@handle_errors
def command(
    project: str,
    fmt: str,
    output: str,
    statuses: tuple[str, ...],
    max_penalty: float | None,
    documents: tuple[str, ...],
    no_annotations: bool,
    no_scores: bool,
    no_bom: bool,
    no_formula_guard: bool,
    as_json: bool,
) -> None:
    """Export the corrected translation memory of PROJECT."""
    import mtreview.formats  # noqa: F401  (registers every writer, including mqm-tsv)
    from mtreview.formats.registry import writer_for
    from mtreview.services.export import ExportFilters, export_project, parse_selection
    from mtreview.services.project import ProjectService

    fmt = fmt.strip().lower()
    if writer_for(fmt) is None:
        raise InputError(
            _("unknown format {fmt!r} (expected one of: {known})").format(fmt=fmt, known=", ".join(FORMATS))
        )
    if max_penalty is not None and max_penalty < 0:
        raise InputError(_("--max-penalty must not be negative"))
    selected, arrived = parse_selection(statuses)
    filters = ExportFilters(
        statuses=selected,
        arrived=arrived,
        max_penalty=max_penalty,
        documents=tuple(documents),
        include_annotations=not no_annotations,
        scores=not no_scores,
    )
    with ProjectService.open(project, "mtreview") as service:
        result = export_project(
            service, fmt, output, filters, Progress(), bom=not no_bom, formula_guard=not no_formula_guard
        )
    if as_json:
        print_json(
            {
                "output": result.path,
                "format": result.format,
                "units": result.written,
                "segments": result.considered,
                "documents": list(result.documents),
                "merged": result.merged,
            }
        )
    else:
        # the export itself may be going to standard output: the summary then goes to stderr
        click.echo(
            _("Exported {n} of {total} units ({fmt}) to {path}").format(
                n=result.written, total=result.considered, fmt=fmt, path=result.path
            ),
            err=check_output(output).stdout,
        )
        if result.merged:
            click.echo(
                _("The review was merged into the original XLIFF file: everything else is as it came.")
            )

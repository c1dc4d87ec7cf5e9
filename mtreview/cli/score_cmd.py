"""``mtreview score INPUT|PROJECT --json [--source-errors weighted|ignore]`` (contract in PRODUCT.md)."""

from __future__ import annotations

from pathlib import Path

import click

from mtreview.cli.common import handle_errors, is_project_location, print_json
from mtreview.domain.errors import InputError
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.scoring.mqm import SOURCE_ERRORS_POLICIES
from mtreview.services.scores import ScoreReport


def load_report(location: str, source_errors: str, progress: Progress | None = None) -> ScoreReport:
    """Score a project (``*.mtreview`` or URL), a Google MQM TSV, or any input the readers/aligner take."""
    from mtreview.services import scores

    progress = progress or Progress()
    if is_project_location(location):
        from mtreview.services.project import ProjectService

        with ProjectService.open(location, "mtreview") as service:
            return scores.score_project(service, source_errors, progress)
    if not Path(location).exists():
        raise InputError(_("no such file"), location)
    if scores.is_mqm_tsv(location):
        return scores.score_mqm_tsv(location, source_errors, progress)
    from mtreview.services.project import read_input

    return scores.score_document(read_input(location, None, progress), source_errors, progress)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


@click.command("score")
@click.argument("location", metavar="INPUT|PROJECT")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document (the documented contract).")
@click.option(
    "--source-errors",
    type=click.Choice(SOURCE_ERRORS_POLICIES),
    default="weighted",
    show_default=True,
    help="Weigh 'Source error' annotations by severity, or ignore them.",
)
@handle_errors
def command(location: str, as_json: bool, source_errors: str) -> None:
    """MQM penalties and chrF/TER/BLEU per segment, document and system."""
    report = load_report(location, source_errors)
    for warning in report.warnings:
        click.echo("mtreview: " + warning, err=True)
    if as_json:
        print_json(report.to_json())
        return
    click.echo(_("{n} segments, {d} documents").format(n=len(report.segments), d=len(report.documents)))
    for d in report.documents:
        click.echo(
            f"{d.name}\t"
            + _(
                "segments {n}  MQM {p:.2f}  per 100 words {w:.2f}  quality {q}  {verdict}  "
                "chrF {c}  TER {t}  BLEU {b}"
            ).format(
                n=d.segments,
                p=d.mqm_penalty,
                w=d.mqm_per_100_words,
                q=d.judgement.quality_text(),
                verdict=d.judgement.label(),
                c=_fmt(d.chrf),
                t=_fmt(d.ter),
                b=_fmt(d.bleu),
            )
        )
    for s in report.systems:
        click.echo(_("system {name}: MQM {mqm:.4f} over {n} items").format(name=s.name, mqm=s.mqm, n=s.items))

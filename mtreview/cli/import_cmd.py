"""``mtreview import INPUT [--target FILE] --project PROJECT``."""

from __future__ import annotations

import dataclasses
import sys

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.domain.progress import Progress
from mtreview.i18n import _, ngettext


@click.command("import")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--target",
    "target",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="The translation of INPUT, when source and target are separate files.",
)
@click.option(
    "--project", "project", required=True, help="A .mtreview file (created if needed) or a database URL."
)
@click.option("--reviewer", default=None, help="Author recorded on the import (default: preferences).")
@click.option("--engine", default=None, help="The MT engine that produced the translation (for comparisons).")
@click.option(
    "--apply-sheet",
    is_flag=True,
    help="INPUT is a review sheet (xlsx) exported from PROJECT: apply its corrections and annotations.",
)
@click.option(
    "--no-checks",
    "no_checks",
    is_flag=True,
    help="Do not run the automatic checks after the import (run them later in the app).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@handle_errors
def command(
    input_path: str,
    target: str | None,
    project: str,
    reviewer: str | None,
    engine: str | None,
    apply_sheet: bool,
    no_checks: bool,
    as_json: bool,
) -> None:
    """Import one document per INPUT into PROJECT (created if needed)."""
    from mtreview.services.import_stream import ProjectAppeared, StreamedRead, new_project_file, streamable

    # A large file is read in another process from here on, while this one loads the storage and stores
    # (the reader is ended with the command's context, whatever happens).
    reading = None
    if not apply_sheet and streamable(input_path, target, project):
        reading = click.get_current_context().with_resource(StreamedRead(input_path))

    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService, read_input

    if apply_sheet:
        from mtreview.services.review_sheet import apply_review_sheet

        service = ProjectService.open(project, reviewer or Preferences.load().reviewer)
        try:
            sheet = apply_review_sheet(service, input_path)
        finally:
            service.close()
        summary = {
            "rows": sheet.rows,
            "segments_changed": sheet.segments_changed,
            "annotations_added": sheet.annotations_added,
            "annotations_changed": sheet.annotations_changed,
            "annotations_removed": sheet.annotations_removed,
        }
        if as_json:
            print_json(summary)
        else:
            click.echo(
                _(
                    "Applied {rows} edited rows: {seg} segments, {add} annotations added, {chg} changed, "
                    "{rem} removed"
                ).format(
                    rows=sheet.rows,
                    seg=sheet.segments_changed,
                    add=sheet.annotations_added,
                    chg=sheet.annotations_changed,
                    rem=sheet.annotations_removed,
                )
            )
        return

    from mtreview.services.scores import is_mqm_tsv

    if target is None and is_mqm_tsv(input_path):
        from mtreview.formats.mqm_tsv import read_mqm_tsv

        read_mqm_tsv(input_path)  # bad input fails before the project is created or touched
        service = ProjectService.open(project, reviewer or Preferences.load().reviewer, create=True)
        try:
            imported = service.import_mqm_tsv(input_path)
            docs = [d for d in service.documents() if d.id in imported.changes.documents]
        finally:
            service.close()
        if as_json:
            print_json({"documents": [{"name": d.name, "segments": d.segment_count} for d in docs]})
        else:
            click.echo(
                _("Imported {n} documents (MQM TSV, annotations confirmed) into {project}").format(
                    n=len(docs), project=project
                )
            )
        return

    from mtreview.domain.collect import no_full_collections
    from mtreview.services.importing import check_after_import

    author = reviewer or Preferences.load().reviewer
    with no_full_collections():  # the document read is kept until it is stored (domain.collect)
        streamed = None
        if reading is not None:
            try:
                with new_project_file(project) as building:  # named PROJECT once complete and closed
                    built = ProjectService.open(building, author, create=True)
                    try:
                        streamed = built.import_streamed(reading, engine)
                    finally:
                        built.close()
            except ProjectAppeared:  # created by someone else meanwhile: imported into it the usual way
                reading.close()
                streamed = None  # what was built is gone
        opened: ProjectService | None = None
        if streamed is not None and reading is not None:
            result, doc = streamed, reading.finished()
            opened = None if no_checks else ProjectService.open(project, author)
        else:
            # Read and align first: bad input fails before the project is created or touched.
            doc = read_input(input_path, target, Progress())
            if engine:
                doc = dataclasses.replace(doc, engine=engine)
            opened = ProjectService.open(project, author, create=True)
            try:
                result = opened.import_document(doc)
            except BaseException:
                opened.close()
                raise
        try:
            checked = None if opened is None or no_checks else check_after_import(opened, result)
        finally:
            if opened is not None:
                opened.close()
    if checked is not None and checked.check_error:
        click.echo("mtreview: " + _("checks failed: {error}").format(error=checked.check_error), err=True)
    d = result.document
    encodings = _legacy_encodings(input_path, target)
    if as_json:
        print_json(
            {
                "document": d.name,
                "segments": d.segment_count,
                "target_only": list(doc.target_only),
                "source_only": list(doc.source_only),
                "findings": None if checked is None or checked.checks is None else checked.findings,
                "encodings": encodings,
            }
        )
    else:
        for path, encoding in encodings.items():
            click.echo(_("{path}: not UTF-8, read as {encoding}").format(path=path, encoding=encoding))
        click.echo(
            _(
                "Imported {name}: {n} segments ({src} source-only, {tgt} unpaired target lines) "
                "into {project}"
            ).format(
                name=d.name,
                n=d.segment_count,
                src=len(doc.source_only),
                tgt=len(doc.target_only),
                project=project,
            )
        )
        if checked is not None and checked.checks is not None:
            click.echo(
                ngettext(
                    "Checks proposed {n} finding to review.",
                    "Checks proposed {n} findings to review.",
                    checked.findings,
                ).format(n=checked.findings)
            )
    sys.stdout.flush()


def _legacy_encodings(*paths: str | None) -> dict[str, str]:
    """The inputs that were decoded from an encoding other than UTF-8, by path (the import summary names
    them: a wrong guess is then visible at once)."""
    from mtreview.formats.textio import detected_encoding, is_utf8

    out: dict[str, str] = {}
    for path in paths:
        if path is not None:
            encoding = detected_encoding(path)
            if not is_utf8(encoding) and encoding is not None:
                out[path] = encoding
    return out

"""``mtreview replace PROJECT FIND REPLACEMENT [--regex] [--dry-run] --json``."""

from __future__ import annotations

import click

from mtreview.cli.common import handle_errors, print_json
from mtreview.domain.errors import InputError
from mtreview.i18n import _


@click.command("replace")
@click.argument("project", metavar="PROJECT")
@click.argument("find", metavar="FIND")
@click.argument("replacement", metavar="REPLACEMENT")
@click.option(
    "--regex", is_flag=True, help="FIND is a regular expression (Python syntax; \\1 in REPLACEMENT)."
)
@click.option("--ignore-case", is_flag=True, help="Match regardless of case.")
@click.option("--whole-word", is_flag=True, help="Only whole words (script-aware for Japanese).")
@click.option("--document", "document", default=None, help="Only in this document.")
@click.option(
    "--confirmed",
    type=click.Choice(["keep", "corrected"]),
    default="keep",
    show_default=True,
    help="Status of confirmed segments that change: keep it, or back to corrected.",
)
@click.option("--dry-run", is_flag=True, help="Show the changes, write nothing.")
@click.option("--reviewer", default=None, help="Author recorded on the changes (default: preferences).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@handle_errors
def command(
    project: str,
    find: str,
    replacement: str,
    regex: bool,
    ignore_case: bool,
    whole_word: bool,
    document: str | None,
    confirmed: str,
    dry_run: bool,
    reviewer: str | None,
    as_json: bool,
) -> None:
    """Replace FIND with REPLACEMENT in the corrections of PROJECT (a segment without a correction starts
    from its MT; the MT itself never changes). One revision per changed segment."""
    from mtreview.services.navigation import document_named
    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService
    from mtreview.services.replace import ConfirmedPolicy, ReplaceScope, preview_replace, replace_all
    from mtreview.services.textsearch import SearchSpec

    if not find:
        raise InputError(_("FIND must not be empty"))
    service = ProjectService.open(project, reviewer or Preferences.load().reviewer)
    try:
        scope = ReplaceScope()
        if document is not None:
            scope = ReplaceScope(document_id=document_named(service, document).id)
        spec = SearchSpec(find, regex=regex, whole_word=whole_word, case_sensitive=not ignore_case)
        preview = preview_replace(service, spec, replacement, scope)
        applied = False
        if preview.items and not dry_run:
            replace_all(service, preview, ConfirmedPolicy(confirmed))
            applied = True
    finally:
        service.close()
    warned = [i for i in preview.items if i.warnings]
    for item in warned:
        click.echo(
            _("mtreview: warning: {segment}: {warnings}").format(
                segment=item.label, warnings="; ".join(item.warnings)
            ),
            err=True,
        )
    if as_json:
        print_json(
            {
                "applied": applied,
                "changes": [
                    {
                        "segment": i.label,
                        "before": i.before,
                        "after": i.after,
                        "hits": len(i.hits),
                        "warnings": list(i.warnings),
                    }
                    for i in preview.items
                ],
            }
        )
        return
    for i in preview.items:
        click.echo(f"{i.label}\n  - {i.before}\n  + {i.after}")
    if applied:
        click.echo(_("Replaced in {n} segments.").format(n=len(preview.items)))
    elif dry_run:
        click.echo(_("Dry run: {n} segments would change; nothing was written.").format(n=len(preview.items)))
    else:
        click.echo(_("Nothing to replace."))

"""``mtreview qa INPUT|PROJECT --json [--fail-on SEVERITY]`` (contract in PRODUCT.md).

For a file, segments are what the readers or the aligner give (ids are 1-based ordinals; a Google MQM TSV
gives ``<system>/<seg_id>``); for a project, ids are ``<document>#<ordinal>``, the target is the corrected
text, and findings a reviewer dismissed are omitted. Exit status 1 when a finding at or above
``--fail-on`` exists, 2 on bad input.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from mtreview.cli.common import handle_errors, is_project_location, print_json
from mtreview.domain.errors import InputError
from mtreview.domain.model import AnnotationState, Severity
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.qa.base import DocumentInput, Finding, QaResult, SegmentInput

SEVERITIES = [s.value for s in Severity]


def _file_documents(location: str, progress: Progress) -> list[DocumentInput]:
    if not Path(location).exists():
        raise InputError(_("no such file"), location)
    from mtreview.services import scores

    if scores.is_mqm_tsv(location):
        from mtreview.formats.mqm_tsv import read_mqm_tsv

        tsv = read_mqm_tsv(location)
        grouped: dict[str, list[SegmentInput]] = {}
        for s in tsv.segments:
            name = f"{s.system}/{s.doc}"
            grouped.setdefault(name, []).append(
                SegmentInput(f"{s.system}/{s.seg_id}", name, s.source, s.target)
            )
        return [DocumentInput(name, tuple(segs)) for name, segs in grouped.items()]
    from mtreview.services.project import read_input

    doc = read_input(location, None, progress)
    return [
        DocumentInput(
            doc.name,
            tuple(
                SegmentInput(
                    str(i), doc.name, s.source, s.target, tuple(s.source_lines), tuple(s.target_lines)
                )
                for i, s in enumerate(doc.segments, start=1)
            ),
        )
    ]


def _project_run(
    location: str, settings_override: Mapping[str, Any], progress: Progress
) -> tuple[list[DocumentInput], QaResult]:
    from mtreview.qa.runner import run_checks
    from mtreview.services.checking import fingerprint, qa_settings
    from mtreview.services.project import ProjectService

    store = ProjectService.open(location, "mtreview-qa")  # reads only
    try:
        documents: list[DocumentInput] = []
        db_ids: dict[str, int] = {}
        for doc in store.documents():
            inputs = []
            for seg in store.iter_segments(doc.id):
                sid = f"{doc.name}#{seg.ordinal}"
                db_ids[sid] = seg.id
                inputs.append(
                    SegmentInput(
                        sid,
                        doc.name,
                        seg.source,
                        seg.target,
                        tuple(seg.source_lines),
                        tuple(seg.target_lines),
                    )
                )
            documents.append(DocumentInput(doc.name, tuple(inputs)))
        settings: dict[str, Any] = qa_settings(store)
        settings = _merge(settings, settings_override)
        result = run_checks(documents, settings, progress)
        # omit what a reviewer dismissed: by the proposal's fingerprint, or by check and span
        occurrences: Counter[tuple[str, int, str, str]] = Counter()
        prints: dict[str, Finding] = {}
        for f in result.findings:
            seg_id = db_ids[f.segment]
            slot = (f.check, seg_id, f.side.value, f.text)
            occurrences[slot] += 1
            prints[fingerprint(f, seg_id, occurrences[slot])] = f
        states = store.fingerprint_states(prints) if prints else {}
        dismissed = {id(prints[fp]) for fp, state in states.items() if state is AnnotationState.DISMISSED}
        spans = {
            (a.origin, a.segment_id, a.side.value, a.start, a.end)
            for a in store.annotations(states=[AnnotationState.DISMISSED])
        }
        result.findings = [
            f
            for f in result.findings
            if id(f) not in dismissed
            and (f.check, db_ids[f.segment], f.side.value, f.start, f.end) not in spans
        ]
        return documents, result
    finally:
        store.close()


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if key == "checks":
            checks = dict(out.get("checks") or {})
            checks.update(value)
            out["checks"] = checks
        elif key in ("glossary_files",):
            out[key] = list(out.get(key) or []) + list(value)
        elif key == "lexicons":
            lex = {k: list(v) for k, v in (out.get("lexicons") or {}).items()}
            for kind, paths in value.items():
                lex.setdefault(kind, []).extend(paths)
            out["lexicons"] = lex
        else:
            out[key] = value
    return out


def run_qa(
    location: str, settings: Mapping[str, Any] | None = None, progress: Progress | None = None
) -> tuple[list[DocumentInput], QaResult]:
    """Documents and findings for a project or any input the readers/aligner take."""
    from mtreview.qa.runner import run_checks

    progress = progress or Progress()
    if is_project_location(location):
        return _project_run(location, settings or {}, progress)
    documents = _file_documents(location, progress)
    return documents, run_checks(documents, settings, progress)


def store_run(
    location: str, settings_override: Mapping[str, Any], progress: Progress | None = None
) -> tuple[list[DocumentInput], QaResult, dict[str, int]]:
    """``--store``: what Tools ▸ Run Checks does. The checks run on the MT of every segment; new findings
    are stored as proposals, findings that reappear keep their state (a dismissed one stays dismissed),
    proposals the checks no longer produce are removed. Returns the documents as checked (the MT as the
    target), the findings a reviewer has not dismissed, and the counts stored."""
    from mtreview.services.checking import qa_settings, run_project_checks
    from mtreview.services.project import ProjectService

    if not is_project_location(location):
        raise InputError(_("--store needs a project (a .mtreview file or a database URL)"), location)
    service = ProjectService.open(location, "mtreview-qa")
    try:
        settings = _merge(qa_settings(service), settings_override)
        run = run_project_checks(service, progress or Progress(), settings)
    finally:
        service.close()
    stored = {"added": run.added, "kept": run.kept, "removed": run.removed}
    return run.documents, QaResult(run.findings, run.errors), stored


class _Made(list):  # type: ignore[type-arg]
    """A JSON array whose items are made as the encoder reaches them (``print_json`` encodes with an indent,
    i.e. with the pure-Python encoder, which iterates a list): 100k segments and their findings are never
    all held as dicts at once. It reads as a list for everything else (``list(made)``)."""

    def __init__(self, make: Callable[[], Iterator[Any]], count: int) -> None:
        super().__init__()
        self._make, self._count = make, count

    def __iter__(self) -> Iterator[Any]:
        return self._make()

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __eq__(self, other: object) -> bool:
        return list(self) == other

    __hash__ = None


def to_json(documents: list[DocumentInput], result: QaResult) -> dict[str, Any]:
    def segments() -> Iterator[dict[str, Any]]:
        for d in documents:
            for s in d.segments:
                yield {
                    "id": s.id,
                    "document": s.document,
                    "source_lines": list(s.source_lines),
                    "target_lines": list(s.target_lines),
                    "source": s.source,
                    "target": s.target,
                }

    return {
        "segments": _Made(segments, sum(len(d.segments) for d in documents)),
        "findings": _Made(lambda: (f.to_json() for f in result.findings), len(result.findings)),
        "errors": [e.to_json() for e in result.errors],
    }


def _clip(text: str, width: int) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(documents: list[DocumentInput], result: QaResult) -> None:
    segments = sum(len(d.segments) for d in documents)
    if result.findings:
        click.echo(
            f"{_('segment'):<14} {_('severity'):<8} {_('check'):<18} {_('span'):<12} {_('text'):<24} "
            f"{_('message')}"
        )
    for f in result.findings:
        span = _("whole") if f.start is None else f"{f.side.value[0]}:{f.start}-{f.end}"
        line = (
            f"{_clip(f.segment, 14):<14} {f.severity.value:<8} {f.check:<18} {span:<12} "
            f"{_clip(f.text, 24):<24} {_clip(f.message, 90)}"
        )
        if f.suggestion:
            line += "  → " + _clip(f.suggestion, 30)
        click.echo(line)
    counts = Counter(f.check for f in result.findings)
    severities = Counter(f.severity.value for f in result.findings)
    click.echo("")
    click.echo(
        _("{n} findings in {s} segments").format(n=len(result.findings), s=segments)
        + (
            ""
            if not severities
            else " (" + ", ".join(f"{severities[s]} {s}" for s in reversed(SEVERITIES) if severities[s]) + ")"
        )
    )
    for check, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {check:<20} {n}")
    for e in result.errors:
        click.echo(
            _("error in {check}{where}: {message}").format(
                check=e.check, where=f" ({e.segment})" if e.segment else "", message=e.message
            ),
            err=True,
        )


@click.command("qa")
@click.argument("location", metavar="INPUT|PROJECT")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document (the documented contract).")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES, case_sensitive=False),
    default=None,
    help="Exit with status 1 when a finding at or above this severity exists.",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A glossary file (CSV/TSV/TBX) to check against; repeatable.",
)
@click.option(
    "--idioms",
    "idioms",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="An extra idiom lexicon (TSV, the shipped format); repeatable.",
)
@click.option(
    "--disable",
    "disabled",
    multiple=True,
    metavar="CHECK",
    help="Do not run this check (its id); repeatable.",
)
@click.option(
    "--store",
    is_flag=True,
    help="PROJECT only: do what Tools ▸ Run Checks does — check the MT and store the findings as proposals "
    "(dismissed ones stay dismissed). The output then describes the MT.",
)
@handle_errors
def command(
    location: str,
    as_json: bool,
    fail_on: str | None,
    glossaries: tuple[str, ...],
    idioms: tuple[str, ...],
    disabled: tuple[str, ...],
    store: bool,
) -> None:
    """Automatic checks: names as companies, name consistency, untranslated English, numbers, additions,
    omissions, literal idioms, glossary, register, punctuation and width, identical targets."""
    settings: dict[str, Any] = {}
    if glossaries:
        settings["glossary_files"] = list(glossaries)
    if idioms:
        settings["lexicons"] = {"idioms": list(idioms)}
    if disabled:
        settings["checks"] = {cid: {"enabled": False} for cid in disabled}
    stored: dict[str, int] | None = None
    if store:
        documents, result, stored = store_run(location, settings)
    else:
        documents, result = run_qa(location, settings)
    if as_json:
        document = to_json(documents, result)
        if stored is not None:
            document["stored"] = stored
        print_json(document)
        for e in result.errors:
            click.echo(f"mtreview: {e.check}: {e.message}", err=True)
    else:
        print_table(documents, result)
        if stored is not None:
            click.echo(
                _("Stored in the project: {added} new proposals, {kept} kept, {removed} removed").format(
                    **stored
                )
            )
    if fail_on is not None:
        threshold = Severity.parse(fail_on).rank
        if any(f.severity.rank >= threshold for f in result.findings):
            sys.exit(1)

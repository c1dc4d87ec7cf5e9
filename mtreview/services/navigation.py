"""Getting around: a segment by its number or its ``<document>#<ordinal>`` label, a document by name."""

from __future__ import annotations

from mtreview.domain.errors import InputError, NotFoundError
from mtreview.domain.model import Document, Segment
from mtreview.i18n import _
from mtreview.services.project import ProjectService


def document_named(service: ProjectService, name: str) -> Document:
    try:
        return service._store.document_by_name(name)
    except NotFoundError:
        known = ", ".join(d.name for d in service._store.documents()) or "-"
        raise InputError(
            _("no document named {name!r} in the project (documents: {known})").format(name=name, known=known)
        ) from None


def segment_at(service: ProjectService, document_id: int, ordinal: int) -> Segment:
    """The segment with this number (1-based) in a document."""
    ids = service._store.segment_ids(document_id=document_id)
    if not 1 <= ordinal <= len(ids):
        raise InputError(
            _("there is no segment {n}: the document has segments 1 to {last}").format(
                n=ordinal, last=len(ids)
            )
        )
    return service.segment(ids[ordinal - 1])


def segment_by_label(service: ProjectService, label: str) -> Segment:
    """``<document>#<ordinal>`` (as in the CLI contracts), or a bare number in a one-document project."""
    text = label.strip()
    name, sep, number = text.rpartition("#")
    if not sep:
        name, number = "", text
    if not number.isdigit():
        raise InputError(_("not a segment id: {label!r} (expected <document>#<number>)").format(label=label))
    if sep:
        document = document_named(service, name)
    else:
        documents = service._store.documents()
        if len(documents) != 1:
            raise InputError(
                _("the project has {n} documents: name the segment as <document>#<number>").format(
                    n=len(documents)
                )
            )
        document = documents[0]
    return segment_at(service, document.id, int(number))

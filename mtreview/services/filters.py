"""Grid filters (Qt-free): the ids of the segments a combination of conditions lets through, in order,
optionally narrowed by the search box's text."""

from __future__ import annotations

from mtreview.domain.filters import SegmentFilter
from mtreview.services.project import ProjectService
from mtreview.services.textsearch import SearchSpec, compile_search
from mtreview.storage.bulk import iter_segment_texts
from mtreview.storage.filters import distinct_values, filtered_segment_ids


def filter_ids(service: ProjectService, flt: SegmentFilter, search: SearchSpec | None = None) -> list[int]:
    """Segment ids passing ``flt`` (and containing ``search`` in the source, MT or correction)."""
    ids = filtered_segment_ids(service._store, flt)
    if search is None or not search.text:
        return ids
    matcher = compile_search(search)
    keep = []
    for seg in iter_segment_texts(service._store, ids=ids):
        if matcher.search(seg.source) or matcher.search(seg.target) or matcher.search(seg.mt):
            keep.append(seg.id)
    return keep


def filter_choices(service: ProjectService) -> dict[str, list[str]]:
    """The checks, categories and authors present in the project (what the filter boxes list)."""
    return distinct_values(service._store)

"""Rewriting a document's alignment keeps untouched segments, carries corrections into merges, undoes."""

from mtreview.align.edit import merge_with_next
from mtreview.services.alignment import SetAlignment, document_lines
from mtreview.services.project import ProjectService


def _project(tmp_path):
    src = tmp_path / "en.txt"
    tgt = tmp_path / "ja.txt"
    src.write_text("One.\nTwo.\nThree.\n", encoding="utf-8")
    tgt.write_text("一。\n二。\n三。\n", encoding="utf-8")
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    doc = svc.import_path(src, tgt).document
    return svc, doc


def test_merge_keeps_other_segments_and_carries_corrections(tmp_path):
    svc, doc = _project(tmp_path)
    ids = svc.store.segment_ids(doc.id)
    third = svc.segment(ids[2])
    svc.confirm(third.id, "三番目。", third.version)
    first = svc.segment(ids[0])
    svc.edit(first.id, "いち。", first.version)
    lines = document_lines(svc, doc.id)
    assert len(lines.links) == 3
    inverse, changes = SetAlignment(doc.id, merge_with_next(lines.links, 0)).apply(svc)
    after = list(svc.store.iter_segments(doc.id))
    assert [s.ordinal for s in after] == [1, 2]
    assert after[0].source == "One.\nTwo." and after[0].mt == "一。\n二。"
    assert after[0].corrected == "いち。\n二。"
    assert after[1].id == third.id and after[1].corrected == "三番目。"  # untouched: same id, same work
    inverse.apply(svc)
    restored = list(svc.store.iter_segments(doc.id))
    assert [s.source for s in restored] == ["One.", "Two.", "Three."]
    assert restored[2].id == third.id
    assert svc.store.check_integrity() == []
    svc.close()

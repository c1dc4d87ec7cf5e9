"""Rewriting a document's alignment keeps untouched segments, carries corrections into merges, undoes."""

from mtreview.align.edit import merge_with_next
from mtreview.services.alignment import SetAlignment, document_lines
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


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
    ids = svc.segment_ids(doc.id)
    third = svc.segment(ids[2])
    svc.save(SegmentChange.confirm(third.id, "三番目。", third.version)).require_saved()
    first = svc.segment(ids[0])
    svc.save(SegmentChange.edit(first.id, "いち。", first.version)).require_saved()
    lines = document_lines(svc, doc.id)
    assert len(lines.links) == 3
    inverse, _changes = SetAlignment(doc.id, merge_with_next(lines.links, 0)).apply(svc)
    after = list(svc.iter_segments(doc.id))
    assert [s.ordinal for s in after] == [1, 2]
    assert after[0].source == "One.\nTwo." and after[0].mt == "一。\n二。"
    assert after[0].corrected == "いち。\n二。"
    assert after[1].id == third.id and after[1].corrected == "三番目。"  # untouched: same id, same work
    inverse.apply(svc)
    restored = list(svc.iter_segments(doc.id))
    assert [s.source for s in restored] == ["One.", "Two.", "Three."]
    assert restored[2].id == third.id
    assert svc.check_integrity() == []
    svc.close()


def test_realign_restores_a_broken_alignment_but_keeps_locked_pairs(tmp_path):
    from mtreview.align.edit import detach, toggle_lock
    from mtreview.services.alignment import realign_links

    src = tmp_path / "en.txt"
    tgt = tmp_path / "ja.txt"
    src.write_text(
        "The city museum first opened its doors to the public in 1998.\n"
        "Today it has 42 rooms spread over three floors of the old customs house.\n"
        "Adult visitors pay $12, while children under 12 enter for free.\n"
        "Tickets for the summer exhibition can be bought online from June 1.\n",
        encoding="utf-8",
    )
    tgt.write_text(
        "市立博物館は1998年に初めて一般公開された。\n"
        "現在は旧税関の建物の3フロアに42の展示室がある。\n"
        "大人の入館料は12ドルで、12歳未満の子どもは無料だ。\n"
        "夏の特別展のチケットは6月1日からオンラインで購入できる。\n",
        encoding="utf-8",
    )
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    doc = svc.import_path(src, tgt).document
    good = [(lk.source_lines, lk.target_lines) for lk in document_lines(svc, doc.id).links]
    assert good == [((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), (4,))]
    links = document_lines(svc, doc.id).links
    broken = merge_with_next(detach(links, 1), 2)  # a wrong manual merge
    broken = toggle_lock(broken, 0)
    SetAlignment(doc.id, broken).apply(svc)
    fixed = realign_links(svc, doc.id)
    assert [(lk.source_lines, lk.target_lines) for lk in fixed] == good
    assert fixed[0].locked
    svc.close()


def test_undo_of_a_merge_restores_segments_work_and_annotations_exactly(tmp_path):
    from mtreview.domain.model import AnnotationDraft, Severity, Status

    svc, doc = _project(tmp_path)
    ids = svc.segment_ids(doc.id)
    for sid, text in zip(ids[:2], ("いち。", "に。"), strict=True):
        seg = svc.segment(sid)
        svc.save(SegmentChange.confirm(sid, text, seg.version)).require_saved()
    svc._store.add_annotations(
        [AnnotationDraft(ids[1], "Style/Awkward", Severity.MINOR, start=0, end=1)], "me"
    )
    lines = document_lines(svc, doc.id)
    inverse, _ = SetAlignment(doc.id, merge_with_next(lines.links, 0)).apply(svc)
    merged = next(iter(svc.iter_segments(doc.id)))
    assert merged.corrected == "いち。\nに。" and merged.status == Status.CORRECTED
    redo, _ = inverse.apply(svc)
    back = list(svc.iter_segments(doc.id))
    assert [s.id for s in back] == ids
    assert [(s.corrected, s.status) for s in back[:2]] == [
        ("いち。", Status.APPROVED),
        ("に。", Status.APPROVED),
    ]
    assert len(svc.annotations(segment_ids=[ids[1]])) == 1
    assert svc.check_integrity() == []
    redo.apply(svc)
    assert svc.segment_count() == 2
    svc.close()


def test_split_halves_do_not_copy_the_whole_correction(tmp_path):
    from mtreview.align.edit import split

    svc, doc = _project(tmp_path)
    links = document_lines(svc, doc.id).links
    SetAlignment(doc.id, merge_with_next(links, 0)).apply(svc)
    merged = next(iter(svc.iter_segments(doc.id)))
    svc.save(SegmentChange.confirm(merged.id, "一と二。", merged.version)).require_saved()
    SetAlignment(doc.id, split(document_lines(svc, doc.id).links, 0)).apply(svc)
    halves = list(svc.iter_segments(doc.id))[:2]
    assert [h.corrected for h in halves] == [None, None]
    svc.close()


def test_paired_formats_refuse_alignment_edits(tmp_path):
    import pytest

    from mtreview.domain.errors import InputError

    src = tmp_path / "d.tsv"
    src.write_text("One.\t一。\nTwo.\t二。\n", encoding="utf-8")
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    doc = svc.import_path(src).document
    links = document_lines(svc, doc.id).links
    with pytest.raises(InputError):
        SetAlignment(doc.id, merge_with_next(links, 0)).apply(svc)
    assert svc.segment_count() == 2
    svc.close()

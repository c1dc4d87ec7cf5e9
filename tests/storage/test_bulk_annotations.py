"""Storing many annotations at once (the checks' proposals): one transaction, ids in the drafts' order,
one revision each, all or nothing — on both backends."""

from __future__ import annotations

import pytest

from mtreview.domain.errors import InputError, NotFoundError
from mtreview.domain.model import (
    AnnotationDraft,
    AnnotationState,
    ImportedDocument,
    SegmentDraft,
    Severity,
    Side,
)
from mtreview.storage import open_project


@pytest.fixture
def store(project_url: str):  # type: ignore[no-untyped-def]
    s = open_project(project_url, create=True)
    s.add_document(
        ImportedDocument(
            name="doc",
            segments=[SegmentDraft(f"source number {i}", f"訳文{i}", (i,), (i,)) for i in range(1, 1201)],
        ),
        "importer",
    )
    yield s
    s.close()


def _drafts(segment_ids: list[int]) -> list[AnnotationDraft]:
    # more drafts than one IN (...) chunk, several per segment, both sides, whole-segment ones among them
    out = []
    for n, sid in enumerate(segment_ids):
        out.append(AnnotationDraft(sid, "Accuracy", Severity.MAJOR, Side.TARGET, 0, 2, comment=f"c{n}"))
        if n % 3 == 0:
            out.append(AnnotationDraft(sid, "Style", Severity.MINOR, Side.SOURCE, 7, 13, suggestion="s"))
        if n % 7 == 0:
            out.append(AnnotationDraft(sid, "Other", Severity.MINOR, state=AnnotationState.PROPOSED))
    return out


def test_many_annotations_come_back_as_stored_with_one_revision_each(store) -> None:  # type: ignore[no-untyped-def]
    ids = [s.id for s in store.iter_segments()]
    drafts = _drafts(ids)
    fps = [f"fp{i}" for i in range(len(drafts))]
    created = store.add_annotations(drafts, "mtreview-qa", fingerprints=fps)
    assert len(created) == len(drafts) > 1700
    assert [(a.segment_id, a.side, a.start, a.end, a.comment) for a in created] == [
        (d.segment_id, d.side, d.start, d.end, d.comment) for d in drafts
    ]
    assert len({a.id for a in created}) == len(created)
    stored = {a.id: a for a in store.annotations()}
    assert [stored[a.id] for a in created] == created  # what was returned is what a reader sees
    by_id = store.annotation_fingerprints()
    assert [by_id[a.id] for a in created] == fps  # each fingerprint on its own annotation
    revs = [r for r in store.revisions() if r.entity == "annotation"]
    assert sorted(r.entity_id for r in revs) == sorted(a.id for a in created)
    assert {r.action for r in revs} == {"create"} and all(r.before is None for r in revs)
    some = created[5]
    (rev,) = [r for r in revs if r.entity_id == some.id]
    assert rev.segment_id == some.segment_id and rev.after["category"] == some.category


@pytest.mark.parametrize(
    ("bad", "error", "words"),
    [
        (AnnotationDraft(0, "Accuracy", Severity.MAJOR, Side.TARGET, 0, 50), InputError, "segment 600"),
        (AnnotationDraft(0, "Accuracy", Severity.MAJOR, Side.TARGET, 3, 1), InputError, "3..1"),
        (AnnotationDraft(10**9, "Accuracy", Severity.MAJOR, Side.TARGET, 0, 1), NotFoundError, str(10**9)),
    ],
)
def test_one_bad_span_among_many_stores_nothing(store, bad, error, words) -> None:  # type: ignore[no-untyped-def]
    ids = [s.id for s in store.iter_segments()]
    drafts = _drafts(ids)
    if bad.segment_id == 0:
        bad = AnnotationDraft(ids[599], bad.category, bad.severity, bad.side, bad.start, bad.end)
    before = store.last_revision_id()
    with pytest.raises(error) as raised:
        store.add_annotations([*drafts[:1000], bad, *drafts[1000:]], "mtreview-qa")
    assert words in str(raised.value)
    assert store.annotations() == []
    assert store.last_revision_id() == before


def test_withdrawing_proposals_leaves_those_a_reviewer_acted_on(store) -> None:  # type: ignore[no-untyped-def]
    ids = [s.id for s in store.iter_segments()][:1000]
    proposals = store.add_annotations(
        [AnnotationDraft(sid, "Style", Severity.MINOR, state=AnnotationState.PROPOSED) for sid in ids],
        "mtreview-qa",
    )
    confirmed = store.update_annotation(proposals[1].id, 1, "rev", state=AnnotationState.CONFIRMED)
    edited = store.update_annotation(proposals[2].id, 1, "rev", comment="keep this one")
    before = store.last_revision_id()
    gone = store.withdraw_proposals(proposals, "mtreview-qa")  # versions as the checks read them
    assert {a.id for a in gone} == {a.id for a in proposals} - {confirmed.id, edited.id}
    assert {a.id for a in store.annotations()} == {confirmed.id, edited.id}
    revs = [r for r in store.revisions() if r.id > before]
    assert sorted(r.entity_id for r in revs) == sorted(a.id for a in gone)
    assert {(r.action, r.after is None, r.before["state"]) for r in revs} == {("delete", True, "proposed")}
    assert store.withdraw_proposals(proposals, "mtreview-qa") == []


def test_proposals_stored_in_chunks_keep_order_and_stay_one_transaction(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``add_proposals`` (Run Checks) inserts a chunk at a time and keeps only (id, segment id) of each:
    the rows, their order and their revisions are those of ``add_annotations``; a bad span in a later chunk
    stores nothing of the earlier ones."""
    from mtreview.storage import annotations

    monkeypatch.setattr(annotations, "ADD_CHUNK", 500)
    ids = [s.id for s in store.iter_segments()]
    drafts = _drafts(ids)
    fps = [f"fp{i}" for i in range(len(drafts))]
    bad = AnnotationDraft(ids[3], "Accuracy", Severity.MAJOR, Side.TARGET, 0, 99)
    before = store.last_revision_id()
    with pytest.raises(InputError):
        store.add_proposals([*drafts, bad], "mtreview-qa", [*fps, "bad"])
    assert store.annotations() == [] and store.last_revision_id() == before

    made = store.add_proposals(drafts, "mtreview-qa", fps)
    assert [sid for _id, sid in made] == [d.segment_id for d in drafts] and len(made) > 1500
    stored = {a.id: a for a in store.annotations()}
    assert [(stored[i].side, stored[i].start, stored[i].comment) for i, _sid in made] == [
        (d.side, d.start, d.comment) for d in drafts
    ]
    revs = [r for r in store.revisions() if r.entity == "annotation"]
    assert sorted(r.entity_id for r in revs) == sorted(i for i, _sid in made)

    keys = store.proposal_keys()
    proposed = {i for i, _sid in made if stored[i].state is AnnotationState.PROPOSED}
    assert {k.id for k in keys} == proposed
    assert {k.fingerprint for k in keys} == {fps[n] for n, (i, _sid) in enumerate(made) if i in proposed}
    # what a checks run withdraws: the proposals it did not find again, other than its own new ones
    by_fp = {k.fingerprint: k for k in keys}
    wanted = set(list(by_fp)[20:])
    own = {by_fp[fp].id for fp in list(by_fp)[:5]}
    stale = store.stale_proposals(wanted, own)
    assert sorted(k.id for k in stale) == sorted(by_fp[fp].id for fp in list(by_fp)[5:20])
    gone = store.withdraw_proposals(keys[:10], "mtreview-qa")  # the keys suffice to withdraw them
    assert {a.id for a in gone} == {k.id for k in keys[:10]}
    assert len(store.proposal_keys()) == len(keys) - 10

"""Find & replace over corrections: preview, apply as one bulk write with revisions, undo in one step."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import ConflictError, InputError
from mtreview.domain.model import Status
from mtreview.services.project import ProjectService
from mtreview.services.replace import (
    ConfirmedPolicy,
    ReplaceScope,
    preview_replace,
    replace_all,
    replace_command,
)
from mtreview.services.saving import SegmentChange
from mtreview.services.textsearch import SearchSpec

ROWS = [
    ("Mara Quill opened the shop.", "マーラ・クイル社が店を開いた。"),
    ("Mara Quill smiled.", "マーラ・クイルは微笑んだ。"),
    ("The shop sold {count} lamps.", "店は{count}個のランプを売った。"),
    ("Nobody came.", "誰も来なかった。"),
    ("Mara Quill closed the shop.", "クイル社が店を閉めた。"),
]


def _project(location: str, tmp_path: Path, author: str = "rin") -> ProjectService:
    tsv = tmp_path / "shop.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    service = ProjectService.open(location, author, create=True)
    service.import_path(tsv)
    return service


@pytest.fixture
def service(project_url: str, tmp_path: Path):
    s = _project(project_url, tmp_path)
    yield s
    s.close()


def _targets(service: ProjectService) -> list[str]:
    return [service.segment(i).target for i in service.segment_ids()]


def test_preview_lists_every_change_and_writes_nothing(service: ProjectService) -> None:
    before = _targets(service)
    preview = preview_replace(service, SearchSpec("クイル社"), "クイル氏")
    assert [i.ordinal for i in preview.items] == [1, 5]
    assert preview.items[0].after == "マーラ・クイル氏が店を開いた。"
    first = preview.items[0]
    assert first.before[first.hits[0].start : first.hits[0].end] == "クイル社"
    assert first.after[first.landed[0].start : first.landed[0].end] == "クイル氏"
    assert _targets(service) == before
    assert service.revisions() == []


def test_replace_all_writes_corrections_keeps_mt_and_undoes_in_one_step(service: ProjectService) -> None:
    ids = service.segment_ids()
    mts = [service.segment(i).mt for i in ids]
    service.save(
        SegmentChange.confirm(ids[4], "クイル社が店を閉めた。", service.segment(ids[4]).version)
    ).require_saved()
    preview = preview_replace(service, SearchSpec("クイル社"), "クイル氏")
    inverse, changes = replace_all(service, preview, ConfirmedPolicy.KEEP)
    assert changes.segments == {ids[0], ids[4]}
    first, last = service.segment(ids[0]), service.segment(ids[4])
    assert (first.corrected, first.status) == ("マーラ・クイル氏が店を開いた。", Status.CORRECTED)
    assert (last.corrected, last.status) == ("クイル氏が店を閉めた。", Status.APPROVED)
    assert [service.segment(i).mt for i in ids] == mts
    replaced = [r for r in service.revisions() if r.action == "replace"]
    assert sorted(r.segment_id for r in replaced) == sorted([ids[0], ids[4]])
    redo, _ = inverse.apply(service)
    assert service.segment(ids[0]).corrected is None
    assert service.segment(ids[0]).status == Status.NEW
    assert (service.segment(ids[4]).corrected, service.segment(ids[4]).status) == (
        "クイル社が店を閉めた。",
        Status.APPROVED,
    )
    redo.apply(service)
    assert service.segment(ids[0]).corrected == "マーラ・クイル氏が店を開いた。"


def test_confirmed_segments_can_go_back_to_corrected(service: ProjectService) -> None:
    sid = service.segment_ids()[4]
    service.save(
        SegmentChange.confirm(sid, "クイル社が店を閉めた。", service.segment(sid).version)
    ).require_saved()
    replace_all(
        service, preview_replace(service, SearchSpec("クイル社"), "クイル氏"), ConfirmedPolicy.CORRECTED
    )
    assert service.segment(sid).status == Status.CORRECTED


def test_unticked_items_are_left_alone(service: ProjectService) -> None:
    ids = service.segment_ids()
    preview = preview_replace(service, SearchSpec("クイル"), "キル")
    assert len(preview.items) == 3
    replace_all(service, preview, exclude=frozenset({ids[1]}))
    assert service.segment(ids[1]).corrected is None
    assert service.segment(ids[0]).corrected == "マーラ・キル社が店を開いた。"


def test_a_segment_changed_after_the_preview_refuses_the_whole_replace(
    service: ProjectService, project_url: str
) -> None:
    preview = preview_replace(service, SearchSpec("クイル社"), "クイル氏")
    other = ProjectService.open(project_url, "sol")
    try:
        sid = preview.items[1].segment_id
        other.save(SegmentChange.confirm(sid, "別の訳。", other.segment(sid).version)).require_saved()
    finally:
        other.close()
    with pytest.raises(ConflictError):
        replace_all(service, preview)
    assert service.segment(preview.items[0].segment_id).corrected is None


def test_undo_after_someone_edited_a_replaced_segment_is_a_conflict(
    service: ProjectService, project_url: str
) -> None:
    preview = preview_replace(service, SearchSpec("クイル社"), "クイル氏")
    inverse, _ = replace_all(service, preview)
    other = ProjectService.open(project_url, "sol")
    try:
        sid = preview.items[0].segment_id
        other.save(SegmentChange.confirm(sid, "ソルの訳。", other.segment(sid).version)).require_saved()
    finally:
        other.close()
    with pytest.raises(ConflictError):
        inverse.apply(service)
    assert service.segment(preview.items[0].segment_id).corrected == "ソルの訳。"
    assert service.segment(preview.items[1].segment_id).corrected == "クイル氏が店を閉めた。"


@pytest.mark.parametrize(
    ("spec", "replacement", "ordinals"),
    [
        (SearchSpec("店"), "お店", [1, 3, 5]),
        (SearchSpec(r"(\S+)・クイル", regex=True), r"クイル・\1", [1, 2]),
        (SearchSpec("クイル", whole_word=True), "X", [1, 2, 5]),
        (SearchSpec("クイ", whole_word=True), "X", []),
    ],
)
def test_plain_regex_and_whole_word(service, spec, replacement, ordinals) -> None:
    preview = preview_replace(service, spec, replacement)
    assert [i.ordinal for i in preview.items] == ordinals


def test_case_sensitivity(tmp_path: Path) -> None:
    tsv = tmp_path / "c.tsv"
    tsv.write_text("a\tUSB-C port\nb\tusb-c port\nc\tÉcole école\n", encoding="utf-8")
    service = ProjectService.open(tmp_path / "c.mtreview", "rin", create=True)
    try:
        service.import_path(tsv)
        assert len(preview_replace(service, SearchSpec("usb-c"), "USB-C").items) == 1
        assert len(preview_replace(service, SearchSpec("usb-c", case_sensitive=False), "USB-C").items) == 1
        loose = preview_replace(service, SearchSpec("ÉCOLE", case_sensitive=False), "lycée")
        assert loose.items[0].after == "lycée lycée"
    finally:
        service.close()


def test_scope_document_and_filter(service: ProjectService, tmp_path: Path) -> None:
    other = tmp_path / "other.tsv"
    other.write_text("Elsewhere.\tクイル社の外。\n", encoding="utf-8")
    doc = service.import_path(other).document
    ids = service.segment_ids()
    assert len(preview_replace(service, SearchSpec("クイル社"), "X").items) == 3
    only_doc = preview_replace(service, SearchSpec("クイル社"), "X", ReplaceScope(document_id=doc.id))
    assert [i.document for i in only_doc.items] == [doc.name]
    filtered = preview_replace(service, SearchSpec("クイル社"), "X", ReplaceScope(segment_ids=(ids[4],)))
    assert [i.segment_id for i in filtered.items] == [ids[4]]


def test_warnings_for_empty_corrections_and_broken_placeholders(service: ProjectService) -> None:
    gone = preview_replace(service, SearchSpec("誰も来なかった。"), "")
    assert any("empty" in w for w in gone.items[0].warnings)
    broken = preview_replace(service, SearchSpec("{count}"), "{cnt")
    assert any("placeholder" in w for w in broken.items[0].warnings)
    fine = preview_replace(service, SearchSpec("ランプ"), "電灯")
    assert fine.items[0].warnings == ()


def test_bad_patterns_are_refused_with_a_message(service: ProjectService) -> None:
    with pytest.raises(InputError, match="regular expression"):
        preview_replace(service, SearchSpec("(unclosed", regex=True), "x")
    with pytest.raises(InputError, match="replacement"):
        preview_replace(service, SearchSpec("(店)", regex=True), r"\2")
    with pytest.raises(InputError, match="backreference"):
        preview_replace(service, SearchSpec(r"(店)\1", regex=True), "x")
    with pytest.raises(InputError):
        replace_command([])


def test_a_catastrophic_pattern_runs_in_linear_time_and_backtracking_constructs_are_refused(
    tmp_path: Path,
) -> None:
    import resource

    tsv = tmp_path / "evil.tsv"
    tsv.write_text("".join(f"x{i}\t" + "a" * 64 + "!\n" for i in range(200)), encoding="utf-8")
    service = ProjectService.open(tmp_path / "e.mtreview", "rin", create=True)
    try:
        service.import_path(tsv)
        start = resource.getrusage(resource.RUSAGE_SELF).ru_utime
        for pattern in (r"^(a|aa)+$", r"(\w+\s?)+$", r"(a+)+!"):
            preview_replace(service, SearchSpec(pattern, regex=True), "b")
        # Python's re needs minutes for each of these on one such segment; RE2 is linear.
        assert resource.getrusage(resource.RUSAGE_SELF).ru_utime - start < 20
        with pytest.raises(InputError, match="lookbehind"):
            preview_replace(service, SearchSpec(r"(?<=a)!", regex=True), "b")
    finally:
        service.close()


@pytest.mark.parametrize("whole_word", [False, True])
@pytest.mark.parametrize(
    ("text", "find"),
    [
        ("ああああ", "ああ"),  # overlapping occurrences: leftmost, non-overlapping
        ("クイル社とクイルスとクイル", "クイル"),
        ("a.b a.b.c (a.b)", "a.b"),  # characters special in a pattern are plain text
        ("Aa aA aa", "aa"),
        ("", "x"),
    ],
)
def test_plain_text_finds_the_same_hits_as_the_escaped_pattern(text, find, whole_word) -> None:
    """A plain search (found with str.find) and the same text as an escaped regular expression (RE2)
    find the same spans and make the same replacement."""
    from mtreview.domain import patterns
    from mtreview.services.textsearch import compile_search

    plain = compile_search(SearchSpec(find, whole_word=whole_word))
    escaped = compile_search(SearchSpec(patterns.escape(find), regex=True, whole_word=whole_word))
    assert plain.hits(text, "<>") == escaped.hits(text, "<>")
    assert plain.sub(text, "<>") == escaped.sub(text, "<>")
    if find in text and not whole_word:
        assert plain.hits(text)

"""Translation memory: reference TMs indexed once, fuzzy matches with scores, concordance with spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import Cancelled, InputError
from mtreview.domain.progress import Progress
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.services.tm import PROJECT, ProjectMemory, build_file_index, index_dir, score
from mtreview.services.tm_sources import iter_file

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="a1"><tuv xml:lang="en"><seg>The lighthouse keeper rowed to the island at dawn.</seg></tuv>
 <tuv xml:lang="ja"><seg>灯台守は夜明けに島へ漕いで渡った。</seg></tuv></tu>
<tu tuid="a2"><tuv xml:lang="EN-GB"><seg>The keeper lit the <bpt
 i="1">&lt;b&gt;</bpt>lamp<ept i="1">&lt;/b&gt;</ept> every evening.</seg></tuv>
 <tuv xml:lang="ja-JP"><seg>守り人は毎晩ランプを灯した。</seg></tuv></tu>
<tu tuid="a3"><tuv xml:lang="de"><seg>Nur Deutsch.</seg></tuv>
 <tuv xml:lang="en"><seg>Only German.</seg></tuv></tu>
</body></tmx>
"""

ROWS = [
    ("The lighthouse keeper rowed to the island at dawn.", "灯台の管理人は夜明けに島まで漕いだ。"),
    ("The lighthouse keeper rowed to the harbour at dusk.", "灯台の管理人は夕暮れに港まで漕いだ。"),
    ("Gulls circled the lighthouse.", "カモメが灯台の上を旋回した。"),
    ("Nobody saw the keeper again.", "その後、管理人を見た者はいない。"),
]


@pytest.fixture
def tmx(tmp_path: Path) -> Path:
    path = tmp_path / "keeper.tmx"
    path.write_text(TMX, encoding="utf-8")
    return path


@pytest.fixture
def service(project_url: str, tmp_path: Path):
    tsv = tmp_path / "sea.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    s = ProjectService.open(project_url, "rin", create=True)
    s.import_path(tsv)
    yield s
    s.close()


@pytest.fixture
def memory(service: ProjectService):
    m = ProjectMemory(service)
    yield m
    m.close()


def test_tmx_units_are_english_japanese_plain_text(tmx: Path) -> None:
    units = list(iter_file(tmx))
    assert units == [
        ("a1", "The lighthouse keeper rowed to the island at dawn.", "灯台守は夜明けに島へ漕いで渡った。"),
        ("a2", "The keeper lit the lamp every evening.", "守り人は毎晩ランプを灯した。"),
    ]


def test_scores() -> None:
    assert score("A red door.", "A red door.") == 100.0
    assert score("A red door.", "A  red door. ") == 100.0
    assert score("A red door.", "a red door.") == 99.0
    assert 70 < score("The red door opened.", "The blue door opened.") < 99
    assert score("The red door opened.", "Gulls circled.") < 30


def test_reference_tmx_gives_a_100_and_a_fuzzy_match(
    memory: ProjectMemory, service: ProjectService, tmx: Path
) -> None:
    memory.attach(tmx)
    ids = service.segment_ids()
    matches = memory.matches(service.segment(ids[0]))
    assert matches[0].score == 100.0 and matches[0].origin == str(tmx.resolve())
    assert matches[0].target == "灯台守は夜明けに島へ漕いで渡った。"
    fuzzy = memory.matches(service.segment(ids[1]))
    assert fuzzy and 60 <= fuzzy[0].score < 100 and fuzzy[0].source.startswith("The lighthouse keeper rowed")
    assert [m.score for m in fuzzy] == sorted((m.score for m in fuzzy), reverse=True)


def test_only_confirmed_project_segments_are_memory(memory: ProjectMemory, service: ProjectService) -> None:
    ids = service.segment_ids()
    assert memory.matches(service.segment(ids[1])) == []
    service.save(
        SegmentChange.confirm(ids[0], "灯台守は夜明けに島へ漕いだ。", service.segment(ids[0]).version)
    ).require_saved()
    (m,) = memory.matches(service.segment(ids[1]))
    assert (m.origin, m.segment, m.target) == (PROJECT, "sea#1", "灯台守は夜明けに島へ漕いだ。")
    assert memory.matches(service.segment(ids[0])) == []  # never itself


def test_concordance_japanese_and_english_with_spans(
    memory: ProjectMemory, service: ProjectService, tmx: Path
) -> None:
    hits = memory.concordance("灯台", [str(tmx)])
    assert [h.segment for h in hits if h.origin == PROJECT] == ["sea#1", "sea#2", "sea#3"]
    assert any(h.origin == str(tmx) for h in hits)
    for h in hits:
        for start, end in h.target_spans:
            assert h.target[start:end] == "灯台"
    english = memory.concordance("lighthouse KEEPER")
    assert [h.segment for h in english] == ["sea#1", "sea#2"]
    assert english[0].source[slice(*english[0].source_spans[0])] == "lighthouse keeper"
    assert memory.concordance("keeper rowed to the harbour")[0].segment == "sea#2"
    assert memory.concordance("灯台の管理人は夕暮れ")[0].segment == "sea#2"


def test_concordance_sees_corrections(memory: ProjectMemory, service: ProjectService) -> None:
    ids = service.segment_ids()
    assert memory.concordance("守衛") == []
    service.save(
        SegmentChange.edit(ids[3], "その後、守衛を見た者はいない。", service.segment(ids[3]).version)
    ).require_saved()
    (hit,) = memory.concordance("守衛")
    assert hit.segment == "sea#4" and hit.target == "その後、守衛を見た者はいない。"


def test_a_file_index_is_built_once_and_rebuilt_when_the_file_changes(tmx: Path) -> None:
    first = build_file_index(tmx)
    assert first.count() == 2
    stamp = first.path.stat().st_mtime_ns
    again = build_file_index(tmx)
    assert again.path.stat().st_mtime_ns == stamp
    tmx.write_text(TMX.replace("every evening", "every night"), encoding="utf-8")
    rebuilt = build_file_index(tmx)
    assert any("every night" in u.source for u in rebuilt.units([1, 2]))
    for idx in (first, again, rebuilt):
        idx.close()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (TMX.replace('xml:lang="ja"', 'xml:lang="fr"').replace('xml:lang="ja-JP"', 'xml:lang="fr-FR"'), "fr"),
        (TMX.replace("</body>", ""), "well-formed"),
        ("<xliff/>", "not a TMX"),
    ],
)
def test_unusable_memories_are_refused_and_not_attached(
    memory: ProjectMemory, tmp_path: Path, text: str, message: str
) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        memory.attach(bad)
    assert str(bad) in str(info.value)
    assert memory.references() == []


def test_building_can_be_cancelled(tmp_path: Path) -> None:
    big = tmp_path / "big.tmx"
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>Unit number {i} of many.</seg></tuv>'
        f'<tuv xml:lang="ja"><seg>多くのうち{i}番。</seg></tuv></tu>'
        for i in range(12000)
    )
    big.write_text(TMX.replace("<body>", "<body>" + units), encoding="utf-8")
    calls = []
    progress = Progress(report_fn=lambda d, t, m: calls.append(d), cancelled_fn=lambda: len(calls) > 1)
    with pytest.raises(Cancelled):
        build_file_index(big, progress)
    assert index_dir().exists() and list(index_dir().iterdir()) == []


def test_other_formats_and_other_projects_as_references(
    memory: ProjectMemory, service: ProjectService, tmp_path: Path, project_url: str
) -> None:
    po = tmp_path / "ref.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ja\\n"\n\n'
        'msgid "Gulls circled the lighthouse twice."\nmsgstr "カモメが灯台の上を二度旋回した。"\n',
        encoding="utf-8",
    )
    memory.attach(po)
    ids = service.segment_ids()
    (m,) = memory.matches(service.segment(ids[2]))
    assert m.target == "カモメが灯台の上を二度旋回した。" and 60 < m.score < 100


def test_an_unwritable_index_folder_is_a_message(
    tmx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtreview.domain.errors import ProjectError

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("MTREVIEW_TM_INDEX_DIR", str(blocker / "tm"))
    with pytest.raises(ProjectError, match="translation-memory index"):
        build_file_index(tmx)


def test_a_memory_with_an_interval_reuses_its_last_check_until_invalidated(service: ProjectService) -> None:
    memory = ProjectMemory(service, sync_interval_s=3600)
    try:
        ids = service.segment_ids()
        assert memory.concordance("守衛") == []
        service.save(
            SegmentChange.edit(ids[3], "その後、守衛を見た者はいない。", service.segment(ids[3]).version)
        ).require_saved()
        assert memory.concordance("守衛") == []  # within the interval: not checked again
        memory.invalidate()
        assert [h.segment for h in memory.concordance("守衛")] == ["sea#4"]
    finally:
        memory.close()


@pytest.mark.parametrize(
    "texts",
    [
        [
            "ホルデン社の港",
            "小さな港 small harbour",
            "Ａ１、ｂ2。",
            "𠀋 の 字",
        ],  # CJK, Latin, full width, outside the BMP
        ["末尾に空白 ", " 先頭に空白", "  "],
        ["a", "", "b"],  # an empty text: spaced one by one
        ["NUL\x00inside", "x"],  # the batch separator inside a text
        ["lone \ud800 surrogate", "y"],
        ["single"],
    ],
)
def test_target_tokens_of_a_batch_are_those_of_each_text(texts: list[str]) -> None:
    """The target index gets every character as a token for a whole batch at once; the result is the
    same as spacing out each text on its own (so a concordance phrase finds what it found before)."""
    from mtreview.storage.tmindex import char_tokens, char_tokens_many

    assert char_tokens_many(texts) == [char_tokens(t) for t in texts]


def test_a_memory_too_large_to_load_is_refused_before_it_is_read(
    memory: ProjectMemory, service: ProjectService, tmp_path: Path
) -> None:
    """A CSV (read whole, unlike a streamed TMX) over the size limit: a clear message naming it, nothing
    attached, no index left. The file is sparse: 513 MB by its size, none of it on disk."""
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:
        handle.write(b"source,target\nThe lighthouse.,\xe7\x81\xaf\xe5\x8f\xb0\xe3\x80\x82\n")
        handle.truncate(513 * 1024 * 1024)
    settings_before = service.setting("reference_tms")
    with pytest.raises(InputError, match="too large to load") as info:
        memory.attach(huge)
    assert str(huge) in str(info.value) and "513 MB" in str(info.value)
    assert memory.references() == []
    assert service.setting("reference_tms") == settings_before
    assert not any("huge" in p.name or p.name.endswith(".building") for p in index_dir().glob("*"))

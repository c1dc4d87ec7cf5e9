"""The gloss supplement (``resources/lexicons/glosses.tsv``): renderings JMdict's glosses do not give,
read beside the dictionary by every check that looks for a word's counterpart."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.paths import lexicon_dir
from mtreview.qa.analysis import supplement
from mtreview.qa.analysis.coverage import coverage

from .helpers import findings


def test_the_shipped_file_loads_and_every_line_is_a_word_and_its_renderings() -> None:
    pairs = supplement.load_glosses(lexicon_dir() / supplement.FILENAME)
    assert len(pairs) >= 30
    assert ("rest", ("残り", "残り全て")) in pairs


def test_a_rendering_of_the_supplement_is_a_counterpart() -> None:
    source = "The state will pay £4 million, with the rest to come from the council's own budget."
    target = "州は400万ポンドを負担し、残りは市議会の予算から賄われる。"
    cov = coverage(source, target)
    rest = next(w for w in cov.words if w.lemma == "rest")
    assert [target[a:b] for a, b in rest.hits] == ["残り"]
    assert findings([(source, target)], "omission") == []


def test_a_bad_line_names_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "glosses.tsv"
    path.write_text("# mine\nkeeper\t飼育員\nwarden 監視員\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        supplement.load_glosses(path)
    assert info.value.line == 3 and str(path) in str(info.value)
    path.write_text("keeper\t飼\n", encoding="utf-8")
    with pytest.raises(InputError, match="飼"):
        supplement.load_glosses(path)


def test_the_users_file_adds_to_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTREVIEW_DATA_DIR", str(tmp_path))
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "glosses.tsv").write_text("zookeeper\t飼育員|飼育係\n", encoding="utf-8")
    supplement.tables.cache_clear()
    try:
        assert supplement.extra("en", "zookeeper") == {"飼育員", "飼育係"}
        assert "zookeeper" in supplement.extra("ja", "飼育係")
        assert "残り" in supplement.extra("en", "rest")
    finally:
        supplement.tables.cache_clear()

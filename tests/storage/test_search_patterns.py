"""The search box's regex mode runs user patterns in linear time (domain.patterns): a catastrophic pattern
no longer freezes the window; an unsupported one is refused with a message (issue 19, item 5)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.services.project import ProjectService


@pytest.fixture
def service(tmp_path: Path):  # type: ignore[no-untyped-def]
    rows = "".join(f"{'word ' * 400}number {i}!\tこれは{i}番目の文です。\n" for i in range(200))
    rows += "The price is $5.\t価格は５ドルです。\n"
    (tmp_path / "pairs.tsv").write_text(rows, encoding="utf-8")
    svc = ProjectService.open(tmp_path / "p.mtreview", "tester", create=True)
    svc.import_path(tmp_path / "pairs.tsv")
    yield svc
    svc.close()


def test_catastrophic_search_pattern_is_linear(service) -> None:  # type: ignore[no-untyped-def]
    cpu = time.process_time()
    found = service.segment_ids(search=r"(\w+\s?)+$", regex=True)
    assert time.process_time() - cpu < 5.0  # Python's re: more than 100 s on one such line
    assert found == []  # no text ends in a word character (they end in "!", "。", ".")
    assert len(service.segment_ids(search=r"(\w+\s?)+!$", regex=True)) == 200
    assert len(service.segment_ids(search=r"^これは\w+の文", regex=True)) == 200  # \w is Unicode
    assert len(service.segment_ids(search=r"\$\d", regex=True)) == 1
    assert len(service.segment_ids(search=r"５ドル", regex=True)) == 1


def test_unsupported_search_pattern_is_refused_with_a_message(service) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="lookbehind"):
        service.segment_ids(search=r"(?<!\$)\d", regex=True)
    with pytest.raises(InputError, match="invalid regular expression"):
        service.segment_ids(search="([unbalanced", regex=True)

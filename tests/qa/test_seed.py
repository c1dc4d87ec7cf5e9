"""The checks on the seed page: what a reviewer expects to be found there, on exact spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtreview.cli.main import cli
from mtreview.qa import Finding, QaResult, run_checks

from .seed_pairs import seed_document

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_result(seed_page: Path) -> tuple[dict[str, tuple[str, str]], QaResult]:
    doc = seed_document(seed_page)
    texts = {s.id: (s.source, s.target) for s in doc.segments}
    return texts, run_checks([doc], {"user_lexicons": False})


def _of(result: QaResult, check: str) -> list[Finding]:
    return [f for f in result.findings if f.check == check]


def test_spans_are_exact(seed_result: tuple[dict[str, tuple[str, str]], QaResult]) -> None:
    texts, result = seed_result
    assert result.errors == []
    for f in result.findings:
        text = texts[f.segment][0 if f.side.value == "source" else 1]
        assert f.text == (text if f.start is None else text[f.start : f.end])


def test_person_as_company_exactly_once_and_the_company_is_not_flagged(
    seed_result: tuple[dict[str, tuple[str, str]], QaResult],
) -> None:
    texts, result = seed_result
    [finding] = _of(result, "name-as-company")
    assert finding.text == "ホルデン社" and finding.suggestion == "ホルデン"
    assert "ホルデン社もアンソロピック社も" in texts[finding.segment][1]
    assert finding.severity.value == "major"
    assert not any("アンソロピック社" in f.text for f in result.findings if f.check == "name-as-company")


def test_untranslated_english_word(seed_result: tuple[dict[str, tuple[str, str]], QaResult]) -> None:
    _texts, result = seed_result
    assert "substantial" in {f.text for f in _of(result, "untranslated")}


def test_katakana_variants_and_latin_beside_katakana(
    seed_result: tuple[dict[str, tuple[str, str]], QaResult],
) -> None:
    _texts, result = seed_result
    pairs = {(f.text, f.suggestion) for f in _of(result, "name-consistency")}
    for a, b in [
        ("カルノフスキー", "カーノフスキー"),
        ("ハブリーカ", "ハブリカ"),
        ("ヒュビンガー", "ハビンガー"),
    ]:
        assert (a, b) in pairs or (b, a) in pairs, (a, b, pairs)
    assert ("アンソロピック", "Anthropic") in pairs


def test_parenthetical_glosses(seed_result: tuple[dict[str, tuple[str, str]], QaResult]) -> None:
    _texts, result = seed_result
    additions = [f.text for f in _of(result, "addition")]
    glosses = [g for g in additions if g[0] in "(（"]
    assert len(glosses) >= 6
    assert all(g[-1] in ")）" for g in glosses)
    assert {"(義務論)", "(伝言ゲーム)", "(バイブス)"} <= set(glosses)
    # the page adds glosses, not sentences: the coverage check proposes at most two whole sentences there
    # (one this pairing puts in the wrong paragraph, one a free rendering of "precommit")
    assert len(additions) - len(glosses) <= 2


def test_several_literal_idioms(seed_result: tuple[dict[str, tuple[str, str]], QaResult]) -> None:
    _texts, result = seed_result
    idioms = _of(result, "literal-idiom")
    assert len({f.segment for f in idioms}) >= 4
    assert {"赤線", "電話ゲーム"} <= {f.text for f in idioms}
    assert all(f.suggestion for f in idioms)


def test_qa_command_on_the_seed_page(seed_page: Path) -> None:
    """Through the product's own import path (whatever the aligner pairs): the name-as-company finding and
    the untranslated word do not depend on the pairing."""
    result = CliRunner().invoke(cli, ["qa", str(seed_page), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"segments", "findings", "errors"}
    segments = {s["id"]: s for s in data["segments"]}
    assert list(segments) == [str(i) for i in range(1, len(segments) + 1)]
    for f in data["findings"]:
        text = segments[f["segment"]][f["side"]]
        assert f["text"] == (text if f["start"] is None else text[f["start"] : f["end"]])
    companies = [f for f in data["findings"] if f["check"] == "name-as-company"]
    assert [f["text"] for f in companies] == ["ホルデン社"]
    assert "substantial" in {f["text"] for f in data["findings"] if f["check"] == "untranslated"}
    failing = CliRunner().invoke(cli, ["qa", str(seed_page), "--json", "--fail-on", "major"])
    assert failing.exit_code == 1

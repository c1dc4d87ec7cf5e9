"""``mtreview align``: the exact JSON contract, the readable table, exit status 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "align" / "data"
PAIR_KEYS = {"source_lines", "target_lines", "source", "target", "confidence"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtreview", "align", *args],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )


def check_contract(document: dict, lines: list[int]) -> None:
    assert set(document) == {"pairs", "source_only", "target_only"}
    for pair in document["pairs"]:
        assert set(pair) == PAIR_KEYS
        assert all(isinstance(n, int) for n in pair["source_lines"] + pair["target_lines"])
        assert pair["source_lines"] == sorted(pair["source_lines"]) and pair["source_lines"]
        assert pair["target_lines"] == sorted(pair["target_lines"]) and pair["target_lines"]
        assert isinstance(pair["source"], str) and isinstance(pair["target"], str)
        assert isinstance(pair["confidence"], float) and 0.0 <= pair["confidence"] <= 1.0
    firsts = [p["source_lines"][0] for p in document["pairs"]]
    assert firsts == sorted(firsts)
    assert document["source_only"] == sorted(document["source_only"])
    assert document["target_only"] == sorted(document["target_only"])
    everywhere = [n for p in document["pairs"] for n in p["source_lines"] + p["target_lines"]]
    assert sorted(everywhere + document["source_only"] + document["target_only"]) == lines


def nonblank(path: Path) -> list[int]:
    from mtreview.formats.textio import numbered_lines, read_text

    return [line.number for line in numbered_lines(read_text(path).text)]


def test_json_is_exactly_the_contract_for_a_page():
    page = DATA / "sample_water.txt"
    result = run(str(page), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    check_contract(document, nonblank(page))
    gold = json.loads((DATA / "sample_water.gold.json").read_text(encoding="utf-8"))
    assert [[p["source_lines"], p["target_lines"]] for p in document["pairs"]] == gold["pairs"]
    first = document["pairs"][0]
    raw = page.read_text(encoding="utf-8").splitlines()
    assert first["source"] == raw[first["source_lines"][0] - 1].strip()
    assert first["target"] == raw[first["target_lines"][0] - 1].strip()


def test_json_for_two_files_given_japanese_first(tmp_path):
    lines = (DATA / "sample_markdown.md").read_text(encoding="utf-8").split("\n")
    en, ja = tmp_path / "en.md", tmp_path / "ja.md"
    en.write_text("\n".join(lines[:31]), encoding="utf-8")
    ja.write_text("\n".join(lines[35:]), encoding="utf-8")
    result = run(str(ja), "--target", str(en), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["pairs"][0]["source"].startswith("# Field Notes")
    assert document["pairs"][0]["target_lines"] == [1]
    assert document["pairs"][1]["source_lines"] == [3, 4, 5]
    assert "\n" in document["pairs"][1]["source"]


def test_seed_page_json(seed_page):
    result = run(str(seed_page), "--json")
    assert result.returncode == 0, result.stderr
    check_contract(json.loads(result.stdout), nonblank(seed_page))


def test_readable_table_without_json():
    result = run(str(DATA / "sample_water.txt"))
    assert result.returncode == 0, result.stderr
    assert "source-only lines: 43, 52-54" in result.stdout
    assert "target-only lines: 1-6, 28-29" in result.stdout
    assert "35-36" in result.stdout  # the 2-1 pair
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


BAD = {
    "empty.txt": b"",
    "english.txt": b"Only English here.\nAnd a second line.\n",
    "japanese.txt": "日本語だけです。\n二行目です。\n".encode(),
    "binary.bin": bytes(range(256)) * 8,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_exits_2_with_one_line_naming_the_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD[name])
    result = run(str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(path) in result.stderr


def test_missing_target_file_exits_2(tmp_path):
    result = run(str(DATA / "sample_water.txt"), "--target", str(tmp_path / "missing.txt"), "--json")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_same_input_same_output_whatever_the_hash_seed():
    import os

    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run(
            [sys.executable, "-m", "mtreview", "align", str(DATA / "sample_water.txt"), "--json"],
            capture_output=True,
            text=True,
            timeout=120,
            encoding="utf-8",
            env=env,
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1

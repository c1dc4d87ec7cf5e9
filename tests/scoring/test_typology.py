"""Typology files: shipped ones load; broken ones fail with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.scoring.typology import available, load, load_file, typology_dir


def test_shipped_typologies() -> None:
    assert {"google-mqm", "mqm-core", "ja-extension"} <= set(available())
    google = load("google-mqm")
    assert google.weights == {
        "neutral": 0,
        "minor": 1,
        "minor_punctuation": 0.1,
        "major": 5,
        "critical": 25,
        "non_translation": 25,
    }
    for path in (
        "Accuracy/Mistranslation",
        "Accuracy/Omission",
        "Accuracy/Addition",
        "Accuracy/Untranslated text",
        "Fluency/Grammar",
        "Fluency/Punctuation",
        "Fluency/Spelling",
        "Fluency/Register",
        "Fluency/Inconsistency",
        "Fluency/Character encoding",
        "Terminology/Inappropriate for context",
        "Terminology/Inconsistent use of terminology",
        "Style/Awkward",
        "Locale convention/Name format",
        "Locale convention/Date format",
        "Locale convention/Time format",
        "Locale convention/Currency format",
        "Locale convention/Address format",
        "Locale convention/Telephone format",
        "Other",
        "Source error",
        "Non-translation!",
    ):
        assert google.category(path) is not None, path
    assert google.category("Non-translation!").whole_segment
    core = load("mqm-core")
    assert core.category("Linguistic conventions/Grammar") is not None and core.weights["major"] == 5


def test_japanese_extension_maps_to_mqm_categories() -> None:
    ja = load("ja-extension")
    added = [c for c in ja.categories if c.maps_to]
    assert len(added) == 7
    for c in added:
        assert c.path.startswith(c.maps_to + "/")
        assert ja.category(c.maps_to) is not None
        assert c.group == "Japanese"
    ids = {c.id for c in added}
    assert {"name-as-company", "name-consistency", "literal-idiom", "register-mix"} <= ids


def test_keyboard_numbering_is_unique_and_searchable() -> None:
    ja = load("ja-extension")
    keys = [c.keys for c in ja.categories if c.keys]
    assert len(keys) == len(set(keys)) == len(ja.categories)
    first = ja.categories[0]
    assert ja.by_keys(first.keys) == first and first.keys == "11"
    found = [c.path for c in ja.search("company")]
    assert found[0] == "Accuracy/Mistranslation/Name rendered as company"
    assert "Locale convention/Name format" in found  # its description mentions companies
    assert ja.search("no such thing") == []


def test_weight_overrides_are_validated() -> None:
    google = load("google-mqm")
    assert google.effective_weights({"major": 10})["major"] == 10
    with pytest.raises(InputError):
        google.effective_weights({"huge": 1})
    with pytest.raises(InputError):
        google.effective_weights({"major": -1})


def _good() -> dict:
    return json.loads((typology_dir() / "google-mqm.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "mutate", "needle", "message"),
    [
        ("bad json", None, None, "invalid JSON"),
        ("bad weight", lambda d: d["weights"].update(major=-5), '"weights"', "must be a number"),
        ("unknown weight", lambda d: d["weights"].update(huge=1), '"weights"', "unknown weight"),
        ("duplicate", lambda d: d["categories"].append({"path": "Style/Awkward"}), "DUP", "duplicate"),
        (
            "bad rule",
            lambda d: d["categories"].append({"path": "Style/X", "rule": "half"}),
            "DUP",
            "unknown rule",
        ),
        ("empty part", lambda d: d["categories"].append({"path": "Style//X"}), "DUP", "empty"),
        (
            "unknown key",
            lambda d: d["categories"].append({"path": "Style/Y", "colour": "red"}),
            "DUP",
            "unknown key",
        ),
        ("schema", lambda d: d.update(schema="other"), None, "schema"),
    ],
)
def test_broken_typology_names_file_and_line(tmp_path: Path, name: str, mutate, needle, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.json"
    if mutate is None:
        text = json.dumps(_good(), indent=2).replace('"Other"', '"Other",,', 1)
        expected_line = next(i for i, line in enumerate(text.splitlines(), 1) if '"Other",,' in line)
    else:
        data = _good()
        mutate(data)
        text = json.dumps(data, indent=2, ensure_ascii=False)
        lines = text.splitlines()
        if needle == "DUP":
            # the last category object starts at its "{" line
            expected_line = max(i for i, line in enumerate(lines, 1) if line.strip() == "{")
        elif needle is None:
            expected_line = 1
        else:
            expected_line = next(i for i, line in enumerate(lines, 1) if needle in line)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_file(path)
    assert err.value.path == str(path)
    assert err.value.line == expected_line, name
    assert message in err.value.message


def test_extension_with_unknown_parent_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "google-mqm.json").write_text(
        (typology_dir() / "google-mqm.json").read_text("utf-8"), "utf-8"
    )
    ext = {
        "schema": "mtreview-typology/1",
        "id": "x",
        "version": "1",
        "name": "X",
        "extends": "google-mqm",
        "categories": [{"path": "Nowhere/Thing/Leaf"}],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(ext, indent=1), "utf-8")
    with pytest.raises(InputError) as err:
        load_file(path)
    assert "must start with a category" in err.value.message and err.value.line == 8

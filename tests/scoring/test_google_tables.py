"""``mtreview score`` on Google's MQM TSVs reproduces the published system and segment scores."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtreview.cli.main import cli

MQM = "google-wmt-mqm-human-evaluation"
CASES = [("ted", "ende"), ("ted", "zhen")]


def _score(path: Path, *extra: str) -> dict:
    result = CliRunner().invoke(cli, ["score", str(path), "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _expected_systems(root: Path, testset: str, lp: str) -> list[dict[str, str]]:
    with open(root / "DERIVED" / "expected_system_mqm.tsv", encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [r for r in rows if r["testset"] == testset and r["lp"] == lp]


def _avg_seg_scores(path: Path) -> dict[tuple[str, str], float | None]:
    """``system<TAB>score<SPACE>seg_id`` rows (header separated by spaces); ``None`` = unrated."""
    out: dict[tuple[str, str], float | None] = {}
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            if not line.strip():
                continue
            system, rest = line.rstrip("\n").split("\t")
            score, seg_id = rest.split(" ")
            out[(system, seg_id)] = None if score == "None" else float(score)
    return out


@pytest.fixture(scope="module")
def scored(testdata: Path) -> dict[tuple[str, str], dict]:
    root = testdata / MQM
    return {(t, lp): _score(root / t / lp / f"mqm_{t}_{lp}.tsv") for t, lp in CASES}


@pytest.mark.parametrize(("testset", "lp"), CASES)
def test_system_scores_match_the_published_tables(
    testdata: Path, scored: dict, testset: str, lp: str
) -> None:
    expected = _expected_systems(testdata / MQM, testset, lp)
    assert expected, "no expected rows"
    systems = {s["name"]: s for s in scored[(testset, lp)]["systems"]}
    assert set(systems) == {r["system"] for r in expected}
    for row in expected:
        got = systems[row["system"]]
        assert got["items"] == int(row["n_items"])
        assert got["mqm"] == pytest.approx(float(row["readme_value"]), abs=0.01), row["system"]
        assert got["mqm"] == pytest.approx(float(row["mqm_computed"]), abs=5e-5), row["system"]


@pytest.mark.parametrize(("testset", "lp"), CASES)
def test_segment_scores_match_avg_seg_scores_exactly(
    testdata: Path, scored: dict, testset: str, lp: str
) -> None:
    root = testdata / MQM
    official = _avg_seg_scores(root / testset / lp / f"mqm_{testset}_{lp}.avg_seg_scores.tsv")
    # The avg files name the references like the README (ref-A, ref-B); the TSVs say ref, refB.
    names = {
        r["readme_system_name"].replace(".", "-"): r["system"] for r in _expected_systems(root, testset, lp)
    }
    rated = {(names.get(s, s), seg): v for (s, seg), v in official.items() if v is not None}
    ours = {s["id"]: s for s in scored[(testset, lp)]["segments"]}
    assert len(ours) == len(rated)
    for (system, seg_id), value in rated.items():
        segment = ours[f"{system}/{seg_id}"]
        # The official file stores the negated mean over raters, printed with 6 decimals.
        assert round(segment["mqm_penalty"], 6) == pytest.approx(-value, abs=1e-9), (system, seg_id)
        assert segment["system"] == system
        assert segment["chrf"] is None and segment["ter"] is None


def test_contract_shape(scored: dict) -> None:
    doc = scored[("ted", "ende")]
    assert set(doc) >= {"segments", "documents", "systems", "signatures", "weights"}
    assert doc["weights"] == {
        "neutral": 0.0,
        "minor": 1.0,
        "minor_punctuation": 0.1,
        "major": 5.0,
        "critical": 25.0,
        "non_translation": 25.0,
    }
    assert set(doc["signatures"]) == {"chrf", "bleu", "ter"}
    assert "asian:yes" in doc["signatures"]["ter"]
    assert "tok:ja-mecab" in doc["signatures"]["bleu"] or "tok:char" in doc["signatures"]["bleu"]
    d = doc["documents"][0]
    assert set(d) >= {
        "name",
        "segments",
        "chrf",
        "bleu",
        "ter",
        "mqm_penalty",
        "mqm_per_100_words",
        "mqm_per_1000_chars",
        "quality",
        "pass",
    }
    assert d["name"].count("/") == 1 and d["chrf"] is None
    # Every document is (system, doc) and its penalty is the sum of its segments' penalties.
    by_doc: dict[str, float] = {}
    for s in doc["segments"]:
        by_doc[s["document"]] = by_doc.get(s["document"], 0.0) + s["mqm_penalty"]
    for d in doc["documents"]:
        assert d["mqm_penalty"] == pytest.approx(by_doc[d["name"]])
        assert d["quality"] == pytest.approx(max(0.0, 100 - d["mqm_per_100_words"]))
        assert d["pass"] == (d["quality"] >= 90)


def test_source_error_policy(testdata: Path, scored: dict) -> None:
    """zh-en TED has 38 Source error rows: weighted reproduces the README, ignore drops them."""
    path = testdata / MQM / "ted" / "zhen" / "mqm_ted_zhen.tsv"
    ignored = {s["name"]: s["mqm"] for s in _score(path, "--source-errors", "ignore")["systems"]}
    weighted = {s["name"]: s["mqm"] for s in scored[("ted", "zhen")]["systems"]}
    assert weighted["DIDI-NLP"] == pytest.approx(1.65, abs=0.005)
    assert ignored["DIDI-NLP"] == pytest.approx(1.641, abs=0.0005)  # MQM_SCORING_NOTE.md
    assert all(ignored[name] <= weighted[name] for name in weighted)
    assert sum(weighted.values()) > sum(ignored.values())


def test_bad_policy_is_a_usage_error(testdata: Path) -> None:
    path = testdata / MQM / "ted" / "zhen" / "mqm_ted_zhen.tsv"
    result = CliRunner().invoke(cli, ["score", str(path), "--json", "--source-errors", "half"])
    assert result.exit_code == 2


def test_json_stdout_stays_clean_and_diagnostics_go_to_stderr(testdata: Path) -> None:
    path = testdata / MQM / "ted" / "ende" / "mqm_ted_ende.tsv"
    result = CliRunner().invoke(cli, ["score", str(path), "--json"])
    assert result.exit_code == 0
    json.loads(result.stdout)  # nothing but the JSON document
    assert ":6444: <v> without </v>" in result.stderr


def test_malformed_tsv_exits_2_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n"
        "s\td\t1\t1\tr\ta\tb\tOther\tCatastrophic\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["score", str(bad), "--json"])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{bad}:2:" in result.stderr and "severity" in result.stderr

"""Google's MQM TSV imported into a project (annotations confirmed, one document per system and doc)
reproduces the published system scores through the project, and exports back to MQM TSV losslessly."""

import csv
import subprocess
import sys

from mtreview.services.export import export_project
from mtreview.services.project import ProjectService
from mtreview.services.scores import score_project


def test_ted_ende_into_a_project_reproduces_google_and_round_trips(tmp_path, testdata):
    folder = testdata / "google-wmt-mqm-human-evaluation"
    tsv = folder / "ted" / "ende" / "mqm_ted_ende.tsv"
    expected = {}
    with open(folder / "DERIVED" / "expected_system_mqm.tsv", encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        if row["source_file"] == "ted/ende/mqm_ted_ende.tsv":
            expected[row["system"]] = float(row["readme_value"])
    project = tmp_path / "mqm.mtreview"
    done = subprocess.run(
        [sys.executable, "-m", "mtreview", "import", str(tsv), "--project", str(project)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    svc = ProjectService.open(project, "lead")
    try:
        systems = {s.name: s.mqm for s in score_project(svc._store).systems}
        assert set(expected) <= set(systems)
        for name, value in expected.items():
            assert abs(systems[name] - value) <= 0.01, name
        out = tmp_path / "again.tsv"
        export_project(svc._store, "mqm-tsv", out)
        again = ProjectService.open(tmp_path / "again.mtreview", "lead", create=True)
        try:
            again.import_path(out)
            systems_again = {s.name: s.mqm for s in score_project(again._store).systems}
            assert systems_again == systems
            assert len(again.annotations()) == len(svc.annotations())
        finally:
            again.close()
    finally:
        svc.close()

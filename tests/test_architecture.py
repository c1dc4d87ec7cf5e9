"""The layer rules of STYLE.md, enforced by import-linter's contracts in pyproject.toml."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint).exists():
        pytest.fail("import-linter is not installed (it is a dev dependency)")
    result = subprocess.run([lint], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_schema_head_constant_matches_alembic():
    from mtreview.storage import migrate

    assert migrate.head_revision() == migrate.SCHEMA_HEAD


MTREVIEW = REPO / "mtreview"


def _python_sources(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((MTREVIEW / folder).rglob("*.py"))]


def test_the_ui_and_the_cli_never_touch_the_store():
    """Services are the only door: no ``.store``/``._store`` in ui/ or cli/ (issue 13)."""
    import re

    offending = [
        f"{path.relative_to(REPO)}:{n}: {line.strip()}"
        for path in _python_sources("ui", "cli")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\._?store\b", line)
    ]
    assert offending == []


def test_segments_have_one_writer():
    """Only ``ProjectService`` (``save``, and ``save_all`` for bulk tools) calls the store's segment writers;
    the old writers are gone."""
    import re

    from mtreview.services.project import ProjectService

    writer_call = re.compile(r"store\.(change|update)_segment\(|(?<!def )\bupdate_segments\(")
    callers = {
        str(path.relative_to(REPO))
        for path in _python_sources("")
        if writer_call.search(path.read_text("utf-8"))
    }
    assert callers == {"mtreview/services/project.py"}
    assert not [
        name for name in ("edit", "confirm", "set_status", "set_segment") if hasattr(ProjectService, name)
    ]


def test_no_module_is_over_700_lines():
    """The house rule of issue 13: a module over 700 lines holds more than one job — split it along a seam."""
    too_long = []
    for path in sorted(MTREVIEW.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > 700:
            too_long.append(f"{path.relative_to(REPO)}: {lines} lines")
    assert not too_long, "modules over 700 lines:\n" + "\n".join(too_long)

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

"""An installed wheel finds every resource: the top-level ``resources/`` folder of the repository is
installed as ``mtreview/resources/`` (setup.py), and ``mtreview.paths`` finds it there.

The wheel is built from a copy of the sources (nothing is written into the checkout), installed with
``pip --target`` into a throw-away folder, and exercised by a fresh interpreter whose ``mtreview`` is that
installed copy (asserted), not the checkout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import mtreview, mtreview.paths as paths
    from mtreview import i18n
    from mtreview.scoring.typology import available, load
    from mtreview.qa.lexicons import LEXICON_DIR, shipped_lexicons
    from mtreview.services.sample import SAMPLE_SOURCE
    from mtreview.services.project import ProjectService

    root = paths.resources_root()
    files = sorted(
        str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    service = ProjectService.open(Path(sys.argv[1]) / "probe.mtreview", "probe", create=True)
    try:
        documents = len(service.documents())
    finally:
        service.close()
    print(json.dumps({
        "package": mtreview.__file__,
        "root": str(root),
        "files": files,
        "ja_messages": len(i18n.load_catalogue("ja")),
        "typologies": {name: len(load(name).categories) for name in available()},
        "lexicon_dir": str(LEXICON_DIR),
        "idioms": len(shipped_lexicons().idioms),
        "lexicon_errors": [str(e) for _, e in shipped_lexicons().errors],
        "sample": SAMPLE_SOURCE.is_file(),
        "documents": documents,
    }))
    """
)


def _copy_sources(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")
    for name in ("mtreview", "resources"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore)
    for name in ("setup.py", "pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, dest / name)


@pytest.mark.slow
def test_an_installed_wheel_finds_every_resource(tmp_path: Path) -> None:
    src, wheels, target, work = (tmp_path / n for n in ("src", "wheels", "target", "work"))
    for folder in (src, wheels, target, work):
        folder.mkdir()
    _copy_sources(src)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(src)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("mtreview-*.whl")
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(work)],
        cwd=work,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(work)},
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(result.stdout)

    assert Path(found["package"]).is_relative_to(target), "the probe imported the checkout, not the wheel"
    assert Path(found["root"]) == target / "mtreview" / "resources"
    expected = sorted(
        str(p.relative_to(REPO / "resources"))
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert found["files"] == expected
    assert found["ja_messages"] > 100
    assert set(found["typologies"]) >= {"google-mqm", "mqm-core", "ja-extension"}
    assert all(n > 5 for n in found["typologies"].values())
    assert Path(found["lexicon_dir"]).is_relative_to(target)
    assert found["idioms"] > 0
    assert found["lexicon_errors"] == []
    assert found["sample"]
    assert found["documents"] == 0  # the Alembic migrations were installed and ran

"""Linux desktop integration files and the icon set: valid for the distribution tools, consistent with
each other and with the package version."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from lxml import etree

from mtreview import __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
APP_ID = "io.github.mtreview.mtreview"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {name} is not installed")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_validators_accept_the_files(tool, args, path):
    result = subprocess.run([_tool(tool), *args, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower().replace("errors: 0", "")


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_launches_the_command_with_the_app_icon():
    entry = _desktop()
    assert entry["Exec"].split()[0] == "mtreview"
    assert entry["Icon"] == APP_ID
    assert "ja" in "".join(k for k in entry if k.startswith("Comment["))


def test_metainfo_names_the_desktop_file_and_the_current_version():
    root = etree.parse(str(METAINFO), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == __version__, "add a <release> for the version in mtreview/__init__.py"


def test_icon_set_is_rendered_at_every_size_from_the_svg(qapp):
    from PySide6.QtGui import QImage

    svg = (ICONS / "mtreview.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for size in SIZES:
        image = QImage(str(ICONS / f"mtreview-{size}.png"))
        assert not image.isNull(), size
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0  # rounded corner: transparent
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255


def test_rendered_icons_match_the_svg(qapp, tmp_path):
    """The PNGs are what packaging/render_icons.py makes of the SVG now (re-run it after editing the SVG)."""
    import importlib.util

    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "48.png"
    module.render(ICONS / "mtreview.svg", 48, out)
    fresh, shipped = QImage(str(out)), QImage(str(ICONS / "mtreview-48.png"))
    diff = sum(
        abs(fresh.pixelColor(x, y).red() - shipped.pixelColor(x, y).red())
        for x in range(0, 48, 3)
        for y in range(0, 48, 3)
    )
    assert diff < 16 * 16 * 4


def test_mime_type_of_project_files_is_declared_for_the_desktop_file():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    tree = etree.parse(
        str(PACKAGING / f"{APP_ID}.mime.xml"), etree.XMLParser(resolve_entities=False, no_network=True)
    )
    declared = {
        t.get("type"): [g.get("pattern") for g in t.findall("m:glob", ns)]
        for t in tree.getroot().findall("m:mime-type", ns)
    }
    assert declared.get("application/x-mtreview-project") == ["*.mtreview"]
    assert "application/x-mtreview-project" in _desktop()["MimeType"].split(";")


def test_install_script_lays_out_a_tree_desktops_and_appstream_accept(tmp_path):
    """Installs a stand-in build into a staging root and validates the tree as a distribution would."""
    build = tmp_path / "dist" / "mtreview-0.0.0"
    build.mkdir(parents=True)
    (build / "mtreview").write_text("#!/bin/sh\necho mtreview\n", encoding="utf-8")
    (build / "mtreview").chmod(0o755)
    stage = tmp_path / "stage"
    env = {**os.environ, "DESTDIR": str(stage), "PREFIX": "/usr"}
    subprocess.run(
        ["bash", str(PACKAGING / "install-linux.sh"), str(build)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    share = stage / "usr" / "share"
    assert (stage / "usr" / "bin" / "mtreview").is_symlink()
    assert (share / "applications" / DESKTOP.name).exists()
    assert (share / "metainfo" / METAINFO.name).exists()
    for size in SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").exists()
    result = subprocess.run(
        [_tool("appstreamcli"), "validate-tree", "--no-net", str(stage)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

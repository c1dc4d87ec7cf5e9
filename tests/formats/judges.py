"""The independent judges of the files we write (GNU msgfmt, xmllint, Translate Toolkit, LibreOffice)
and the project round trip they judge: import a file into a new project, optionally change it as a
reviewer would, export it through the export service."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mtreview.services.export import ExportFilters, export_project
from mtreview.services.project import ProjectService, read_input

DEFAULT = ExportFilters()
IN_CI = os.environ.get("CI", "").lower() == "true"


def tool(name: str) -> str:
    """The path of a command-line judge; fails in CI (``.ci/run`` installs it), skips elsewhere."""
    exe = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if exe is None:
        if IN_CI:
            pytest.fail(f"CI=true and {name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return exe


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False, cwd=cwd, timeout=600)


_STAT = re.compile(r"(\d+) (translated|fuzzy|untranslated)")


def msgfmt_statistics(path: Path) -> dict[str, int]:
    """``msgfmt --statistics``: how many translated, fuzzy and untranslated messages GNU gettext sees."""
    result = run(tool("msgfmt"), "--statistics", "-o", os.devnull, str(path))
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for n, kind in _STAT.findall(result.stderr.splitlines()[-1] if result.stderr else ""):
        counts[kind] = int(n)
    return counts


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    return run(tool("msgfmt"), "--check", "-o", os.devnull, str(path))


def round_trip(
    src: Path,
    fmt: str,
    out: Path,
    edit: Callable[[ProjectService], None] | None = None,
    filters: ExportFilters = DEFAULT,
) -> ProjectService:
    """Import ``src`` into a new project beside ``out``, run ``edit``, export as ``fmt`` to ``out``."""
    service = ProjectService.open(str(out.parent / f"{out.stem}.mtreview"), "reviewer", create=True)
    service.import_document(read_input(src))
    if edit is not None:
        edit(service)
    export_project(service, fmt, out, filters)
    return service


def soffice_to_xlsx(src: Path, outdir: Path, infilter: str | None = None) -> Path:
    """LibreOffice headless opens ``src`` and saves it as xlsx (its own profile: runs never share one)."""
    exe = tool("soffice")
    profile = outdir / "lo-profile"
    args = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    if infilter:
        args.append(f"--infilter={infilter}")
    args += ["--convert-to", "xlsx", "--outdir", str(outdir), str(src)]
    result = run(*args)
    out = outdir / (src.stem + ".xlsx")
    assert out.exists(), result.stdout + result.stderr
    return out


SAP_SCHEMA = "sap-xliff-1-2/com.sap.mlt.xliff12.impl/src/main/java/com/sap/mlt/xliff12/impl/schema"


XLIFF2_SCHEMA = "oasis-xliff-xliff-22/xliff-21/schemas/xliff_core_2.0.xsd"


def xmllint_schema(testdata: Path, xsd: Path, path: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """xmllint against an XSD; an import of xml.xsd resolves to SAP's local copy through an XML catalog
    (never the network)."""
    local = (testdata / SAP_SCHEMA / "xml.xsd").as_uri()
    rel = xsd.parent / "informativeCopiesOf3rdPartySchemas/w3c/xml.xsd"  # OASIS's relative import
    ids = [
        "http://www.w3.org/2001/xml.xsd",
        rel.as_uri(),
        str(rel),
    ]
    catalog = workdir / "xml-catalog.xml"
    catalog.write_text(
        '<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        + "".join(
            f'  <system systemId="{i}" uri="{local}"/>\n  <uri name="{i}" uri="{local}"/>\n' for i in ids
        )
        + "</catalog>\n",
        "utf-8",
    )
    exe = tool("xmllint")
    return subprocess.run(
        [exe, "--noout", "--nonet", "--schema", str(xsd), str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "XML_CATALOG_FILES": str(catalog)},
    )


def xmllint_xliff12_strict(testdata: Path, path: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """xmllint against the XLIFF 1.2 strict XSD."""
    return xmllint_schema(testdata, testdata / SAP_SCHEMA / "xliff-core-1.2-strict.xsd", path, workdir)


def xmllint_xliff2(testdata: Path, path: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """xmllint against OASIS's XLIFF 2.0 core XSD (2.1 files share its namespace)."""
    return xmllint_schema(testdata, testdata / XLIFF2_SCHEMA, path, workdir)


_TTK_READ = """
import json, sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
units = [u for u in store.units if not u.isheader() and (u.source or u.target)]
print(json.dumps([[str(u.source), str(u.target or "")] for u in units], ensure_ascii=False))
"""


def ttk_units(path: Path) -> list[tuple[str, str]]:
    """Every unit (source, target) as Translate Toolkit's own reader of the format sees it (its storage
    factory picks PO, XLIFF, TMX or CSV by the file's name), run in a separate interpreter."""
    import json

    result = run(sys.executable, "-c", _TTK_READ, str(path))
    assert result.returncode == 0, result.stderr
    return [(s, t) for s, t in json.loads(result.stdout)]


TMX_DTD = "okapi/okapi/filters/tmx/src/test/resources/tmx14.dtd"


def xmllint_dtd(testdata: Path, path: Path) -> subprocess.CompletedProcess[str]:
    return run(tool("xmllint"), "--noout", "--nonet", "--dtdvalid", str(testdata / TMX_DTD), str(path))


def xmllint_dtd_valid(testdata: Path, path: Path) -> None:
    result = xmllint_dtd(testdata, path)
    assert result.returncode == 0, result.stderr

"""Where mtreview's bundled resources are: the only module that knows.

The repository keeps them in a top-level ``resources/`` folder (beside ``mtreview/``, ``tests/`` and
``packaging/``). Installing the package (a wheel, ``pip install .``) maps that folder to the package's
``mtreview/resources/`` (``package-dir`` in ``setup.py``), and the PyInstaller spec copies it to the same
place, so an installed or frozen mtreview finds it next to its code. A source checkout (an editable
install, ``./dev``) finds it beside the package. Every other module asks here::

    from mtreview.paths import resource_dir
    typologies = resource_dir("typologies")
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
NAMES = ("icons", "lexicons", "locale", "sample", "typologies")
"""The resource folders mtreview ships (``tests/test_packaging_resources.py`` checks an installed wheel
has every one of them)."""


@cache
def resources_root() -> Path:
    """The folder holding ``icons/``, ``lexicons/``, ``locale/``, ``sample/`` and ``typologies/``."""
    installed = _PACKAGE / "resources"  # wheel, pip install, PyInstaller
    if (installed / "typologies").is_dir():
        return installed
    checkout = _PACKAGE.parent / "resources"  # source checkout, editable install
    if (checkout / "typologies").is_dir():
        return checkout
    raise FileNotFoundError(f"mtreview's resources are missing (looked in {installed} and {checkout})")


def resource_dir(name: str) -> Path:
    """One resource folder by name (one of ``NAMES``)."""
    if name not in NAMES:
        raise ValueError(f"unknown resource folder {name!r}")
    return resources_root() / name


def locale_dir() -> Path:
    return resource_dir("locale")


def lexicon_dir() -> Path:
    return resource_dir("lexicons")


def typology_dir() -> Path:
    return resource_dir("typologies")


def sample_dir() -> Path:
    return resource_dir("sample")


def icon_dir() -> Path:
    return resource_dir("icons")

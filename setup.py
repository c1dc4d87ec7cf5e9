"""Package layout for setuptools (the metadata is in pyproject.toml).

The repository keeps resources in a top-level ``resources/`` folder; installed, they live inside the
package as ``mtreview/resources/`` (``mtreview.paths`` finds them in either place). Every folder under
``resources/`` is listed as a data-only package so that a wheel and ``pip install .`` carry all of it.
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
RESOURCES = HERE / "resources"
resource_packages = {
    ".".join(("mtreview.resources", *folder.relative_to(RESOURCES).parts)).rstrip("."): folder
    for folder in [RESOURCES, *sorted(p for p in RESOURCES.rglob("*") if p.is_dir())]
    if "__pycache__" not in folder.parts
}

setup(
    packages=[*find_packages(include=["mtreview", "mtreview.*"]), *resource_packages],
    package_dir={name: str(folder.relative_to(HERE)) for name, folder in resource_packages.items()},
    package_data={
        "mtreview": ["storage/migrations/**/*"],
        **{name: ["*"] for name in resource_packages},
    },
    exclude_package_data={"": ["__pycache__", "*.pyc"]},
)

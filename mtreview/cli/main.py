"""The ``mtreview`` command: the GUI with no subcommand, headless subcommands otherwise.

Each subcommand lives in its own module under ``mtreview.cli`` and is listed in ``COMMANDS``.
Exit status 2 on bad input or usage (one line on stderr); ``--json`` prints one JSON document on stdout.
"""

from __future__ import annotations

import importlib
import sys

import click

from mtreview import __version__

# module name -> attribute holding the click command
COMMANDS: list[str] = [
    "mtreview.cli.import_cmd",
]


class _Main(click.Group):
    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return super().main(*args, standalone_mode=True, **kwargs)
        except SystemExit:
            raise


@click.group(cls=_Main, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mtreview")
@click.option("--lang", default=None, help="UI language (en, ja, pseudo); default: the OS language.")
@click.argument("project", required=False)
@click.pass_context
def cli(ctx: click.Context, lang: str | None, project: str | None) -> None:
    """Review English→Japanese machine translation. Without a subcommand, opens the GUI
    (with no PROJECT: the bundled sample project)."""
    if ctx.invoked_subcommand is not None:
        if project is not None:
            raise click.UsageError(f"unexpected argument {project!r}")
        return
    from mtreview.ui.app import run_gui  # the only place the CLI reaches the UI

    sys.exit(run_gui(project, lang))


def _register() -> None:
    for module_name in COMMANDS:
        module = importlib.import_module(module_name)
        cli.add_command(module.command)


_register()


def main() -> None:
    cli(prog_name="mtreview")

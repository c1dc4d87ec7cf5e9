"""The ``mtreview`` command: the GUI with no subcommand, headless subcommands otherwise.

Each subcommand lives in its own module under ``mtreview.cli`` and is listed in ``COMMANDS``.
Exit status 2 on bad input or usage (one line on stderr); ``--json`` prints one JSON document on stdout.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
from typing import Any

import click

from mtreview import __version__

# module name -> attribute holding the click command
COMMANDS: list[str] = [
    "mtreview.cli.import_cmd",
    "mtreview.cli.copy_cmd",
    "mtreview.cli.score_cmd",
    "mtreview.cli.report_cmd",
    "mtreview.cli.issues_cmd",
    "mtreview.cli.export_cmd",
    "mtreview.cli.qa_cmd",
    "mtreview.cli.align_cmd",
    "mtreview.cli.replace_cmd",
    "mtreview.cli.concordance_cmd",
    "mtreview.cli.match_cmd",
]


class _Main(click.Group):
    """A group whose first positional argument is either a subcommand or the project to open in the GUI."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = list(args)
        for i, arg in enumerate(rest):
            if arg == "--":
                break
            if arg.startswith("-"):
                if arg == "--lang" and i + 1 < len(rest):
                    continue
                continue
            if i > 0 and rest[i - 1] == "--lang":
                continue
            if arg not in self.commands:
                ctx.meta["mtreview.project"] = rest.pop(i)
            break
        return super().parse_args(ctx, rest)


@click.group(cls=_Main, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mtreview")
@click.option("--lang", default=None, help="UI language (en, ja, pseudo); default: the OS language.")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """Review English→Japanese machine translation.

    \b
    mtreview [PROJECT_OR_FILE]   open the GUI (with nothing: the bundled sample project)
    mtreview COMMAND ...         work headless (see the commands below)
    """
    project = ctx.meta.get("mtreview.project")
    if ctx.invoked_subcommand is not None:
        return
    from mtreview.ui.app import run_gui  # the only place the CLI reaches the UI

    exit_after = os.environ.get("MTREVIEW_EXIT_AFTER_MS")  # smoke tests: close the window after N ms
    sys.exit(run_gui(project, lang, int(exit_after) if exit_after and exit_after.isdigit() else None))


def _register() -> None:
    for module_name in COMMANDS:
        module = importlib.import_module(module_name)
        cli.add_command(module.command)


_register()


class _Redacting:
    """A text stream that masks passwords in database URLs before they reach the terminal or a log (what a
    command prints about a location); ``buffer`` (exported file contents) passes through untouched."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from mtreview.domain.redact import redact_text

        self._stream.write(redact_text(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _terminate(_signum: int, _frame: object) -> None:
    raise SystemExit(143)  # unwind: guarded writes remove their temporary files on the way out


def main() -> None:
    """Run the command; usage errors are one line on stderr with exit status 2 (not click's usage block)."""
    from mtreview.cli.common import EXIT_BAD_INPUT, os_error_message, report_defect
    from mtreview.domain.redact import redact_text

    signal.signal(signal.SIGTERM, _terminate)
    from mtreview.services.connection import forget_legacy_password_file

    forget_legacy_password_file()  # a password file older versions wrote: into the keyring, then gone
    sys.stdout = _Redacting(sys.stdout)
    sys.stderr = _Redacting(sys.stderr)
    try:
        code = cli.main(prog_name="mtreview", standalone_mode=False)
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "mtreview"
        message = " ".join(exc.format_message().split())
        click.echo(f"{where}: {redact_text(message)}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.ClickException as exc:
        click.echo("mtreview: " + redact_text(" ".join(exc.format_message().split())), err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("mtreview: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:
        click.echo("mtreview: " + redact_text(os_error_message(exc)), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except Exception as exc:
        report_defect(exc)
    sys.exit(code if isinstance(code, int) else 0)

"""No command overwrites the project, an input or a system file; every refusal and write failure is one
line with exit status 2 (issue 19). Run as root (CI) and as an unprivileged user (``nobody``, by a forked
child that drops its privileges after the interpreter is loaded: the interpreter lives under /root)."""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
IS_ROOT = os.geteuid() == 0


def needs_root(reason: str) -> None:
    if not IS_ROOT:
        if IN_CI:
            pytest.fail(f"CI=true but not root: {reason}")
        pytest.skip(f"needs root: {reason}")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtreview", *args], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_refusal(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture(scope="module")
def world() -> Iterator[Path]:
    """A folder everyone may enter (the unprivileged cases run as nobody), with a project imported from a
    pair of files and from a TMX."""
    root = Path(tempfile.mkdtemp(prefix="mtreview-guard-"))
    root.chmod(0o777)
    (root / "en.txt").write_text("One cat.\nTwo dogs.\n", encoding="utf-8")
    (root / "ja.txt").write_text("猫一匹。\n犬二匹。\n", encoding="utf-8")
    result = run("import", "en.txt", "--target", "ja.txt", "--project", "p.mtreview", cwd=root)
    assert result.returncode == 0, result.stderr
    result = run("export", "p.mtreview", "--format", "tmx", "-o", "memory.tmx", cwd=root)
    assert result.returncode == 0, result.stderr
    result = run("import", "memory.tmx", "--project", "p.mtreview", cwd=root)
    assert result.returncode == 0, result.stderr
    for p in root.iterdir():
        p.chmod(0o666)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("fmt", ["tmx", "xlsx", "po", "csv"])
def test_the_project_itself_is_refused(world: Path, fmt: str) -> None:
    before = digest(world / "p.mtreview")
    one_line_refusal(
        run("export", "p.mtreview", "--format", fmt, "-o", "p.mtreview", cwd=world), "p.mtreview"
    )
    assert digest(world / "p.mtreview") == before
    assert run("score", "p.mtreview", "--json", cwd=world).returncode == 0  # still a project


@pytest.mark.parametrize(
    ("command", "out"),
    [
        (["export", "p.mtreview", "--format", "tmx", "-o"], "ja.txt"),  # the --target of an import
        (["export", "p.mtreview", "--format", "tsv", "-o"], "en.txt"),
        (["report", "p.mtreview", "-o"], "memory.tmx"),  # an imported TMX
        (["report", "p.mtreview", "-o"], "p.mtreview-wal"),
        (["export", "p.mtreview", "--format", "po", "-o"], "p.mtreview-journal"),
    ],
)
def test_inputs_and_companions_are_refused(world: Path, command: list[str], out: str) -> None:
    before = {p.name: digest(p) for p in world.iterdir() if p.is_file()}
    one_line_refusal(run(*command, out, cwd=world), out, "refusing")
    assert {p.name: digest(p) for p in world.iterdir() if p.is_file()} == before


def test_links_to_the_project_are_refused(world: Path, tmp_path: Path) -> None:
    (tmp_path / "soft.tmx").symlink_to(world / "p.mtreview")
    os.link(world / "ja.txt", tmp_path / "hard.txt")
    before = digest(world / "p.mtreview")
    for out in ("soft.tmx", "hard.txt"):
        one_line_refusal(run("export", str(world / "p.mtreview"), "--format", "tmx", "-o", out, cwd=tmp_path))
    assert digest(world / "p.mtreview") == before and (world / "ja.txt").read_text().startswith("猫")


def test_another_project_is_refused(world: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.mtreview"
    assert (
        run(
            "import", str(world / "en.txt"), "--target", str(world / "ja.txt"), "--project", str(other)
        ).returncode
        == 0
    )
    before = digest(other)
    one_line_refusal(
        run("export", str(world / "p.mtreview"), "--format", "tmx", "-o", str(other)), "database"
    )
    assert digest(other) == before


def test_devices_and_standard_output(world: Path) -> None:
    null_before = os.stat("/dev/null")
    ok = run("export", "p.mtreview", "--format", "tmx", "-o", "/dev/null", cwd=world)
    assert ok.returncode == 0, ok.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (
        null_before.st_ino,
        null_before.st_rdev,
    )
    one_line_refusal(
        run("export", "p.mtreview", "--format", "tmx", "-o", "/dev/full", cwd=world), "disk is full"
    )
    one_line_refusal(
        run("export", "p.mtreview", "--format", "xlsx", "-o", "/dev/full", cwd=world), "disk is full"
    )
    for out in ("-", "/dev/stdout"):
        piped = run("export", "p.mtreview", "--format", "tmx", "-o", out, cwd=world)
        assert piped.returncode == 0, piped.stderr
        assert piped.stdout.startswith("<?xml") and piped.stdout.rstrip().endswith("</tmx>")
    assert not [p for p in os.listdir("/dev") if "mtreview" in p]


def test_fifo_folder_and_missing_folder(world: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.tmx")
    project = str(world / "p.mtreview")
    one_line_refusal(run("export", project, "--format", "tmx", "-o", str(tmp_path / "fifo.tmx")), "FIFO")
    one_line_refusal(run("export", project, "--format", "tmx", "-o", str(tmp_path)))
    one_line_refusal(
        run("export", project, "--format", "tmx", "-o", str(tmp_path / "no" / "x.tmx")), "folder"
    )


@pytest.mark.parametrize("value", ["nan", "-1", "inf", "abc"])
def test_bad_option_values(world: Path, value: str) -> None:
    one_line_refusal(
        run("export", "p.mtreview", "--format", "tmx", "-o", "x.tmx", "--max-penalty", value, cwd=world),
        "--max-penalty",
    )


def test_a_folder_as_input_is_one_line(world: Path, tmp_path: Path) -> None:
    for args in (
        ["align", str(tmp_path)],
        ["import", str(tmp_path), "--project", str(tmp_path / "q.mtreview")],
    ):
        one_line_refusal(run(*args))


def test_a_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    import sqlite3

    places = tmp_path / "places.sqlite"
    c = sqlite3.connect(places)
    c.execute("create table moz_places (id integer primary key, url text)")
    c.execute("insert into moz_places (url) values ('https://example.org')")
    c.commit()
    c.close()
    before = digest(places)
    (tmp_path / "pairs.tsv").write_text("A cat.\t猫。\n", encoding="utf-8")
    for args in (
        ["export", str(places), "--format", "tmx", "-o", str(tmp_path / "o.tmx")],
        ["import", str(tmp_path / "pairs.tsv"), "--project", str(places)],
        ["score", "sqlite:///" + str(places), "--json"],
        ["qa", "sqlite:///" + str(places), "--json"],
    ):
        one_line_refusal(run(*args), "not an mtreview project")
    one_line_refusal(run("qa", str(places)), "places.sqlite")  # as a document: not text
    assert digest(places) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.tsv", "places.sqlite"]  # no -wal, no -shm


# ------------------------------------------------------------------ as an unprivileged user


def run_as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``mtreview ARGS`` in a forked child that becomes ``nobody`` once everything it needs is imported."""
    needs_root("dropping to an unprivileged user")
    nobody = pwd.getpwnam("nobody")
    import importlib.readers
    import importlib.resources.readers  # noqa: F401

    import openpyxl  # noqa: F401
    import sqlalchemy.dialects.sqlite  # noqa: F401

    import mtreview.cli.main
    import mtreview.formats
    import mtreview.services.export
    import mtreview.services.outputs
    import mtreview.services.report  # noqa: F401

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 99
            try:
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                os.chdir(cwd)
                os.setgroups([])
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
                sys.argv = ["mtreview", *args]
                from mtreview.cli.main import main

                try:
                    main()
                    code = 0
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _pid, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(
            list(args), os.waitstatus_to_exitcode(status), out.read(), err.read()
        )


def test_unprivileged_devices_and_unwritable_places(world: Path, tmp_path: Path) -> None:
    ok = run_as_nobody("export", "p.mtreview", "--format", "tmx", "-o", "/dev/null", cwd=world)
    assert ok.returncode == 0 and "Traceback" not in ok.stderr, ok.stderr
    one_line_refusal(
        run_as_nobody("export", "p.mtreview", "--format", "tmx", "-o", "/dev/full", cwd=world), "disk is full"
    )
    locked = Path(tempfile.mkdtemp(prefix="mtreview-ro-"))
    try:
        locked.chmod(0o755)  # root's folder: nobody may not create files in it
        (locked / "old.tmx").write_text("previous")
        (locked / "old.tmx").chmod(0o644)
        for out in (str(locked / "new.tmx"), str(locked / "old.tmx"), "/etc/mtreview-test.tmx", "/dev/sda"):
            result = run_as_nobody("export", "p.mtreview", "--format", "tmx", "-o", out, cwd=world)
            one_line_refusal(result)
        assert (locked / "old.tmx").read_text() == "previous"
        assert sorted(p.name for p in locked.iterdir()) == ["old.tmx"]
    finally:
        shutil.rmtree(locked, ignore_errors=True)
    assert not Path("/etc/mtreview-test.tmx").exists()


def test_an_unreadable_input_is_one_line(world: Path) -> None:
    """A file the user may not read, given as INPUT: one line naming it, exit 2, no project created (was
    click's four-line usage block)."""
    import mtreview.align.bilingual
    import mtreview.services.project  # noqa: F401  (loaded before the child drops its privileges)

    private = world / "private.txt"
    private.write_text("A note for the editor only.\n編集者だけへのメモ。\n", encoding="utf-8")
    private.chmod(0o600)
    try:
        for args in (["align", "private.txt"], ["import", "private.txt", "--project", "q.mtreview"]):
            one_line_refusal(run_as_nobody(*args, cwd=world), "private.txt")
        assert not (world / "q.mtreview").exists()
    finally:
        private.unlink()


# ------------------------------------------------------------------ a full disk


@pytest.fixture
def small_disk() -> Iterator[Path]:
    needs_root("mounting a 1 MB tmpfs")
    mount = Path(tempfile.mkdtemp(prefix="mtreview-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        shutil.rmtree(mount, ignore_errors=True)
        if IN_CI:
            pytest.fail(f"cannot mount a tmpfs: {done.stderr!r}")
        pytest.skip(f"cannot mount a tmpfs: {done.stderr!r}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)
        shutil.rmtree(mount, ignore_errors=True)


def test_a_full_disk_keeps_the_previous_output(world: Path, tmp_path: Path, small_disk: Path) -> None:
    lines = [f"Sentence number {i} about the harbour and its ships." for i in range(4000)]
    (tmp_path / "big.tsv").write_text(
        "".join(f"{s}\t港と船についての文 {i}。\n" for i, s in enumerate(lines)), encoding="utf-8"
    )
    big = tmp_path / "big.mtreview"
    assert run("import", str(tmp_path / "big.tsv"), "--project", str(big)).returncode == 0
    small = run("export", str(world / "p.mtreview"), "--format", "tmx", "-o", str(small_disk / "out.tmx"))
    assert small.returncode == 0, small.stderr
    previous = digest(small_disk / "out.tmx")
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (1024 * 1024 - 300 * 1024))  # leave ~300 KB: less than any big export
    for fmt in ("tmx", "xlsx", "csv", "po", "xliff", "mqm-tsv"):
        # every unit (a memory holds confirmed units only by default: none here)
        result = run(
            "export", str(big), "--format", fmt, "--status", "all", "-o", str(small_disk / "out.tmx")
        )
        one_line_refusal(result, "disk is full", "out.tmx")
        assert digest(small_disk / "out.tmx") == previous
        assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "out.tmx"]
    report = run("report", str(big), "-o", str(small_disk / "report.html"))
    assert report.returncode in (0, 2) and "Traceback" not in report.stderr, report.stderr

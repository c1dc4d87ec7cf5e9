"""The output guard (``domain.outputs``): what it refuses, how it writes, what it leaves behind."""

from __future__ import annotations

import fcntl
import os
import socket
import sqlite3
import stat
from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.domain.outputs import (
    OutputError,
    atomic_output,
    atomic_path,
    check_output,
    output_session,
    project_files,
    remove_stale_temporaries,
)


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".mtreview-tmp-" in p.name)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.mtreview"
    c = sqlite3.connect(path)
    c.execute("create table segment (id)")
    c.commit()
    c.close()
    return path


def test_refuses_the_project_and_its_companions(project: Path, tmp_path: Path) -> None:
    protected = project_files(project)
    for name in ("p.mtreview", "p.mtreview-wal", "p.mtreview-shm", "p.mtreview-journal"):
        with pytest.raises(OutputError, match="refusing"):
            check_output(tmp_path / name, protected)


def test_refuses_through_symlinks_and_hard_links(project: Path, tmp_path: Path) -> None:
    (tmp_path / "link.tmx").symlink_to(project)
    (tmp_path / "chain.tmx").symlink_to(tmp_path / "link.tmx")
    os.link(project, tmp_path / "hard.tmx")
    for name in ("link.tmx", "chain.tmx", "hard.tmx"):
        with pytest.raises(OutputError, match="refusing"):
            check_output(tmp_path / name, [project])


def test_refuses_any_database_even_unlisted(project: Path) -> None:
    with pytest.raises(OutputError, match="database"):
        check_output(project, [])  # e.g. a project open in another window


def test_refuses_inputs(tmp_path: Path) -> None:
    src, tgt = tmp_path / "en.txt", tmp_path / "ja.txt"
    src.write_text("a\n")
    tgt.write_text("あ\n")
    for out in (src, tgt):
        with pytest.raises(OutputError) as info:
            check_output(out, [str(src), str(tgt)])
        assert isinstance(info.value, InputError) and str(out) in str(info.value)
    assert src.read_text() == "a\n" and tgt.read_text() == "あ\n"


def test_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    try:
        cases = {fifo: "FIFO", sock_path: "socket", tmp_path: "folder", tmp_path / "no" / "x.tmx": "folder"}
        for path, says in cases.items():
            with pytest.raises(OutputError, match=says):
                check_output(path)
    finally:
        sock.close()
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(OutputError):
        check_output(loop)


def test_character_devices_are_written_in_place() -> None:
    before = os.stat("/dev/null")
    target = check_output("/dev/null")
    assert target.direct
    with atomic_output("/dev/null") as fh:
        fh.write("discarded\n")
    with atomic_path("/dev/null") as tmp:
        tmp.write_text("also discarded")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino and after.st_rdev == before.st_rdev


def test_a_full_device_is_a_one_line_error() -> None:
    with pytest.raises(OutputError, match="disk is full") as info, atomic_output("/dev/full") as fh:
        fh.write("x" * 100_000)
    assert "\n" not in str(info.value) and "/dev/full" in str(info.value)


def test_written_through_a_symlink_keeping_it(tmp_path: Path) -> None:
    real = tmp_path / "real.tmx"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.tmx"
    link.symlink_to(real)
    with atomic_output(link) as fh:
        fh.write("new")
    assert link.is_symlink() and real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the replaced file's mode is kept
    assert temporaries(tmp_path) == []


def test_a_failed_write_keeps_the_previous_output_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    out.write_text("previous")
    with pytest.raises(RuntimeError), atomic_output(out) as fh:
        fh.write("partial")
        raise RuntimeError("writer failed")
    with pytest.raises(KeyboardInterrupt), atomic_path(out) as tmp:
        tmp.write_text("partial")
        raise KeyboardInterrupt
    assert out.read_text() == "previous"
    assert temporaries(tmp_path) == []


def test_stale_temporaries_of_a_killed_run_are_removed_at_the_next_write(tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    stale = tmp_path / ".out.tmx.mtreview-tmp-deadbeef"
    stale.write_bytes(b"x" * 1000)  # what a SIGKILL leaves: nobody holds its lock
    held = tmp_path / ".out.tmx.mtreview-tmp-cafecafe"
    held.write_bytes(b"y")
    other = tmp_path / ".other.tmx.mtreview-tmp-deadbeef"  # another output's: not ours to judge
    other.write_bytes(b"z")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (tmp_path / ".out.tmx.mtreview-tmp-symlink0").symlink_to(victim)
    fd = os.open(held, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a writer still at work (another process in real life)
    try:
        pid = os.fork()
        if pid == 0:  # the next export, in another process (flock is per open file description)
            try:
                with atomic_output(out) as fh:
                    fh.write("fresh")
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert out.read_text() == "fresh"
    assert not stale.exists() and held.exists() and other.exists() and victim.read_text() == "keep"


def test_scratch_files_share_the_family_and_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    with output_session(out) as session:
        spool = session.scratch()
        spool.write_text("spooled rows")
        session.temp.write_text("final")
        assert spool.parent == tmp_path and spool.name.startswith(".out.xlsx.mtreview-tmp-")
    assert out.read_text() == "final" and temporaries(tmp_path) == []
    assert remove_stale_temporaries(out) == 0

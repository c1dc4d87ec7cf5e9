"""A large file is stored while another process reads it (``services.import_stream``): the project gets
the rows a whole read gives, bad input found late still leaves it as it was, a cancel or a reader that
dies is an error and not a half import."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mtreview.domain.model import SegmentDraft, segment_fields
from mtreview.formats.registry import reader_for
from mtreview.services import import_stream

UNITS = 7500  # about 4.7 MB: over STREAM_FROM


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtreview", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def big_tmx(path: Path, units: int = UNITS, broken_at: int | None = None) -> Path:
    """Units of every kind the reader has two paths for: plain ones, ones with inline codes, notes,
    properties, an empty target, a unit without its target language; ``broken_at``: the file stops
    being XML at that unit."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" datatype="plaintext" '
        'segtype="paragraph" adminlang="en" srclang="en" o-tmf="x">'
        '<prop type="x-domain">test</prop></header>',
        "<body>",
    ]
    for i in range(units):
        if broken_at is not None and i == broken_at:
            lines.append("<tu><tuv xml:lang='en'><seg>cut off here")
            break
        source = escape(f"Unit {i}: the quarterly report lists {i * 7} orders & returns. " * 4)
        target = f"ユニット{i}：四半期報告書には{i * 7}件の注文と返品が記載されています。" * 3
        kind = i % 50
        if kind == 1:  # inline code: the general path
            lines.append(
                f'<tu tuid="u{i}"><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save'
                f'<ept i="1">&lt;/b&gt;</ept> {i}</seg></tuv><tuv xml:lang="ja"><seg><bpt i="1">&lt;b&gt;'
                f'</bpt>保存<ept i="1">&lt;/b&gt;</ept>を押す {i}</seg></tuv></tu>'
            )
        elif kind == 2:  # notes and properties
            lines.append(
                f'<tu tuid="u{i}" creationid="ann"><note>checked</note><prop type="x-client">ACME</prop>'
                f'<tuv xml:lang="en"><seg>{source}</seg></tuv>'
                f'<tuv xml:lang="ja"><seg>{target}</seg></tuv></tu>'
            )
        elif kind == 3:  # not translated yet
            lines.append(
                f'<tu><tuv xml:lang="en"><seg>{source}</seg></tuv><tuv xml:lang="ja"><seg/></tuv></tu>'
            )
        elif kind == 4:  # no unit in the target language: skipped, and said so in the document's metadata
            lines.append(f'<tu><tuv xml:lang="de"><seg>{source}</seg></tuv></tu>')
        elif kind == 5:  # a placeholder
            lines.append(
                f'<tu><tuv xml:lang="en"><seg>Hello %s, you have {i} items</seg></tuv>'
                f'<tuv xml:lang="ja"><seg>%sさん、{i}件あります</seg></tuv></tu>'
            )
        else:
            lines.append(
                f'<tu tuid="u{i}"><tuv xml:lang="en"><seg>{source}</seg></tuv>'
                f'<tuv xml:lang="ja"><seg>{target}</seg></tuv></tu>'
            )
    else:
        lines.append("</body></tmx>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dump(project: Path) -> dict[str, list[tuple[object, ...]]]:
    """What a project holds, less the moment it was written."""
    with sqlite3.connect(project) as db:
        return {
            "document": db.execute(
                "select id, name, path, format, source_lang, target_lang, engine, meta"
                " from document order by id"
            ).fetchall(),
            "segment": db.execute(
                "select id, document_id, ordinal, key, source, mt, corrected, status, source_lines,"
                " target_lines, confidence, locked, version, author, meta from segment order by id"
            ).fetchall(),
            "note": db.execute("select * from note order by id").fetchall(),
        }


@pytest.fixture(scope="module")
def tmx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = big_tmx(tmp_path_factory.mktemp("stream") / "memory.tmx")
    assert path.stat().st_size >= import_stream.STREAM_FROM
    return path


def test_a_large_file_is_streamed_from_the_command_line(tmx):
    """The conditions hold in a command-line process (one thread, POSIX, a reader with a sink), and
    not when they are turned off or for a small file."""
    code = textwrap.dedent(
        f"""
        import os, sys
        from mtreview.services.import_stream import streamable
        print(streamable({str(tmx)!r}))
        """
    )
    on = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    off = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "MTREVIEW_STREAM_IMPORT": "0"},
    )
    assert on.stdout.strip() == "True", on.stderr
    assert off.stdout.strip() == "False", off.stderr
    small = tmx.parent / "small.tmx"
    big_tmx(small, units=10)
    assert not import_stream.streamable(small)
    assert not import_stream.streamable(tmx, target=tmx)  # a pair of files is aligned, not streamed
    # only into a new project file: an existing one, or a server's, is opened after the whole read
    assert not import_stream.streamable(tmx, project=str(tmx))
    assert not import_stream.streamable(tmx, project="postgresql+psycopg://u@localhost/db")


def test_streamed_import_stores_what_a_whole_read_stores(tmx, tmp_path):
    streamed, whole = tmp_path / "streamed.mtreview", tmp_path / "whole.mtreview"
    for project, env in ((streamed, {}), (whole, {"MTREVIEW_STREAM_IMPORT": "0"})):
        for _ in range(2):  # twice: the second document gets a name of its own
            result = run(
                "import", str(tmx), "--project", str(project), "--no-checks", "--engine", "mt-x", env=env
            )
            assert result.returncode == 0, result.stderr
    a, b = dump(streamed), dump(whole)
    assert len(a["segment"]) == 2 * (UNITS - UNITS // 50)  # the units with no Japanese are skipped
    assert [d[1] for d in a["document"]] == ["memory", "memory (2)"]
    assert all(d[6] == "mt-x" for d in a["document"])
    assert '"skipped"' in a["document"][0][7]
    assert a == b


def test_bad_input_found_late_leaves_an_existing_project_as_it_was(tmp_path):
    bad = big_tmx(tmp_path / "cut.tmx", broken_at=UNITS - 10)
    assert bad.stat().st_size >= import_stream.STREAM_FROM
    project = tmp_path / "p.mtreview"
    good = tmp_path / "good.tsv"
    good.write_text("Hello.\tこんにちは。\n", encoding="utf-8")
    assert run("import", str(good), "--project", str(project)).returncode == 0
    before = dump(project)
    result = run("import", str(bad), "--project", str(project), "--no-checks")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "cut.tmx:" in line  # the file and the line
    assert dump(project) == before


def test_bad_input_found_late_creates_no_project(tmp_path):
    bad = big_tmx(tmp_path / "cut.tmx", broken_at=UNITS - 10)
    project = tmp_path / "new.mtreview"
    result = run("import", str(bad), "--project", str(project), "--no-checks")
    assert result.returncode == 2
    assert "cut.tmx:" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.tmx"]  # nor its temporary name


def test_a_project_created_meanwhile_by_someone_else_is_never_replaced(tmp_path):
    target = tmp_path / "p.mtreview"
    with (
        pytest.raises(import_stream.ProjectAppeared),
        import_stream.new_project_file(str(target)) as building,
    ):
        Path(building).write_bytes(b"ours")
        target.write_bytes(b"theirs")  # another process made the project while this one built its own
    assert target.read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.mtreview"]
    with import_stream.new_project_file(str(tmp_path / "q.mtreview")) as building:
        Path(building).write_bytes(b"complete")
    assert (tmp_path / "q.mtreview").read_bytes() == b"complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.mtreview", "q.mtreview"]


RACE = textwrap.dedent(
    """
    import sys
    from mtreview.cli.main import main
    from mtreview.domain.model import ImportedDocument, SegmentDraft
    from mtreview.services.project import ProjectService

    tmx, project = sys.argv[1:3]
    real = ProjectService.import_streamed
    def import_streamed(self, reading, engine=None, progress=None):
        other = ProjectService.open(project, "someone else", create=True)  # meanwhile, elsewhere
        theirs = [SegmentDraft("Hello.", "こんにちは。", (1,), (1,))]
        other.import_document(ImportedDocument("theirs", theirs))
        other.close()
        return real(self, reading, engine)
    ProjectService.import_streamed = import_streamed
    sys.argv = ["mtreview", "import", tmx, "--project", project, "--no-checks"]
    main()
    """
)


def test_the_import_goes_into_a_project_created_meanwhile(tmx, tmp_path):
    script = tmp_path / "race.py"
    script.write_text(RACE, encoding="utf-8")
    project = tmp_path / "p.mtreview"
    result = subprocess.run(
        [sys.executable, str(script), str(tmx), str(project)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(project) as db:
        names = [r[0] for r in db.execute("select name from document order by id")]
        count = db.execute("select count(*) from segment").fetchone()[0]
    assert names == ["theirs", "memory"]  # theirs kept, the file imported after it
    assert count == 1 + UNITS - UNITS // 50
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert left == ["p.mtreview", "race.py"]  # what was built under a name of its own is gone


def test_batches_move_every_field_and_keep_distinct_metadata_apart():
    batch = [
        SegmentDraft("a\x00b", "エー\x00", (1,), (2,), meta={"x": True}),  # the separator inside a text
        SegmentDraft("c", "シー", (3,), (4,), key="k", meta={"x": 1}),  # equal to the first, not the same
        SegmentDraft("d", "", (5,), (6,), corrected="ディー", meta={"x": 1}),
    ]
    kind, *rest = pickle.loads(import_stream._encode(batch))
    assert kind == "texts"
    out = import_stream._decode(kind, *rest)
    assert out == [segment_fields(d) for d in batch]
    assert [type(f[7]["x"]) for f in out] == [bool, int, int]
    assert out[1][7] is out[2][7]  # sent once
    plain = [SegmentDraft(f"s{i}", f"t{i}", (i,), (i,), meta={"m": i % 2 == 0}) for i in range(5)]
    kind, *rest = pickle.loads(import_stream._encode(plain))
    assert kind == "joined"
    assert import_stream._decode(kind, *rest) == [segment_fields(d) for d in plain]


SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from mtreview.domain.errors import InputError
    from mtreview.domain.progress import Cancelled, Progress
    from mtreview.services import import_stream
    from mtreview.services.project import ProjectService

    tmx, project, mode = sys.argv[1:4]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # as the command line does
    if mode == "parent-dies":  # the reader must not outlive this process
        import_stream.QUEUED = 1  # nobody takes the batches: the reader waits to send
        reading = import_stream.StreamedRead(tmx)
        print(reading._process.pid, flush=True)
        sys.stdin.read()  # killed here
    if mode == "dies":  # the reader process ends after its first batch
        real = import_stream._Sink.flush
        def flush(self):
            real(self)
            os._exit(3)
        import_stream._Sink.flush = flush
    stored = []
    progress = Progress(
        report_fn=lambda done, total, message: stored.append(done),
        cancelled_fn=lambda: mode == "cancel" and bool(stored) and stored[-1] > 0,
    )
    service = ProjectService.open(project, "t", create=True)
    reading = import_stream.StreamedRead(tmx)
    try:
        service.import_streamed(reading, None, progress)
    except InputError as exc:
        print("InputError", exc)
    except Cancelled:
        print("Cancelled")
    finally:
        reading.close()
    print("reader alive", reading._process.is_alive(), reading._process.exitcode)
    print("documents", len(service.documents()))
    service.close()
    """
)


@pytest.mark.parametrize(("mode", "expected"), [("dies", "InputError"), ("cancel", "Cancelled")])
def test_a_reader_that_dies_or_a_cancel_stores_nothing(tmx, tmp_path, mode, expected):
    script = tmp_path / "script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(tmx), str(tmp_path / "p.mtreview"), mode],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(expected), result.stdout
    if mode == "dies":
        assert str(tmx) in lines[0] and "exit code 3" in lines[0]
    assert "reader alive False" in " ".join(lines)
    assert "documents 0" in lines


def test_the_reader_does_not_outlive_the_importing_process(tmx, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), str(tmx), str(tmp_path / "p.mtreview"), "parent-dies"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None and parent.stdin is not None
    child = int(parent.stdout.readline())
    parent.kill()  # SIGKILL: no clean-up of any kind
    parent.wait()
    parent.stdin.close()
    parent.stdout.close()
    # the reader's next write finds no reader on the pipe and it ends (a generous backstop: not a limit)
    for _ in range(600):
        if not Path(f"/proc/{child}").exists() or "Z" in _state(child):
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or "Z" in _state(child)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def big_po(path: Path, units: int = UNITS) -> Path:
    out = ['msgid ""', 'msgstr ""', '"Language: ja\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for i in range(units):
        source = f"Unit {i}: the quarterly report lists {i * 7} orders and returns. " * 5
        target = f"ユニット{i}：四半期報告書には{i * 7}件の注文と返品が記載されています。" * 3
        if i % 40 == 1:
            out += ["#, fuzzy", f'msgctxt "menu {i}"']
        if i % 40 == 2:
            out += [f"#: src/app.c:{i}", f'msgid "One file {i}"', f'msgid_plural "%d files {i}"']
            out += [f'msgstr[0] "%d個のファイル {i}"', ""]
            continue
        out += [f'msgid "{source}"', f'msgstr "{target if i % 40 != 3 else ""}"', ""]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def big_xliff(path: Path, version: str, units: int = UNITS) -> Path:
    body = []
    for i in range(units):
        source = escape(f"Unit {i}: the quarterly report lists {i * 7} orders & returns. " * 4)
        target = f"ユニット{i}：四半期報告書には{i * 7}件の注文と返品が記載されています。" * 3
        if version == "1.2":
            state = ' state="translated"' if i % 3 else ""
            body.append(
                f'<trans-unit id="u{i}"><source>{source}</source>'
                f"<target{state}>{target}</target></trans-unit>"
            )
        else:
            state = ' state="translated"' if i % 3 else ""
            body.append(
                f'<unit id="u{i}"><segment{state}><source>{source}</source>'
                f"<target>{target}</target></segment></unit>"
            )
    if version == "1.2":
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="app" source-language="en" '
            'target-language="ja" datatype="plaintext"><body>\n'
            + "\n".join(body)
            + "\n</body></file></xliff>\n"
        )
    else:
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
            'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ja"><file id="f1">\n'
            + "\n".join(body)
            + "\n</file></xliff>\n"
        )
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["po", "xliff-1.2", "xliff-2.0"])
def test_other_readers_stream_the_same_rows(tmp_path, kind):
    if kind == "po":
        path = big_po(tmp_path / "messages.po")
    else:
        path = big_xliff(tmp_path / "strings.xlf", kind.split("-")[1])
    assert path.stat().st_size >= import_stream.STREAM_FROM
    reader = reader_for(path)
    assert reader is not None and reader.sink  # streamed from the command line (see the first test)
    streamed, whole = tmp_path / "streamed.mtreview", tmp_path / "whole.mtreview"
    for project, env in ((streamed, {}), (whole, {"MTREVIEW_STREAM_IMPORT": "0"})):
        result = run("import", str(path), "--project", str(project), "--no-checks", env=env)
        assert result.returncode == 0, result.stderr
    a, b = dump(streamed), dump(whole)
    assert len(a["segment"]) == UNITS
    assert a == b
    query = "select name, sha256, data from original_file order by document_id"
    with sqlite3.connect(streamed) as db, sqlite3.connect(whole) as db2:
        kept = db.execute(query).fetchall()
        assert kept == db2.execute(query).fetchall()
    assert len(kept) == (kind != "po")  # an XLIFF file is kept for its merge-back

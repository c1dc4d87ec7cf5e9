"""Exported files get the mode a normally created file gets (the temp file's 0600 is not kept)."""

import os

from mtreview.formats.base import atomic_output


def test_exported_file_is_readable_by_others_like_any_new_file(tmp_path):
    out = tmp_path / "report.txt"
    with atomic_output(out) as handle:
        handle.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask

"""Encodings (issue 15 item 4): strict decoding, mixed files refused with line and byte offset, a
detected legacy encoding named in the import summary, 〜 and ～ kept apart where the file tells them apart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.formats.delimited import read_delimited
from mtreview.formats.po import read_po
from mtreview.formats.textio import decode_bytes

UTF8_ROWS = "source,target\nCoffee,カフェ\nCafe,喫茶店\n"


def test_a_stray_latin1_byte_in_utf8_is_refused_with_line_and_offset(tmp_path: Path) -> None:
    data = UTF8_ROWS.encode("utf-8").replace(b"Cafe", b"Caf\xe9")
    path = tmp_path / "menu.csv"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_delimited(path)
    assert err.value.line == 3 and err.value.path == str(path)
    offset = data.index(b"\xe9")
    assert f"byte {offset} (0xE9)" in err.value.message


def test_half_utf8_half_shift_jis_is_refused(tmp_path: Path) -> None:
    data = "Hello,こんにちは\n".encode() + "Bye,さようなら\n".encode("cp932")
    with pytest.raises(InputError) as err:
        decode_bytes(data, "mixed.csv")
    assert err.value.line == 2
    # and the other way round: most of it Shift_JIS, one UTF-8 line
    data = "こんにちは\nさようなら\nおはよう\n".encode("cp932") + "こんばんは\n".encode()
    with pytest.raises(InputError) as err:
        decode_bytes(data, "mixed.txt")
    assert err.value.line == 1


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("こんにちは、世界。今日は晴れ～\n", "cp932"),
        ("日本語の文章です。半角ｶﾀｶﾅも少し。\n", "cp932"),
        ("こんにちは、世界。EUC-JP の文章です。\n", "euc_jp"),
        ("波ダッシュ〜と全角チルダ～は別の文字。\n", "euc_jis_2004"),
    ],
)
def test_legacy_japanese_is_decoded_as_what_it_is(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "ja.txt")
    assert decoded.text == text and decoded.encoding == encoding


def test_wave_dash_and_fullwidth_tilde_stay_distinct() -> None:
    text = "〜（波ダッシュ）と～（全角チルダ）\n"
    decoded = decode_bytes(text.encode("euc_jis_2004"), "tilde.txt")
    assert "\u301c" in decoded.text and "\uff5e" in decoded.text


def test_po_declaring_latin1_but_holding_utf8_with_a_stray_byte_is_refused(tmp_path: Path) -> None:
    body = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgid "Coffee"\nmsgstr "カフェ"\n'
    )
    data = body.encode() + b'\nmsgid "Caf\xe9"\nmsgstr "x"\n'
    path = tmp_path / "ja.po"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_po(path)
    assert err.value.line == 8  # msgid "Caf\\xe9"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtreview", *args], capture_output=True, text=True, check=False, timeout=300
    )


def test_cli_names_a_legacy_encoding_and_refuses_a_mixed_file(tmp_path: Path) -> None:
    good = tmp_path / "sj.csv"
    good.write_bytes("source,target\nHello,こんにちは～\n".encode("cp932"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(UTF8_ROWS.encode().replace(b"Cafe", b"Caf\xe9"))
    project = tmp_path / "p.mtreview"
    result = _cli("import", str(good), "--project", str(project), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["encodings"] == {str(good): "cp932"}
    result = _cli("import", str(good), "--project", str(project))
    assert "read as cp932" in result.stdout
    result = _cli("import", str(bad), "--project", str(project))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and f"{bad}:3:" in result.stderr

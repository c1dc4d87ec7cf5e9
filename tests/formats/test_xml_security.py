"""Hostile XML: entity bombs, external entities, DTDs and network access never get anywhere."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.formats.tmx import read_tmx
from mtreview.formats.xliff import read_xliff

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE {root} [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
{body}"""

TMX_BODY = '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>{x}</seg></tuv><tuv xml:lang="ja"><seg>b</seg></tuv></tu></body></tmx>'  # noqa: E501
XLIFF_BODY = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja"><file id="f"><unit id="u"><segment><source>{x}</source></segment></unit></file></xliff>'  # noqa: E501


def _cases(root: str, body: str) -> list[tuple[str, str]]:
    blowup = "A" * 100_000
    refs = "&a;" * 50_000
    return [
        ("billion-laughs", BILLION_LAUGHS.format(root=root, body=body.format(x="&lol9;"))),
        (
            "quadratic-blowup",
            f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY a "{blowup}">]>\n{body.format(x=refs)}',
        ),
        (
            "xxe-file",
            f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n{body.format(x="&x;")}',
        ),
        (
            "xxe-network",
            f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>\n'
            f"{body.format(x='&x;')}",
        ),
        (
            "parameter-entity",
            f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>\n'  # noqa: E501
            f"{body.format(x='a')}",
        ),
    ]


@pytest.mark.parametrize(
    ("reader", "root", "body"),
    [(read_tmx, "tmx", TMX_BODY), (read_xliff, "xliff", XLIFF_BODY)],
    ids=["tmx", "xliff"],
)
def test_entity_attacks_fail_fast_with_a_clear_message(tmp_path: Path, reader, root: str, body: str) -> None:  # type: ignore[no-untyped-def]
    for name, text in _cases(root, body):
        path = tmp_path / f"{name}.{root}"
        path.write_text(text, "utf-8")
        start = time.thread_time()  # CPU time of this thread: what the machine's load does not change
        with pytest.raises(InputError) as err:
            reader(path)
        assert time.thread_time() - start < 2.0, name
        assert err.value.path == str(path)
        assert "entit" in str(err.value).lower(), (name, str(err.value))
        assert "root:" not in str(err.value)  # nothing of /etc/passwd leaks into the message


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    # a DOCTYPE pointing at a DTD next to the file: not read (a DTD that would fail to parse)
    (tmp_path / "evil.dtd").write_text("<!ENTITY this is not a DTD", "utf-8")
    path = tmp_path / "a.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "evil.dtd">\n' + TMX_BODY.format(x="ok"), "utf-8"
    )
    assert read_tmx(path).segments[0].source == "ok"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8-sig", "utf-16"])
def test_entity_check_sees_through_utf16_and_bom(tmp_path: Path, encoding: str) -> None:
    text = BILLION_LAUGHS.format(root="tmx", body=TMX_BODY.format(x="&lol9;")).replace(
        '<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding.replace("-sig", "")}"?>'
    )
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff").encode(encoding) + data
    path = tmp_path / "bomb.tmx"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_tmx(path)
    assert "entit" in str(err.value).lower()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"])
def test_encodings_read_the_same_text(tmp_path: Path, encoding: str) -> None:
    body = TMX_BODY.format(x="𠮷野家\u3000😀")
    decl = f'<?xml version="1.0" encoding="{encoding.replace("-sig", "").replace("-le", "").replace("-be", "")}"?>\n'  # noqa: E501
    data = (decl + body).encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff").encode(encoding) + data
    path = tmp_path / "enc.tmx"
    path.write_bytes(data)
    assert read_tmx(path).segments[0].source == "𠮷野家\u3000😀"

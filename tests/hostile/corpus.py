"""The hostile-input corpus, generated at test time (nothing big is committed).

``build(folder, bait, port, closed_port)`` writes every case into ``folder`` and returns ``Case``s; each
XML payload is wrapped in every XML container the app imports (TMX, XLIFF 1.2, XLIFF 2.0 and, for the
spreadsheet reader, the XML parts of an xlsx zip), each text payload is named for every text reader
(CSV, TSV, PO and the page aligner). ``bait`` holds files that no import may open (``secret.txt``, an
external DTD, an XInclude target); ``port`` has a listening socket that no import may connect to.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    target: Path | None = None
    expect: str = "either"
    """``reject`` (must be refused with InputError), ``handle`` (must import), or ``either``."""
    want: str = ""
    """Text an import of this file must contain (the right decoding of a mislabelled file), or the
    refusal's message must contain (the reason, where running out of memory is not an answer)."""


# ---------------------------------------------------------------------- XML containers


def tmx(
    seg_source: str, seg_target: str, prolog: str = "", attrs: str = "", doctype_root: str = "tmx"
) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        f'<tmx version="1.4"><header creationtool="t" creationtoolversion="1" datatype="plaintext" '
        f'segtype="sentence" adminlang="en" srclang="en" o-tmf="t"/>\n<body>\n'
        f'<tu tuid="1"{attrs}><tuv xml:lang="en"><seg>{seg_source}</seg></tuv>'
        f'<tuv xml:lang="ja"><seg>{seg_target}</seg></tuv></tu>\n'
        '<tu tuid="2"><tuv xml:lang="en"><seg>Plain.</seg></tuv>'
        '<tuv xml:lang="ja"><seg>普通。</seg></tuv></tu>\n'
        "</body></tmx>\n"
    )


def xliff12(
    seg_source: str, seg_target: str, prolog: str = "", attrs: str = "", doctype_root: str = ""
) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="f" source-language="en" target-language="ja" datatype="plaintext"><body>\n'
        f'<trans-unit id="1"{attrs}><source>{seg_source}</source><target>{seg_target}</target></trans-unit>\n'
        '<trans-unit id="2"><source>Plain.</source><target>普通。</target></trans-unit>\n'
        "</body></file></xliff>\n"
    )


def xliff20(
    seg_source: str, seg_target: str, prolog: str = "", attrs: str = "", doctype_root: str = ""
) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ja">'
        '<file id="f">\n'
        f'<unit id="1"{attrs}><segment><source>{seg_source}</source>'
        f"<target>{seg_target}</target></segment></unit>\n"
        '<unit id="2"><segment><source>Plain.</source><target>普通。</target></segment></unit>\n'
        "</file></xliff>\n"
    )


CONTAINERS: dict[str, tuple[str, Callable[..., str], str]] = {
    "tmx": (".tmx", tmx, "tmx"),
    "xliff12": (".xlf", xliff12, "xliff"),
    "xliff20": (".xliff", xliff20, "xliff"),
}


def xlsx_bytes(sheet_xml: bytes, shared_xml: bytes | None = None, compress: bool = True) -> bytes:
    """A minimal workbook whose sheet (and shared strings) XML is given."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            + (
                '<Override PartName="/xl/sharedStrings.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                if shared_xml is not None
                else ""
            )
            + "</Types>"
        ).encode(),
        "_rels/.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<sheets><sheet name="Review" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            + (
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'sharedStrings" Target="sharedStrings.xml"/>'
                if shared_xml is not None
                else ""
            )
            + "</Relationships>"
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if shared_xml is not None:
        parts["xl/sharedStrings.xml"] = shared_xml
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def sheet(cells_row2: tuple[str, str], prolog: str = "") -> bytes:
    def c(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1">{c("A1", "Segment")}{c("C1", "Source")}{c("D1", "MT")}</row>'
        f'<row r="2">{c("A2", "d#1")}{c("C2", cells_row2[0])}{c("D2", cells_row2[1])}</row>'
        "</sheetData></worksheet>"
    ).encode()


# ---------------------------------------------------------------------- the payloads


def xml_payloads(bait: Path, port: int, closed_port: int) -> list[tuple[str, str, str, str, str]]:
    """(name, prolog, source, target, extra tu attributes) — text in the file's own container."""
    secret = (bait / "secret.txt").as_uri()
    dtd = (bait / "external.dtd").as_uri()
    inc = (bait / "include.xml").as_uri()
    net = f"http://127.0.0.1:{port}"
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    big = "A" * 60_000
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    return [
        ("billion-laughs", f"<!DOCTYPE root [{lol}]>\n", "Bomb &lol9;", "爆弾 &lol9;", ""),
        ("quadratic-blowup", f'<!DOCTYPE root [<!ENTITY a "{big}">]>\n', "&a;" * 4000, "x", ""),
        ("xxe-file", f'<!DOCTYPE root [<!ENTITY xxe SYSTEM "{secret}">]>\n', "Leak &xxe;", "漏洩 &xxe;", ""),
        (
            "xxe-network",
            f'<!DOCTYPE root [<!ENTITY xxe SYSTEM "{net}/xxe">]>\n',
            "Call &xxe;",
            "呼 &xxe;",
            "",
        ),
        (
            "xxe-closed-port",
            f'<!DOCTYPE root [<!ENTITY xxe SYSTEM "http://127.0.0.1:{closed_port}/x">]>\n',
            "Call &xxe;",
            "呼 &xxe;",
            "",
        ),
        (
            "xxe-parameter-entity",
            f'<!DOCTYPE root [<!ENTITY % ext SYSTEM "{net}/evil.dtd"> %ext;]>\n',
            "Hi.",
            "やあ。",
            "",
        ),
        ("external-dtd-file", f'<!DOCTYPE root SYSTEM "{dtd}">\n', "Leak &secret;", "漏洩 &secret;", ""),
        (
            "external-dtd-network",
            f'<!DOCTYPE root PUBLIC "-//X//DTD X//EN" "{net}/root.dtd">\n',
            "Hi &remote;",
            "やあ &remote;",
            "",
        ),
        ("external-dtd-no-entity", f'<!DOCTYPE root SYSTEM "{dtd}">\n', "Hi.", "やあ。", ""),
        (
            "xinclude-file",
            "",
            f'Inc <xi:include {xi} href="{secret}" parse="text"/>',
            f'含 <xi:include {xi} href="{inc}"/>',
            "",
        ),
        ("xinclude-network", "", f'Inc <xi:include {xi} href="{net}/inc.xml"/>', "含", ""),
        ("stylesheet-pi", f'<?xml-stylesheet type="text/xsl" href="{net}/x.xsl"?>\n', "Hi.", "やあ。", ""),
        (
            "schema-location",
            "",
            "Hi.",
            "やあ。",
            f' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x {net}/x.xsd"',
        ),
        ("deep-nesting", "", "<g>" * 100_000 + "deep" + "</g>" * 100_000, "深い", ""),
        ("deep-nesting-250", "", "<g>" * 250 + "deep" + "</g>" * 250, "深い", ""),
        ("huge-attribute", "", "Hi.", "やあ。", f' x-big="{"B" * (12 * MB)}"'),
        ("many-attributes", "", "Hi.", "やあ。", "".join(f' a{i}="{i}"' for i in range(50_000))),
        ("huge-text-node", "", "T" * (12 * MB), "大", ""),
        (
            "entity-after-256k-comment",
            "<!--" + "c" * (300 * 1024) + f"-->\n<!DOCTYPE root [{lol}]>\n",
            "Bomb &lol9;",
            "爆弾 &lol9;",
            "",
        ),
        ("undeclared-entity", "", "Hi &nbsp; &secret;", "やあ", ""),
        ("char-refs-to-controls", "", "Bad &#1; &#xFFFE; &#0;", "悪", ""),
    ]


def build(folder: Path, bait: Path, port: int, closed_port: int, big_line_mb: int = 100) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, filename: str, data: bytes | str, expect: str = "either", want: str = "") -> Path:
        path = folder / filename
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        cases.append(Case(name, path, None, expect, want))
        return path

    # --- XML payloads in every XML container
    for name, prolog, src, tgt, attrs in xml_payloads(bait, port, closed_port):
        for cname, (ext, wrap, _reader) in CONTAINERS.items():
            add(f"{name}/{cname}", f"{name}-{cname}{ext}", wrap(src, tgt, prolog, attrs))
        # the same in an xlsx (sheet XML), where the payload fits a spreadsheet part
        if not attrs and len(src) < 1_000_000 and "<" not in src:
            add(f"{name}/xlsx", f"{name}.xlsx", xlsx_bytes(sheet((src, tgt), prolog)))

    # shared strings as the vector for the spreadsheet reader
    lol_prolog = xml_payloads(bait, port, closed_port)[0][1]
    shared = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{lol_prolog}'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
    )
    sheet_sst = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main"><sheetData><row r="1"><c r="C1" t="inlineStr"><is><t>Source</t></is></c>'
        '<c r="D1" t="inlineStr"><is><t>MT</t></is></c></row><row r="2"><c r="C2" t="s"><v>0</v></c>'
        '<c r="D2" t="s"><v>0</v></c></row></sheetData></worksheet>'
    )
    add(
        "billion-laughs-shared-strings/xlsx", "bomb-sst.xlsx", xlsx_bytes(sheet_sst.encode(), shared.encode())
    )
    # a zip bomb: a 200 MB sheet part that compresses to a few hundred KB
    add("zip-bomb/xlsx", "zip-bomb.xlsx", zip_bomb(200), "reject", "zip bomb")

    # --- truncated, invalid and mislabelled XML
    good = {
        c: wrap("The library opens at nine.", "図書館は九時に開館します。")
        for c, (_e, wrap, _r) in CONTAINERS.items()
    }
    for cname, (ext, _wrap, _reader) in CONTAINERS.items():
        data = good[cname].encode("utf-8")
        add(f"truncated/{cname}", f"truncated-{cname}{ext}", data[: len(data) // 2], "reject")
        add(
            f"truncated-mid-character/{cname}",
            f"truncmb-{cname}{ext}",
            data[: data.index("図".encode()) + 1],
            "reject",
        )
        add(
            f"invalid-utf8/{cname}",
            f"badutf8-{cname}{ext}",
            data.replace("図書館".encode(), b"\xff\xfe\xc3("),
            "reject",
        )
        add(
            f"declared-utf16-is-utf8/{cname}",
            f"lie16-{cname}{ext}",
            data.replace(b'encoding="UTF-8"', b'encoding="UTF-16"'),
        )
        add(
            f"declared-shift-jis-is-utf8/{cname}",
            f"liesjis-{cname}{ext}",
            data.replace(b'encoding="UTF-8"', b'encoding="Shift_JIS"'),
        )
        add(
            f"declared-utf8-is-latin1/{cname}",
            f"lielatin-{cname}{ext}",
            CONTAINERS[cname][1]("Café", "déjà vu").replace("普通。", "Plain.").encode("latin-1"),
            "reject",
        )
        add(
            f"utf32-bomb/{cname}",
            f"utf32-{cname}{ext}",
            wrap_bomb_utf32(CONTAINERS[cname][1], xml_payloads(bait, port, closed_port)[0][1]),
        )
        add(
            f"utf16-no-bom-bomb/{cname}",
            f"utf16-{cname}{ext}",
            CONTAINERS[cname][1]("Bomb &lol9;", "x", xml_payloads(bait, port, closed_port)[0][1])
            .replace('encoding="UTF-8"', 'encoding="UTF-16"')
            .encode("utf-16-le"),
        )
        add(f"empty/{cname}", f"empty-{cname}{ext}", b"", "reject")
        add(f"bom-only/{cname}", f"bom-{cname}{ext}", b"\xef\xbb\xbf", "reject")
        add(f"not-xml/{cname}", f"text-{cname}{ext}", "just some words\nno markup\n", "reject")

    # --- binary junk with every name
    rng = random.Random(1234)
    junk = rng.randbytes(256 * 1024)
    for ext in (".tmx", ".xlf", ".xliff", ".sdlxliff", ".po", ".csv", ".tsv", ".xlsx", ".txt"):
        add(f"binary-junk/{ext[1:]}", f"junk{ext}", junk, "reject")
    add("binary-junk/zip-named-xlsx", "junkzip.xlsx", _zip_of_junk(junk), "reject")
    add(
        "elf-binary/tmx",
        "python.tmx",
        Path(os.path.realpath("/proc/self/exe")).read_bytes()[: 2 * MB],
        "reject",
    )

    # --- text readers: CSV, TSV, PO, the page aligner, a text pair
    line = folder / "_big-line.bin"
    with open(line, "wb") as f:
        chunk = b"word " * (MB // 5)
        for _ in range(big_line_mb):
            f.write(chunk)
        f.write(b"\n")
    for ext in (".csv", ".tsv", ".po", ".txt"):
        path = folder / f"big-line{ext}"
        os.link(line, path)
        cases.append(Case(f"100MB-single-line/{ext[1:]}", path))
    pair_src = folder / "big-line-src.txt"
    os.link(line, pair_src)
    pair_tgt = folder / "pair-target.txt"
    pair_tgt.write_text("訳文。\n", encoding="utf-8")
    cases.append(Case("100MB-single-line/text-pair", pair_src, pair_tgt))
    tab_line = folder / "big-cell.tsv"
    with open(tab_line, "wb") as f:
        f.write(b"x" * (60 * MB) + b"\t" + "訳".encode() + b"\n")
    cases.append(Case("60MB-cell/tsv", tab_line))
    quote = folder / "unterminated-quote.csv"
    with open(quote, "wb") as f:
        f.write(b'"never closed,' + b"a\n" * (10 * MB))
    cases.append(Case("unterminated-quote-20MB/csv", quote, expect="reject"))

    csv_rows = "source,target\nHello.,こんにちは。\n"
    add("nul-bytes/csv", "nul.csv", csv_rows.replace("Hello", "Hel\x00lo"), "reject")
    add("nul-bytes/tsv", "nul.tsv", "Hel\x00lo.\tこんにちは。\n", "reject")
    add("nul-bytes/po", "nul.po", 'msgid "Hel\x00lo"\nmsgstr "やあ"\n', "reject")
    add("nul-bytes/txt", "nul.txt", "Hel\x00lo.\n\nこんにちは。\n", "reject")
    add("invalid-utf8/csv", "badutf8.csv", b"source,target\nHello,\xff\xfe\xc3(\n")
    add("invalid-utf8/po", "badutf8.po", b'msgid "Hello"\nmsgstr "\xff\xfe\xc3("\n')
    add("invalid-utf8/txt", "badutf8.txt", b"Hello.\n\n\xff\xfe\xc3(\n")
    sjis = "source,target\nThe library.,図書館は九時に開館します。\n".encode("shift_jis")
    add("shift-jis-unlabelled/csv", "sjis.csv", sjis, "handle", "図書館は九時に開館します。")
    add("utf16-no-bom/tsv", "utf16.tsv", "The library.\t図書館。\n".encode("utf-16-le"), "handle", "図書館。")
    po_head = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={cs}\\n"\n\nmsgid "Hello"\nmsgstr "{t}"\n'
    )
    add(
        "po-declares-latin1-is-utf8/po",
        "lie-latin1.po",
        po_head.format(cs="ISO-8859-1", t="こんにちは"),
        "handle",
        "こんにちは",
    )
    add("po-declares-utf7/po", "utf7.po", po_head.format(cs="UTF-7", t="+ZeVnLIqe-"))
    add("po-declares-unknown/po", "unknown-cs.po", po_head.format(cs="x-no-such-charset", t="やあ"))
    add("po-truncated/po", "trunc.po", 'msgid "Hello"\nmsgstr "unterminated\n', "reject")
    add(
        "po-huge-plural-count/po",
        "plurals.po",
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=999999999; plural=n;\\n"\n\n'
        'msgid "a"\nmsgid_plural "as"\n' + "".join(f'msgstr[{i}] "x"\n' for i in range(3)),
    )
    return cases


def wrap_bomb_utf32(wrap: Callable[..., str], prolog: str) -> bytes:
    """A billion-laughs file in UTF-32 (no BOM), which a byte-level prolog scan reads as noise."""
    text = wrap("Bomb &lol9;", "x", prolog).replace('encoding="UTF-8"', 'encoding="UCS-4"')
    return text.encode("utf-32-le")


def zip_bomb(megabytes: int) -> bytes:
    """An xlsx whose sheet inflates to ``megabytes`` of empty rows (written in chunks, never held whole)."""
    head, tail = sheet(("Hi.", "やあ。")).split(b"<sheetData>")
    small = io.BytesIO(xlsx_bytes(sheet(("Hi.", "やあ。"))))
    buf = io.BytesIO()
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info.filename, src.read(info.filename))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(head + b"<sheetData>")
            chunk = b"<row/>" * (MB // 6)
            for _ in range(megabytes):
                f.write(chunk)
            f.write(tail)
    return buf.getvalue()


def _zip_of_junk(junk: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", junk[:4096])
        z.writestr("[Content_Types].xml", junk[4096:8192])
    return buf.getvalue()


def make_bait(bait: Path, secret: str, port: int) -> None:
    bait.mkdir(parents=True, exist_ok=True)
    (bait / "secret.txt").write_text(secret + "\n", encoding="utf-8")
    (bait / "external.dtd").write_text(
        f'<!ENTITY secret SYSTEM "{(bait / "secret.txt").as_uri()}">\n'
        f'<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/remote">\n',
        encoding="utf-8",
    )
    (bait / "include.xml").write_text(f"<x>{secret}</x>\n", encoding="utf-8")

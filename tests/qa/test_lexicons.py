"""Lexicons and glossaries: shipped data loads, users extend it, bad files are rejected with file and line
and do not disable the other checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.qa.glossary import Glossary, read_glossary
from mtreview.qa.lexicons import LEXICON_DIR, load_idioms, load_lexicons

from .helpers import run


def test_shipped_lexicons_load_without_errors() -> None:
    lex = load_lexicons(include_user=False)
    assert lex.errors == []
    assert len(lex.idioms) >= 300
    assert len(lex.given_names) >= 400 and "margaret" in lex.given_names
    assert {"inc", "labs", "corp"} <= lex.org_suffixes
    assert all(i.literal for i in lex.idioms)


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        (
            "# header\nspill the beans\t\t豆\t秘密を漏らす\nbreak a thing\tre:(unclosed\t物\t\n",
            3,
            "regular expression",
        ),
        ("spill the beans\t\t豆\t\nSpill the beans\t\tまめ\t\n", 2, "duplicate"),
        ("spill the beans\t\t\t秘密\n", 1, "literal"),
        ("only one column\n", 1, "columns"),
    ],
)
def test_bad_idiom_files_name_file_and_line(tmp_path: Path, content: str, line: int, fragment: str) -> None:
    path = tmp_path / "idioms.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_idioms(path)
    assert info.value.path == str(path) and info.value.line == line
    assert fragment in info.value.message


def test_a_bad_user_lexicon_is_reported_and_the_other_checks_still_run(tmp_path: Path) -> None:
    bad = tmp_path / "idioms.tsv"
    bad.write_text("kick the can\t\t缶\t\nsomething odd\tre:[unbalanced\t変\t\n", encoding="utf-8")
    pairs = [("It costs $5 and he spilled the beans.", "6ドルで、彼は豆をこぼした。")]
    result = run(pairs, settings={"lexicons": {"idioms": [str(bad)]}})
    assert [(e.check, e.segment) for e in result.errors] == [("literal-idiom", None)]
    assert f"{bad}:2" in result.errors[0].message
    # the shipped idioms and every other check still ran
    assert {f.check for f in result.findings} >= {"numbers", "literal-idiom"}


def test_user_lexicon_folder_extends_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data" / "lexicons"
    folder.mkdir(parents=True)
    (folder / "idioms.tsv").write_text(
        "hold the phone\t\t電話を持\tちょっと待って\twait a moment\n"
        "tip of the iceberg\t\t氷山\t氷山の一角\ta small visible part\n",
        encoding="utf-8",
    )
    (folder / "given_names.txt").write_text("Zorblat\n", encoding="utf-8")
    monkeypatch.setenv("MTREVIEW_DATA_DIR", str(tmp_path / "data"))
    pairs = [
        ("Hold the phone, please.", "電話を持ってください。"),
        ("This is the tip of the iceberg.", "これは氷山の一角だ。"),
        ("This is the tip of the iceberg again.", "これもまた氷山の上だ。"),
        ("Zorblat Quince wrote it.", "ゾルブラット・クインス社が書いた。"),
    ]
    result = run(pairs, ["literal-idiom", "name-as-company"], {"user_lexicons": True})
    assert sorted((f.check, f.segment, f.text) for f in result.findings) == [
        ("literal-idiom", "1", "電話を持"),
        ("literal-idiom", "3", "氷山"),
        ("name-as-company", "4", "ゾルブラット・クインス社"),
    ]


CSV_GLOSSARY = (
    "source,target,type,forbidden,note\ncheckout,購入手続き,term,チェックアウト,\nEllery,エレリー,person,,\n"
)
TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1">
  <descrip type="entityType">organization</descrip>
  <langSet xml:lang="en"><tig><term>Fabrikam</term></tig></langSet>
  <langSet xml:lang="ja"><tig><term>ファブリカム</term></tig></langSet>
</termEntry>
<termEntry id="t2">
  <langSet xml:lang="en"><tig><term>checkout</term></tig></langSet>
  <langSet xml:lang="ja">
    <tig><term>購入手続き</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>チェックアウト</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
</body></text></martif>
"""


def test_glossary_csv_and_tbx_import(tmp_path: Path) -> None:
    csv_path = tmp_path / "glossary.csv"
    csv_path.write_text(CSV_GLOSSARY, encoding="utf-8")
    tbx_path = tmp_path / "glossary.tbx"
    tbx_path.write_text(TBX, encoding="utf-8")
    csv_entries = read_glossary(csv_path)
    assert [(e.source, e.targets, e.type, e.forbidden) for e in csv_entries] == [
        ("checkout", ("購入手続き",), "term", ("チェックアウト",)),
        ("Ellery", ("エレリー",), "person", ()),
    ]
    tbx_entries = read_glossary(tbx_path)
    assert [(e.source, e.targets, e.type, e.forbidden) for e in tbx_entries] == [
        ("Fabrikam", ("ファブリカム",), "org", ()),
        ("checkout", ("購入手続き",), "term", ("チェックアウト",)),
    ]
    glossary = Glossary(tbx_entries)
    assert glossary.entity_type("fabrikam") == "org"
    result = run(
        [("Go to checkout.", "チェックアウトへ。")], ["glossary"], {"glossary_files": [str(tbx_path)]}
    )
    assert sorted(f.text for f in result.findings) == ["checkout", "チェックアウト"]


@pytest.mark.parametrize(
    ("name", "content", "line", "fragment"),
    [
        ("g.csv", 'source,target\ncheckout,"購入手続き\n', 2, "malformed"),
        ("g.csv", "source,target\ncheckout,購入手続き\nCheckout,精算\n", 3, "duplicate"),
        ("g.csv", "source,target,type\nEllery,エレリー,alien\n", 2, "unknown entry type"),
        (
            "g.tbx",
            "<martif><text><body>\n<termEntry><langSet xml:lang='en'>\n</body></martif>\n",
            3,
            "malformed TBX",
        ),
        ("g.tbx", TBX.replace("</martif>", "") + "\n", None, "malformed TBX"),
        (
            "g.tbx",
            TBX.replace(
                '<termEntry id="t2">',
                '<termEntry id="t2">\n<langSet xml:lang="en"><tig><term>Fabrikam</term></tig></langSet>',
            ),
            9,
            "duplicate",
        ),
    ],
)
def test_bad_glossaries_name_file_and_line(
    tmp_path: Path, name: str, content: str, line: int | None, fragment: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert info.value.path == str(path) and fragment in info.value.message
    if line is not None:
        assert info.value.line == line
    result = run([("It costs $5.", "6ドルです。")], None, {"glossary_files": [str(path)]})
    assert [e.check for e in result.errors] == ["glossary"]
    assert [f.check for f in result.findings] == ["numbers"]


def test_tbx_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    path = tmp_path / "evil.tbx"
    path.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>
<martif><text><body><termEntry>
<langSet xml:lang="en"><tig><term>secret&xxe;</term></tig></langSet>
<langSet xml:lang="ja"><tig><term>秘密</term></tig></langSet>
</termEntry></body></text></martif>
""",
        encoding="utf-8",
    )
    try:
        entries = read_glossary(path)
    except InputError:
        return
    assert all("TOPSECRET" not in e.source for e in entries)


def test_shipped_files_are_where_the_package_data_says() -> None:
    assert {p.name for p in LEXICON_DIR.iterdir()} >= {
        "idioms.tsv",
        "given_names.txt",
        "org_suffixes.txt",
        "false_friends.tsv",
    }


def test_add_user_idiom_is_validated_and_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtreview.qa.lexicons import add_user_idiom

    monkeypatch.setenv("MTREVIEW_DATA_DIR", str(tmp_path))
    path = add_user_idiom("guard the lighthouse", ["灯台を守"], ["踏みとどまる"], "hold on")
    assert path == tmp_path / "lexicons" / "idioms.tsv"
    with pytest.raises(InputError, match="duplicate"):
        add_user_idiom("Guard the lighthouse", ["灯台"])
    with pytest.raises(InputError, match="regular expression"):
        add_user_idiom("odd one", ["変"], pattern="re:(unclosed")
    with pytest.raises(InputError):
        add_user_idiom("no literal words", [])
    result = run(
        [("They guarded the lighthouse.", "彼らは灯台を守った。")], ["literal-idiom"], {"user_lexicons": True}
    )
    assert [(f.text, f.suggestion) for f in result.findings] == [("灯台を守", "踏みとどまる")]


@pytest.mark.parametrize(
    ("source", "literal", "right"),
    [
        (
            "The bonus was the icing on the cake.",
            "ボーナスはケーキのアイシングだった。",
            "ボーナスはさらに良いおまけだった。",
        ),
        (
            "He left with a golden handshake.",
            "彼は黄金の握手とともに去った。",
            "彼は多額の退職金を受け取って去った。",
        ),
        ("The talks were plain sailing.", "協議は平らな航海だった。", "協議は順調だった。"),
    ],
)
def test_idioms_added_in_december(source: str, literal: str, right: str) -> None:
    from .helpers import findings

    assert len(findings([(source, literal)], "literal-idiom")) == 1
    assert findings([(source, right)], "literal-idiom") == []

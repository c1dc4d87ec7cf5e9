"""Safe, streaming XML reading shared by the TMX and XLIFF readers, and the XML text helpers the writers use.

Every parser here runs with entity resolution, DTD loading and network access off and ``huge_tree``
off. On top of that the head of each file is scanned for ``<!ENTITY`` declarations (billion laughs,
quadratic blowup, XXE) and such files are rejected at once with a clear message, before lxml sees them.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from lxml import etree

from mtreview.domain.errors import InputError
from mtreview.formats import placeholders as ph
from mtreview.i18n import _

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
HEAD_BYTES = 256 * 1024

_ATTR_ESCAPES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
# Characters XML 1.0 cannot carry at all (not even as references).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _head_text(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            data = f.read(HEAD_BYTES)
    except FileNotFoundError:
        raise InputError(_("no such file"), str(path)) from None
    except IsADirectoryError:
        raise InputError(_("this is a folder, not a file"), str(path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), str(path)) from None
    if not data.strip():
        raise InputError(_("the file is empty"), str(path))
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(enc, errors="replace")
    if len(data) > 4 and data[0] == 0 and data[1] != 0:
        return data.decode("utf-16-be", errors="replace")
    if len(data) > 4 and data[1] == 0 and data[0] != 0:
        return data.decode("utf-16-le", errors="replace")
    return data.decode("latin-1")


def check_prolog(path: Path) -> None:
    """Reject entity declarations (and with them entity bombs and XXE) before parsing."""
    head = _head_text(path)
    at = head.find("<!ENTITY")
    if at >= 0:
        line = head.count("\n", 0, at) + 1
        raise InputError(
            _(
                "the file declares XML entities, which are not accepted"
                " (possible entity expansion or external entity attack)"
            ),
            str(path),
            line,
        )


@contextlib.contextmanager
def iterparse(
    path: Path, tags: tuple[str, ...] | None = None, events: tuple[str, ...] = ("end",)
) -> Iterator[Any]:
    """A safe ``etree.iterparse`` over ``path``; the file is closed when the block ends."""
    check_prolog(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), str(path)) from None
    with handle:
        etree.clear_error_log()  # syntax_error() reads the first error of this parse from the log
        yield _iterparse(handle, tags, events)


def _iterparse(handle: Any, tags: tuple[str, ...] | None, events: tuple[str, ...]) -> Any:
    return etree.iterparse(
        handle,
        events=events,
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=True,
    )


def parse_tree(path: Path) -> Any:
    """Whole-document parse with the same safety settings (for validation and small files)."""
    check_prolog(path)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=False
    )
    try:
        return etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
    except OSError as exc:
        raise InputError(str(exc), str(path)) from None


def syntax_error(exc: etree.XMLSyntaxError, path: Path) -> InputError:
    msg = (exc.msg or str(exc)).splitlines()[0]
    line = exc.lineno or None
    errors = [e for e in (exc.error_log or ()) if e.line]
    if errors and (not line or msg == "no element found"):
        # iterparse reports the last error; the first one in the log says what went wrong, and where
        msg, line = errors[0].message, errors[0].line
    # lxml appends ", line N, column M"; we carry the line separately
    msg = re.sub(r",? line \d+, column \d+$", "", msg)
    return InputError(_("not well-formed XML: {error}").format(error=msg), str(path), line)


def release(elem: Any) -> None:
    """Free a processed element and its already-processed preceding siblings (streaming)."""
    elem.clear(keep_tail=True)
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def local(tag: Any) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def ns_of(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


# ---------------------------------------------------------------- serialising markup by hand


escape_text = ph.escape


_NEEDS_ATTR_ESCAPE = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def escape_attr(value: str) -> str:
    if _NEEDS_ATTR_ESCAPE.search(value) is None:
        return value
    return ph.xml_escape(_INVALID_XML.sub("\ufffd", value), _ATTR_ESCAPES)


def _qname(name: str, el: Any, ns_used: dict[str, str], is_attr: bool) -> str:
    if not name.startswith("{"):
        return name
    uri, loc = name[1:].split("}", 1)
    if uri == XML_NS:
        return "xml:" + loc
    prefix = None
    for p, u in (el.nsmap or {}).items():
        if u == uri and (p is not None or not is_attr):
            prefix = p
            break
    if prefix is None and is_attr:
        prefix = "ns" + str(len(ns_used))
    ns_used["" if prefix is None else prefix] = uri
    return loc if prefix is None else f"{prefix}:{loc}"


def start_tag(el: Any, ns_used: dict[str, str], close: bool = False) -> str:
    parts = [_qname(el.tag, el, ns_used, False)]
    for k, v in el.attrib.items():
        parts.append(f'{_qname(k, el, ns_used, True)}="{escape_attr(v)}"')
    return "<" + " ".join(parts) + ("/>" if close else ">")


def end_tag(el: Any, ns_used: dict[str, str]) -> str:
    return f"</{_qname(el.tag, el, ns_used, False)}>"


def serialize(el: Any, ns_used: dict[str, str], path: Path | None = None) -> str:
    """The element with its content (not its tail), namespaces collected in ``ns_used``."""
    if isinstance(el, etree._Comment):
        return f"<!--{el.text or ''}-->"
    if isinstance(el, etree._ProcessingInstruction):
        return f"<?{el.target} {el.text or ''}?>"
    if isinstance(el, etree._Entity):
        raise InputError(
            _("undeclared entity {name}").format(name=el.text), str(path) if path else None, el.sourceline
        )
    if len(el) == 0 and not el.text:
        return start_tag(el, ns_used, close=True)
    out = [start_tag(el, ns_used), escape_text(el.text or "")]
    for child in el:
        out.append(serialize(child, ns_used, path))
        out.append(escape_text(child.tail or ""))
    out.append(end_tag(el, ns_used))
    return "".join(out)


def declare(xml: str, ns: Mapping[str, str], skip: Iterable[str] = ()) -> str:
    """Add namespace declarations to the first start tag of an XML fragment (standalone markup)."""
    skip = set(skip)
    decls = "".join(
        f' xmlns="{escape_attr(u)}"' if p == "" else f' xmlns:{p}="{escape_attr(u)}"'
        for p, u in ns.items()
        if not (p == "" and u in skip) and p != "xml"
    )
    if not decls or not xml.startswith("<") or xml.startswith("</"):
        return xml
    m = re.match(r"<[^\s/>]+", xml)
    if m is None:
        return xml
    return xml[: m.end()] + decls + xml[m.end() :]


def serialize_standalone(el: Any, path: Path | None = None, skip: Iterable[str] = ()) -> str:
    ns: dict[str, str] = {}
    xml = serialize(el, ns, path)
    return declare(xml, ns, skip)


def inline_content(
    container: Any,
    wrapping: frozenset[str],
    path: Path,
    skip_ns: frozenset[str] = frozenset(),
    markup: list[dict[str, Any]] | None = None,
) -> tuple[str, list[dict[str, Any]]]:
    """Text of ``container`` with inline elements replaced by placeholders (see ``placeholders``).

    Elements whose local name is in ``wrapping`` become an open and a close placeholder around their
    (editable) content; every other element becomes one placeholder holding the whole element.
    """
    if markup is None:
        markup = []
    parts: list[str] = []

    def add(kind: str, xml: str, ns: Mapping[str, str], el: Any) -> None:
        if len(markup) >= ph.LIMIT:
            raise InputError(_("too many inline tags in one segment"), str(path), el.sourceline)
        rec: dict[str, Any] = {"k": kind, "x": xml}
        used = {p: u for p, u in ns.items() if u not in skip_ns or p != ""}
        if used:
            rec["ns"] = used
        markup.append(rec)
        parts.append(ph.placeholder(len(markup) - 1))

    def text(t: str | None) -> None:
        if t:
            parts.append(ph.escape_literal(t, markup))

    def walk(el: Any) -> None:
        text(el.text)
        for child in el:
            ns: dict[str, str] = {}
            if isinstance(child, etree._Entity):
                raise InputError(
                    _("undeclared entity {name}").format(name=child.text), str(path), child.sourceline
                )
            if isinstance(child.tag, str) and local(child.tag) in wrapping:
                add("open", start_tag(child, ns), ns, child)
                walk(child)
                ns2: dict[str, str] = {}
                add("close", end_tag(child, ns2), ns2, child)
            else:
                xml = serialize(child, ns, path)
                add("ph", xml, ns, child)
            text(child.tail)

    walk(container)
    return "".join(parts), markup


def attrs(el: Any) -> dict[str, str]:
    """Attributes as a plain JSON-able dict, ``xml:`` names spelt with their prefix."""
    out: dict[str, str] = dict(el.attrib)
    for k in [k for k in out if k[0] == "{"]:
        if k.startswith("{" + XML_NS + "}"):
            out["xml:" + k.split("}", 1)[1]] = out.pop(k)
    return out


def qattrs(el: Any) -> dict[str, str]:
    """Attributes with prefixed names, plus the ``xmlns:p`` declarations the prefixes need (JSON-able)."""
    ns: dict[str, str] = {}
    out: dict[str, str] = {}
    for k, v in el.attrib.items():
        out[_qname(k, el, ns, True)] = v
    for p, u in ns.items():
        if p:
            out["xmlns:" + p] = u
    return out


def attr_string(values: Mapping[str, Any], skip: frozenset[str] = frozenset()) -> str:
    return "".join(
        f' {k}="{escape_attr(str(v))}"' for k, v in values.items() if k not in skip and v is not None
    )


MAX_ATTRIBUTES = 1000
"""More attributes than this on one element is an attack, not a translation file: reading attributes
through lxml costs time quadratic in their number (50,000 take minutes)."""


def _check_attributes(el: Any, path: Path, subtree: bool) -> None:
    for e in el.iter() if subtree else (el,):
        if len(e.attrib) > MAX_ATTRIBUTES:
            raise InputError(
                _("not well-formed XML: {error}").format(
                    error=f"<{local(e.tag)}> has more than {MAX_ATTRIBUTES} attributes"
                ),
                str(path),
                e.sourceline,
            )


def check_attributes(el: Any, path: Path) -> None:
    """Refuse ``el`` or an element below it with absurdly many attributes (see ``iter_errors``)."""
    _check_attributes(el, path, subtree=True)


def iter_errors(it: Any, path: Path, check: bool = True) -> Iterator[tuple[str, Any]]:
    """Iterate an ``iterparse`` turning parser errors into ``InputError`` with file and line.

    Elements with absurdly many attributes are refused before the reader looks at them (at their
    start event, or with their whole subtree at an end event of a tag-filtered parse). ``check=False``:
    the reader calls ``check_attributes`` itself before it reads an element's attributes."""
    try:
        for event, el in it:
            if check:
                _check_attributes(el, path, subtree=event == "end")
            yield event, el
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
    except OSError as exc:
        raise InputError(str(exc), str(path)) from None


def fspath(path: str | os.PathLike[str]) -> Path:
    return Path(os.fspath(path))

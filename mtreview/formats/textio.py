"""Reading text files safely: encoding detection, BOMs, line splitting with physical line numbers."""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from mtreview.domain.errors import InputError
from mtreview.i18n import _

MAX_TEXT_BYTES = 512 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A line ends at \n, \r\n or \r (PRODUCT.md "Lines"); nothing else (not U+2028, not \f).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    """1-based physical line number in its file."""
    text: str
    """The line stripped of surrounding whitespace."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    had_bom: bool


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls > len(sample) // 20


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, path: str | os.PathLike[str]) -> DecodedText:
    """Decode a text file's bytes: BOM, then strict UTF-8, UTF-16 without BOM, then Japanese legacy
    encodings (charset-normalizer). Binary data and undecodable text raise ``InputError``."""
    name = str(path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(encoding), encoding, True)
            except UnicodeDecodeError as exc:
                raise InputError(
                    _("the file starts with a {encoding} byte order mark but is not valid {encoding}").format(
                        encoding=encoding
                    ),
                    name,
                    _line_of(data[len(bom) :], exc.start, encoding),
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return DecodedText(data.decode(utf16), utf16, False)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        # NUL bytes in a text file mean UTF-16, even when every byte happens to be below 0x80
        utf16 = _utf16_by_content(data)
        if utf16 is not None:
            return DecodedText(data.decode(utf16), utf16, False)
    if b"\x1b$" in data:  # ISO-2022-JP escape sequences (pure 7-bit, so also "valid UTF-8")
        try:
            return DecodedText(data.decode("iso2022_jp"), "iso2022_jp", False)
        except UnicodeDecodeError:
            pass
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    refuse_damaged_utf8(data, name)
    if b"\x00" not in data:
        # legacy Japanese encodings first: their text has no NUL bytes, UTF-16 text nearly always has
        legacy = _best_legacy_japanese(data)
        if legacy is not None:
            return legacy
    utf16 = _utf16_by_content(data)
    if utf16 is not None:
        return DecodedText(data.decode(utf16), utf16, False)
    if _looks_binary(data):
        raise InputError(_("this is not a text file (it contains binary data)"), name)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
    except Exception:  # charset-normalizer is a heuristic; never let it crash an import
        best = None
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            guessed = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            guessed = None
        # Only a guess that reads as English or Japanese is taken (a cp1252 "’" in an English file):
        # invalid UTF-8 that merely decodes as, say, Arabic or Cyrillic is mojibake, not text.
        if guessed is not None and _plausible_en_ja(guessed):
            return DecodedText(guessed, best.encoding, False)
    raise InputError(
        _(
            "the file is not valid UTF-8 (byte {offset}, 0x{byte:02X}) and its encoding could not be "
            "recognised; save it as UTF-8 and import it again"
        ).format(offset=utf8_error.start, byte=data[utf8_error.start]),
        name,
        _line_of(data, utf8_error.start, "latin-1"),
    )


LEGACY_JAPANESE = ("cp932", "euc_jp", "iso2022_jp", "shift_jis_2004", "euc_jis_2004")
"""Tried in this order, each strictly (a byte it cannot decode rules it out). Windows' cp932 reads 0x8160
as ～ (FULLWIDTH TILDE), as Windows users type it; cp932 and Shift_JIS cannot tell ～ from 〜 (WAVE DASH)
at all. A file that does tell them apart is in a JIS X 0213 encoding (EUC-JIS-2004 has both), tried
after the older ones fail on its new characters: both stay distinct."""

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_DAMAGED = 0.8
"""A line whose non-ASCII bytes are at least this share valid UTF-8 is UTF-8 with bad bytes in it: Japanese
in a legacy encoding reads as valid UTF-8 by accident for 35–45 % of its bytes, never for whole lines."""


def refuse_damaged_utf8(data: bytes, name: str) -> None:
    """A file that is UTF-8 in places and not in others (a stray Latin-1 byte, a Shift_JIS half) is in no
    single encoding: refuse it, naming the line and byte offset of the first byte that is not UTF-8,
    rather than read all of it as mojibake in some legacy encoding."""
    utf8_chars = 0
    first_bad: tuple[int, int] | None = None  # (line, offset)
    offset = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            offset += len(line) + 1
            continue
        high = sum(1 for b in line if b >= 0x80)
        valid = sum(len(m.group()) for m in _UTF8_MULTIBYTE.finditer(line))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            if first_bad is None:
                first_bad = (number, offset + exc.start)
            if valid >= _DAMAGED * high:
                utf8_chars += len(_UTF8_MULTIBYTE.findall(line))
        else:
            utf8_chars += len(_UTF8_MULTIBYTE.findall(line))
        offset += len(line) + 1
    if first_bad is not None and utf8_chars >= 2:
        line_no, at = first_bad
        raise InputError(
            _(
                "the file is UTF-8 elsewhere, but byte {offset} (0x{byte:02X}) is not valid UTF-8: "
                "a damaged file or one mixing encodings; save it in one encoding and import it again"
            ).format(offset=at, byte=data[at]),
            name,
            line_no,
        )


def _best_legacy_japanese(data: bytes) -> DecodedText | None:
    """The legacy Japanese encoding that decodes ``data`` strictly into the most plausible Japanese
    (EUC-JP bytes also decode as cp932, into half-width katakana: full-width text wins)."""
    best: tuple[float, int, DecodedText] | None = None
    for rank, encoding in enumerate(LEGACY_JAPANESE):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not (_mostly_japanese_or_ascii(text) and _reads_as_japanese(text)):
            continue
        score = _fullwidth_share(text)
        if best is None or score > best[0]:
            best = (score, -rank, DecodedText(text, encoding, False))
    return None if best is None else best[2]


def _fullwidth_share(text: str) -> float:
    non_ascii = [ch for ch in text if not ch.isascii()]
    if not non_ascii:
        return 0.0
    good = sum(
        1
        for ch in non_ascii
        if "\u3000" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff01" <= ch <= "\uff5e"
    )
    return good / len(non_ascii)


def _reads_as_japanese(text: str) -> bool:
    """Text decoded with a legacy Japanese encoding that is real Japanese, not a stray byte of another
    encoding read as one odd kanji: it has kana, or a fair amount of non-ASCII text."""
    non_ascii = [ch for ch in text if not ch.isascii()]
    return (
        any("\u3040" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9f" for ch in non_ascii)
        or len(non_ascii) >= 8
    )


def _utf16_by_content(data: bytes) -> str | None:
    """UTF-16 without a BOM whose text is mostly Japanese (so few NUL bytes for ``_utf16_without_bom``
    to see): accept it when it decodes strictly into Japanese, ASCII and line breaks only."""
    if len(data) % 2 or len(data) < 4:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(ch < " " and ch not in "\t\r\n" for ch in text[:4096]):
            continue
        # line breaks as UTF-16 characters: ASCII bytes read in pairs make CJK-looking text, never "\n"
        if ("\n" in text or "\r" in text) and _mostly_japanese_or_ascii(text):
            return encoding
    return None


def _plausible_en_ja(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    good = sum(
        1
        for ch in letters
        if ch < "\u0250"
        or "\u3040" <= ch <= "\u30ff"
        or "\u3400" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
    )
    return good / len(letters) >= 0.97


def _mostly_japanese_or_ascii(text: str) -> bool:
    if not text:
        return True
    good = sum(
        1
        for ch in text
        if ch.isascii()
        or "\u3000" <= ch <= "\u30ff"
        or "\u4e00" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
    )
    return good / len(text) > 0.97


def _line_of(data: bytes, offset: int, encoding: str) -> int:
    head = data[:offset]
    if encoding.startswith("utf-16"):
        return head.decode(encoding, errors="replace").count("\n") + 1
    return head.count(b"\n") + 1


MAX_LINE_BYTES = 1024 * 1024
"""No paragraph is a megabyte long: such a line is minified data, a dump or a binary file."""


def _TOO_LONG() -> str:  # a function, so the message is translated at use time
    return _("line is too long (more than {limit} bytes): not a text document?")


def _check_line_lengths(p: Path, limit: int) -> None:
    """Stream the file once and reject an overlong line before the whole file is read into memory
    (a 100 MB single line must not exhaust a small memory limit)."""
    line = 1
    current = 0
    previous_cr = False
    with p.open("rb") as f:
        while chunk := f.read(1 << 20):
            parts = chunk.replace(b"\r", b"\n").split(b"\n")
            current += len(parts[0])
            lengths = [current, *(len(x) for x in parts[1:])]
            for k, length in enumerate(lengths[:-1] if len(lengths) > 1 else lengths):
                if length > limit:
                    raise InputError(
                        _TOO_LONG().format(limit=limit),
                        str(p),
                        line + _breaks(chunk, k, previous_cr),
                    )
            if len(lengths) > 1:
                line += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
                if previous_cr and chunk.startswith(b"\n"):
                    line -= 1
                current = lengths[-1]
            if current > limit:
                raise InputError(_TOO_LONG().format(limit=limit), str(p), line)
            previous_cr = chunk.endswith(b"\r")


def _breaks(chunk: bytes, separators: int, previous_cr: bool) -> int:
    """Line breaks among the first ``separators`` \\r/\\n bytes of ``chunk`` (\\r\\n counts once)."""
    count = 0
    seen = 0
    prev = b"\r" if previous_cr else b""
    for index in range(len(chunk)):
        if seen >= separators:
            break
        byte = chunk[index : index + 1]
        if byte in (b"\r", b"\n"):
            seen += 1
            if not (byte == b"\n" and prev == b"\r"):
                count += 1
        prev = byte
    return count


def read_text(path: str | os.PathLike[str], max_line_bytes: int = MAX_LINE_BYTES) -> DecodedText:
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise InputError(_("not a regular file"), str(path))
        if size > MAX_TEXT_BYTES:
            raise InputError(_("the file is too large ({size} bytes)").format(size=size), str(path))
        if size > max_line_bytes:
            _check_line_lengths(p, max_line_bytes)
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(_("no such file"), str(path)) from None
    except IsADirectoryError:
        raise InputError(_("this is a folder, not a file"), str(path)) from None
    except PermissionError:
        raise InputError(_("permission denied"), str(path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), str(path)) from None
    if not data.strip():
        raise InputError(_("the file is empty"), str(path))
    decoded = decode_bytes(data, path)
    if "\x00" in decoded.text:
        # a NUL inside valid text (UTF-16 is decoded by now): no text format carries it, and every
        # export of ours would either drop it or write a file no tool reads back
        at = decoded.text.index("\x00")
        raise InputError(_("the file contains NUL characters"), str(path), _line_of_text(decoded.text, at))
    remember(p, decoded.encoding)
    return decoded


def _line_of_text(text: str, index: int) -> int:
    return len(split_lines(text[:index] + "x"))


_DETECTED: dict[tuple[str, int, int], str] = {}


def _key(p: Path) -> tuple[str, int, int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return (str(p.resolve()), st.st_size, st.st_mtime_ns)


def remember(p: Path, encoding: str) -> None:
    """Record how a file was decoded (``detected_encoding``)."""
    key = _key(p)
    if key is not None:
        if len(_DETECTED) >= 32:
            _DETECTED.pop(next(iter(_DETECTED)))
        _DETECTED[key] = encoding


def detected_encoding(path: str | os.PathLike[str]) -> str | None:
    """The encoding the last read of this file (unchanged since) was decoded with, for the import
    summary; ``None`` if it was not read as text."""
    key = _key(Path(path))
    return None if key is None else _DETECTED.get(key)


def is_utf8(encoding: str | None) -> bool:
    return encoding is None or encoding.replace("_", "-").lower() in ("utf-8", "ascii", "utf-8-sig")


def split_lines(text: str) -> list[str]:
    """Physical lines; a last line without a line ending still counts, a final line ending adds none."""
    if text.startswith("\ufeff"):
        text = text[1:]
    parts = _LINE_BREAK.split(text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


def numbered_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped, with their 1-based physical line numbers."""
    return [Line(i, s.strip()) for i, s in enumerate(split_lines(text), start=1) if s.strip()]

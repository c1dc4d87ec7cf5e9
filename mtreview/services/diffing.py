"""Track changes: what an edit did, character by character in Japanese and word by word in English.

One tokenizer serves both languages: each CJK character (kanji, kana, full-width forms) is a token,
a run of Latin letters/digits is a token, whitespace runs and other characters are tokens of their
own. The diff of the two token lists (rapidfuzz's Indel opcodes, an LCS diff) is returned as runs of
equal, deleted and inserted text with code-point offsets into both sides, for the editor's
track-changes view, a grid column, the HTML report, and the TM panel's diff against the source.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
    r"|[^\W_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]+"
    r"|\s+"
    r"|.",
    re.DOTALL,
)

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


@dataclass(frozen=True, slots=True)
class DiffRun:
    op: str
    """``equal``, ``delete`` (only in the old text) or ``insert`` (only in the new text)."""
    text: str
    old_start: int
    """Where the run is in the old text (for an insert: where it would go)."""
    new_start: int
    """Where the run is in the new text (for a delete: where it was taken out)."""


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff(old: str, new: str) -> list[DiffRun]:
    """Runs that turn ``old`` into ``new``; joining the equal and deleted runs gives ``old``, the equal
    and inserted ones give ``new``."""
    a, b = tokens(old), tokens(new)
    a_off = _offsets(a)
    b_off = _offsets(b)
    runs: list[DiffRun] = []
    # Between two equal runs, everything taken out is shown first, then everything put in.
    pending: list[tuple[int, int, int, int]] = []

    def flush() -> None:
        if not pending:
            return
        src_start, dest_start = pending[0][0], pending[0][2]
        src_end, dest_end = pending[-1][1], pending[-1][3]
        gone = "".join(a[src_start:src_end])
        added = "".join(b[dest_start:dest_end])
        if gone:
            runs.append(DiffRun(DELETE, gone, a_off[src_start], b_off[dest_start]))
        if added:
            runs.append(DiffRun(INSERT, added, a_off[src_end], b_off[dest_start]))
        pending.clear()

    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            flush()
            text = "".join(a[op.src_start : op.src_end])
            runs.append(DiffRun(EQUAL, text, a_off[op.src_start], b_off[op.dest_start]))
        else:
            pending.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    flush()
    return runs


def _offsets(toks: list[str]) -> list[int]:
    out = [0]
    for t in toks:
        out.append(out[-1] + len(t))
    return out


def changed(runs: list[DiffRun]) -> bool:
    return any(r.op != EQUAL for r in runs)


def similarity(old: str, new: str) -> float:
    """0–100: how much of the token sequence two texts share (100: identical)."""
    return 100.0 * Indel.normalized_similarity(tokens(old), tokens(new))


def to_html(runs: list[DiffRun]) -> str:
    """The runs as HTML: deletions in ``<del>``, insertions in ``<ins>`` (escaped, no styles)."""
    parts = []
    for r in runs:
        text = html.escape(r.text)
        if r.op == DELETE:
            parts.append(f"<del>{text}</del>")
        elif r.op == INSERT:
            parts.append(f"<ins>{text}</ins>")
        else:
            parts.append(text)
    return "".join(parts)


def to_text(runs: list[DiffRun]) -> str:
    """A plain-text rendering: ``[-deleted-]{+inserted+}`` (as ``git diff --word-diff`` prints it)."""
    parts = []
    for r in runs:
        if r.op == DELETE:
            parts.append(f"[-{r.text}-]")
        elif r.op == INSERT:
            parts.append(f"{{+{r.text}+}}")
        else:
            parts.append(r.text)
    return "".join(parts)

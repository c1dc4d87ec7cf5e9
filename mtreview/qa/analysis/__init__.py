"""Language analysis the meaning checks share (no Qt, no storage).

* ``japanese`` — tokens, base forms and parts of speech from MeCab with IPADIC (``mecab-python3`` and
  ``ipadic``, which ``sacrebleu[ja]`` already installs: no second analyser, no model download);
* ``english`` — words, lemmas (``simplemma``: small, maintained, data inside the package), sentences and
  clauses;
* ``dictionary`` — an English↔Japanese word index derived once from JMdict (``jamdict-data``) into the
  user cache folder, queried through an LRU cache.

Everything is loaded lazily on first use; ``warm_up()`` pays the start-up (analyser, lemma tables, the
dictionary index build on a first run) in whatever thread calls it — the import and check jobs call it on
their worker, never the GUI thread.
"""

from __future__ import annotations

import contextlib
import threading

from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.qa.analysis.dictionary import no_wait

__all__ = ["no_wait", "start_warm_up", "warm_up"]

_STARTED = threading.Event()


def warm_up(progress: Progress = NO_PROGRESS) -> None:
    """Load the analysers and open (building on a first run) the dictionary index. Inside ``no_wait()``
    the index is only opened if it is already built."""
    from mtreview.qa.analysis import dictionary, english, japanese

    japanese.tokens("日本語")
    english.lemma("warming")
    # without it the checks run on (and say nothing the dictionary would have to tell)
    with contextlib.suppress(dictionary.DictionaryUnavailable):
        dictionary.default_dictionary(progress)


def start_warm_up() -> None:
    """``warm_up()`` on a daemon thread, once per process; returns at once. For callers on the GUI thread
    (the correction checks): the analysers load and, on a first run, the index is built meanwhile."""
    if _STARTED.is_set():
        return
    _STARTED.set()
    threading.Thread(target=warm_up, name="mtreview-analysers", daemon=True).start()

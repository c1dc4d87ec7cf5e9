"""XLIFF 1.2 and 2.x: a streaming reader for both, and an XLIFF 2.x writer.

Reading (lxml iterparse, one ``<unit>``/``<trans-unit>`` in memory at a time):

* XLIFF 2.x (namespaces ``urn:oasis:names:tc:xliff:document:2.0`` for 2.0/2.1 and ``…:2.2``): one
  segment per ``<segment>``; the key is the unit id (``unit:segment`` when a unit has several
  segments). ``meta`` keeps the file and unit ids, the unit's notes, ``originalData`` and
  ``<ignorable>``s, and the segment's attributes, so the XLIFF 2 writer restores the unit.
  The core constraints of the specification that a structural schema cannot express are checked
  (``_Validator2``: unique ids, ``sc``/``ec`` and ``sm``/``em`` order, data references, languages,
  state values…); if XSDs are available (``schema_files`` / ``MTREVIEW_XLIFF_SCHEMAS``, only local
  files), the file is validated against them too.
* XLIFF 1.2 (and 1.0/1.1): one segment per ``<trans-unit>``; the key is its id; notes, context groups,
  alt-trans and other children are kept verbatim in ``meta``; ``state="final"``/``signed-off`` read as
  approved.

Inline markup becomes placeholders (``mtreview.formats.placeholders``).

Writing XLIFF 2.1: ``<target state>`` from the status (approved → final, corrected/rejected →
reviewed, otherwise translated, or initial without text; ``subState="mtreview:<status>"``), notes kept,
and the annotations as ITS Localization Quality Issues: a standoff ``<its:locQualityIssues>`` per unit,
referenced from an ``<mrk type="its:any">`` around the segment's target text.

The package: ``common`` (namespaces, patterns, inline text), ``schema`` (local XSD validation), ``reader``
(picks the version), ``reader12`` (1.2), ``reader2`` + ``validate2`` + ``modules2`` (2.x: reader, core
constraints, module constraints), ``writer2`` (2.1), ``writer12`` (a fresh 1.2 file), ``states`` (states
read and written), ``merge`` (the review written back into the original file).
"""

from mtreview.formats.registry import ReaderInfo, WriterInfo, register_reader, register_writer
from mtreview.formats.xliff.common import ITS_NS, MTREVIEW_SUBSTATE, NS1, NS2, NS12, NS20, NS22
from mtreview.formats.xliff.reader import read_xliff
from mtreview.formats.xliff.schema import ENV_SCHEMAS, schema_files
from mtreview.formats.xliff.writer2 import write_xliff
from mtreview.formats.xliff.writer12 import write_xliff12

register_reader(
    ReaderInfo("xliff", (".xlf", ".xliff", ".sdlxliff", ".mqxliff"), read_xliff, "XLIFF 1.2 / 2.x", sink=True)
)
register_writer(WriterInfo("xliff", ".xlf", write_xliff, "XLIFF 2.1 with ITS quality issues"))
register_writer(WriterInfo("xliff12", ".xlf", write_xliff12, "XLIFF 1.2 (strict schema)"))

__all__ = [
    "ENV_SCHEMAS",
    "ITS_NS",
    "MTREVIEW_SUBSTATE",
    "NS1",
    "NS2",
    "NS12",
    "NS20",
    "NS22",
    "read_xliff",
    "schema_files",
    "write_xliff",
    "write_xliff12",
]

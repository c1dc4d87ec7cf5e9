"""File formats. Importing this package registers every reader and writer."""

from mtreview.formats import (  # noqa: F401  (issue 7: TM formats)
    delimited,
    mqm_tsv,
    po,
    tmx,
    xliff,
    xlsx,
)

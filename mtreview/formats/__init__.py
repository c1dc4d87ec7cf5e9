"""File formats. Importing this package registers every reader and writer."""

from mtreview.formats import delimited  # noqa: F401  (registers csv/tsv)
from mtreview.formats import po, tmx, xliff, xlsx  # noqa: F401  (issue 7: TM formats)
from mtreview.formats import mqm_tsv  # noqa: F401,E402  (issue 4: MQM TSV writer "mqm-tsv")

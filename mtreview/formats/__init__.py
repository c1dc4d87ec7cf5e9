"""File formats. Importing this package registers every reader and writer."""

from mtreview.formats import delimited  # noqa: F401  (registers csv/tsv)

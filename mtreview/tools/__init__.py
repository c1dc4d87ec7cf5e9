"""Developer tools run with ``python -m mtreview.tools.<name>`` (not used by the app at run time)."""

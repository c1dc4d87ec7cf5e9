"""mtreview: review English→Japanese machine translation."""

__version__ = "0.1.0"

"""Persistence. The only package that imports SQLAlchemy; it hands out plain dataclasses."""

from mtreview.storage.repository import ProjectStore, open_project

__all__ = ["ProjectStore", "open_project"]

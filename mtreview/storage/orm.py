"""Typed ORM tables. Only ``mtreview.storage`` sees these; the rest of the app gets dataclasses.

Portable SQL only (SQLite and PostgreSQL): JSON columns, no SQLite-specific types or statements.
The schema is created and changed only by Alembic migrations (``storage/migrations``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SettingRow(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class DocumentRow(Base):
    __tablename__ = "document"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    format: Mapped[str] = mapped_column(String(40))
    source_lang: Mapped[str] = mapped_column(String(35))
    target_lang: Mapped[str] = mapped_column(String(35))
    engine: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    meta: Mapped[Any] = mapped_column(JSON, nullable=True)


class NoteRow(Base):
    """Lines that pair with nothing (summaries, separators, chrome): kept, never dropped."""

    __tablename__ = "note"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    side: Mapped[str] = mapped_column(String(10))
    line: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class SegmentRow(Base):
    __tablename__ = "segment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    key: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str] = mapped_column(Text)
    mt: Mapped[str] = mapped_column(Text)
    corrected: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="new")
    source_lines: Mapped[Any] = mapped_column(JSON)
    target_lines: Mapped[Any] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    author: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    meta: Mapped[Any] = mapped_column(JSON, nullable=True)
    words: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Whitespace-separated tokens of the source (MQM's words), counted once: the source never changes."""

    __table_args__ = (
        Index("ix_segment_document_ordinal", "document_id", "ordinal", unique=True),
        Index("ix_segment_status", "status"),
        Index("ix_segment_doc_status_author", "document_id", "status", "author"),  # covering (0006)
        Index(
            "ix_segment_corrected",
            "document_id",
            "ordinal",
            "version",
            sqlite_where=text("corrected IS NOT NULL"),
            postgresql_where=text("corrected IS NOT NULL"),
        ),
    )


class SegmentMetricRow(Base):
    """sacrebleu's sufficient statistics of a segment's correction, for one segment version under one
    metric configuration (``signature``); see ``services.segment_stats``."""

    __tablename__ = "segment_metric"
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    signature: Mapped[str] = mapped_column(String(64))
    chrf: Mapped[float | None] = mapped_column(Float, nullable=True)
    ter: Mapped[float | None] = mapped_column(Float, nullable=True)
    stats: Mapped[bytes] = mapped_column(LargeBinary)


class AnnotationRow(Base):
    __tablename__ = "annotation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), index=True)
    side: Mapped[str] = mapped_column(String(10))
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    category: Mapped[str] = mapped_column(String(200))
    severity: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str | None] = mapped_column(Text, nullable=True)
    author: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(20))
    fingerprint: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    """For findings: what identifies the same finding on re-check (so dismissed stays dismissed)."""
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RevisionRow(Base):
    __tablename__ = "revision"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    segment_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(20))
    author: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
    db_user: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """The database login that wrote the row (PostgreSQL: stamped by a trigger, ``session_user``)."""


class DraftRow(Base):
    """Unconfirmed editor text, saved at short intervals and offered back after a crash."""

    __tablename__ = "draft"
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True)
    author: Mapped[str] = mapped_column(String(200), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    base_version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OriginalFileRow(Base):
    """The file a document was imported from, byte for byte, where an export rewrites it (XLIFF merge-back:
    every element we do not understand survives because it is copied from here, not rebuilt)."""

    __tablename__ = "original_file"
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PresenceRow(Base):
    """Who is editing which segment right now (team mode): one row per reviewer, kept fresh by heartbeats."""

    __tablename__ = "presence"
    author: Mapped[str] = mapped_column(String(200), primary_key=True)
    segment_id: Mapped[int] = mapped_column(Integer)
    heartbeat: Mapped[datetime] = mapped_column(DateTime(timezone=True))

"""Initial schema: settings, documents, notes, segments, annotations, revisions, drafts.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("value", sa.JSON, nullable=True),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("path", sa.Text, nullable=True),
        sa.Column("format", sa.String(40), nullable=False),
        sa.Column("source_lang", sa.String(35), nullable=False),
        sa.Column("target_lang", sa.String(35), nullable=False),
        sa.Column("engine", sa.String(200), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("meta", sa.JSON, nullable=True),
    )
    op.create_table(
        "note",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_note_document_id", "note", ["document_id"])
    op.create_table(
        "segment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("key", sa.Text, nullable=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("mt", sa.Text, nullable=False),
        sa.Column("corrected", sa.Text, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("source_lines", sa.JSON, nullable=False),
        sa.Column("target_lines", sa.JSON, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("locked", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("author", sa.String(200), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("meta", sa.JSON, nullable=True),
    )
    op.create_index("ix_segment_document_ordinal", "segment", ["document_id", "ordinal"], unique=True)
    op.create_index("ix_segment_status", "segment", ["status"])
    op.create_table(
        "annotation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("segment_id", sa.Integer, sa.ForeignKey("segment.id", ondelete="CASCADE"), nullable=False),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("start", sa.Integer, nullable=True),
        sa.Column("end", sa.Integer, nullable=True),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("suggestion", sa.Text, nullable=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(100), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("fingerprint", sa.String(200), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_annotation_segment_id", "annotation", ["segment_id"])
    op.create_index("ix_annotation_fingerprint", "annotation", ["fingerprint"])
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("segment_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("before", sa.JSON, nullable=True),
        sa.Column("after", sa.JSON, nullable=True),
    )
    op.create_index("ix_revision_segment_id", "revision", ["segment_id"])
    op.create_table(
        "draft",
        sa.Column(
            "segment_id", sa.Integer, sa.ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("author", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )


def downgrade() -> None:
    for table in ("draft", "revision", "annotation", "segment", "note", "document", "setting"):
        op.drop_table(table)

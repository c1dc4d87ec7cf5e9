"""Scores without recomputation: each segment's source word count (``segment.words``) and sacrebleu's
sufficient statistics of its correction (``segment_metric``), so that opening a project, the dashboard
and the report read them instead of recomputing them (issue 18).

A ``segment_metric`` row describes one version of its segment under one metric configuration
(``signature``); a row whose version or signature differs from the segment's is stale and is recomputed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHUNK = 5000


def upgrade() -> None:
    op.add_column("segment", sa.Column("words", sa.Integer, nullable=True))
    op.create_table(
        "segment_metric",
        sa.Column(
            "segment_id",
            sa.Integer,
            sa.ForeignKey("segment.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.Column("chrf", sa.Float, nullable=True),
        sa.Column("ter", sa.Float, nullable=True),
        sa.Column("stats", sa.LargeBinary, nullable=False),
    )
    # Word counts of the segments already there (whitespace-separated tokens of the source, as MQM counts
    # them); the source never changes, so this is done once.
    bind = op.get_bind()
    segment = sa.table("segment", sa.column("id", sa.Integer), sa.column("source", sa.Text))
    words = sa.table("segment", sa.column("id", sa.Integer), sa.column("words", sa.Integer))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(segment.c.id, segment.c.source)
            .where(segment.c.id > last)
            .order_by(segment.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            break
        bind.execute(
            sa.update(words).where(words.c.id == sa.bindparam("sid")).values(words=sa.bindparam("n")),
            [{"sid": r.id, "n": len((r.source or "").split())} for r in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    op.drop_table("segment_metric")
    # a plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): batch mode would re-create the segment table, and
    # dropping the old one would cascade to every annotation
    op.drop_column("segment", "words")

"""Identity: SQLite projects carry mtreview's ``application_id``; every revision records the database login
that wrote it (``db_user``), stamped by the server on PostgreSQL so that a client cannot choose it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

APPLICATION_ID = 0x4D545256  # storage.engine.APPLICATION_ID ("MTRV")

STAMP_FUNCTION = """
CREATE OR REPLACE FUNCTION mtreview_stamp_db_user() RETURNS trigger AS $$
BEGIN
    NEW.db_user := session_user;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    bind = op.get_bind()
    # idempotent: a project whose version stamp was set back (or a half-applied upgrade) may have it already
    if "db_user" not in {c["name"] for c in sa.inspect(bind).get_columns("revision")}:
        with op.batch_alter_table("revision") as batch:
            batch.add_column(sa.Column("db_user", sa.String(200), nullable=True))
    if bind.dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    elif bind.dialect.name == "postgresql":
        op.execute(STAMP_FUNCTION)
        op.execute("DROP TRIGGER IF EXISTS revision_db_user ON revision")
        op.execute(
            "CREATE TRIGGER revision_db_user BEFORE INSERT ON revision "
            "FOR EACH ROW EXECUTE FUNCTION mtreview_stamp_db_user()"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS revision_db_user ON revision")
        op.execute("DROP FUNCTION IF EXISTS mtreview_stamp_db_user()")
    with op.batch_alter_table("revision") as batch:
        batch.drop_column("db_user")

"""Alembic environment: always run programmatically with a connection (see ``storage.migrate``)."""

from __future__ import annotations

from alembic import context

from mtreview.storage.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via storage.migrate
    raise RuntimeError("mtreview migrations run through mtreview.storage.migrate, with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()

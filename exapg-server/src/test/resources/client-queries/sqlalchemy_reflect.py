"""Reflects the public schema of an ExaPG node with SQLAlchemy's PostgreSQL dialect and prints
what it found, one line per fact, for ClientQueryCorpusTest to compare."""
import sys

from sqlalchemy import create_engine, inspect

engine = create_engine(f"postgresql+psycopg2://exapg@127.0.0.1:{sys.argv[1]}/exapg")
inspector = inspect(engine)
print("schemas", inspector.get_schema_names())
for table in inspector.get_table_names(schema="public"):
    print("table", table)
    for column in inspector.get_columns(table, schema="public"):
        print("  column", column["name"], column["type"], column["nullable"])
    print("  primary key", inspector.get_pk_constraint(table, schema="public"))
    print("  foreign keys", inspector.get_foreign_keys(table, schema="public"))
    for index in inspector.get_indexes(table, schema="public"):
        print("  index", index["name"], index["column_names"], index["unique"])
    print("  unique", inspector.get_unique_constraints(table, schema="public"))
    print("  checks", inspector.get_check_constraints(table, schema="public"))
    print("  comment", inspector.get_table_comment(table, schema="public"))
for view in inspector.get_view_names(schema="public"):
    print("view", view, inspector.get_view_definition(view, schema="public"))

"""Bulk inserts of plain rows (a cycle launch writes tens of thousands of
answer lines and followers, one statement each). The column list comes from
the model: every stored column gets a value, or is named as left to the
database's default, so a stored field added to the model and forgotten in
the insert fails the insert (and the tests) instead of staying empty."""

from odoo.tools import SQL


def stored_columns(model):
    """The columns of ``model``'s table: its stored fields that have a
    column (not the one2many and many2many ones)."""
    return {name for name, field in model._fields.items() if field.store and field.column_type}


def insert_columns(model, values, defaults=("id",)):
    """The columns of an insert into ``model``'s table, in the model's field
    order: the stored columns ``values`` gives a value to. ``defaults`` names
    the columns deliberately left to the database (the id's sequence). A
    stored column with neither, or a value for a column the model does not
    store, raises."""
    stored = stored_columns(model)
    missing = stored - set(values) - set(defaults)
    unknown = set(values) - stored
    if missing or unknown:
        raise ValueError(
            f"The bulk insert into {model._table} does not match the stored fields of {model._name}: "
            f"no value for {sorted(missing)}, values for columns it does not store {sorted(unknown)}"
        )
    return [name for name in model._fields if name in values]


def insert_into(model, values, defaults=("id",)):
    """``table (columns)`` of an ``INSERT INTO`` and the list of values in
    the same order (for its ``SELECT`` or ``VALUES``), from ``values`` (a
    dict of column name: SQL) checked by ``insert_columns``."""
    columns = insert_columns(model, values, defaults)
    return (
        SQL("%s (%s)", SQL.identifier(model._table), SQL(", ").join(SQL.identifier(name) for name in columns)),
        SQL(", ").join(values[name] for name in columns),
    )

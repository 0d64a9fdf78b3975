"""Small helpers shared by the MUS models."""

from odoo.exceptions import AccessError


def check_user_fields(records, vals, allowed):
    """Users write only the ``allowed`` fields of a MUS line; everything else
    (links, stored computations, workflow results) is the ORM's or the
    workflow's. Superuser writes pass."""
    if records.env.su:
        return
    refused = set(vals) - set(allowed)
    if refused:
        raise AccessError(records.env._(
            "These fields of “%(model)s” cannot be written: %(fields)s.",
            model=records._description,
            fields=", ".join(
                records._fields[name].get_description(records.env)["string"]
                for name in sorted(refused) if name in records._fields
            ) or ", ".join(sorted(refused)),
        ))


def raise_first_error(records, error_of):
    """Raise the first error that ``error_of(record)`` returns for
    ``records`` (an exception or None); the superuser passes."""
    if records.env.su:
        return
    for record in records:
        error = error_of(record)
        if error:
            raise error


def records_changing(records, vals, field_names):
    """The records of ``records`` whose value of one of ``field_names`` would
    change by writing ``vals``; the web client may send unchanged values."""
    names = set(field_names) & set(vals)
    if not names:
        return records.browse()

    def changes(record):
        for name in names:
            field = record._fields[name]
            new = field.convert_to_record(field.convert_to_cache(vals[name], record), record)
            if record[name] != new:
                return True
        return False

    return records.filtered(changes)


def without_mus_hidden(model, query, order):
    """``query`` (a search of ``model``) without the records that
    ``model._mus_hidden()`` hides from the current user: the files and to-dos
    of a MUS they are no party of. The superuser sees everything."""
    if model.env.is_superuser():
        return query
    ids = list(query)
    hidden = set(model.browse(ids)._mus_hidden().ids)
    if not hidden:
        return query
    return model.browse(record_id for record_id in ids if record_id not in hidden)._as_query(order)

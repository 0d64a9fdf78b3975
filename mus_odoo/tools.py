"""Small helpers shared by the MUS models."""


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

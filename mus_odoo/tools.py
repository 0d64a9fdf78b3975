"""Small helpers shared by the MUS models."""

from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import SQL, format_date, format_datetime, get_lang, posix_to_ldml
from odoo.tools.misc import babel_locale_parse

from .workflow import STATES


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
            # The model's name as translated in ir.model (a _description is English).
            model=records.env["ir.model"].sudo()._get(records._name).name or records._description,
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


# ----------------------------------------------------------------------
# What lies on a MUS (its messages, files, to-dos, followers, scheduled
# messages, notifications, meeting) is its parties' only, wherever Odoo
# reaches it. These helpers serve the overrides of those core models: they
# cost nothing (no query) for records that are not on a MUS.
# ----------------------------------------------------------------------
MUS_MODEL = "mus.interview"


def mus_party_interviews(env):
    """The ids of the MUS the current user is the employee or the leader of,
    as a subquery (no query of its own)."""
    Interview = env[MUS_MODEL].sudo().with_context(active_test=False)
    return Interview._search(Interview._mus_party_domain(env.user))


def mus_visible_domain(model, model_field="res_model", id_field="res_id", also=None):
    """A domain on ``model`` keeping what lies on no MUS, on a MUS the current
    user is a party of, or matches ``also`` (a domain). Empty for the
    superuser. Added to a search, it adds a condition, not a query."""
    if model.env.is_superuser():
        return []
    return expression.OR([
        [(model_field, "!=", MUS_MODEL)],
        [(id_field, "in", mus_party_interviews(model.env))],
        *([also] if also else []),
    ])


def mus_hidden_sql(model, model_field="res_model", id_field="res_id"):
    """The ids of ``model``'s rows on a MUS the current user is no party of,
    as SQL, for the models that reach a MUS through another record (a
    notification through its message, an attendee through its meeting)."""
    return SQL(
        "(SELECT id FROM %s WHERE %s = %s AND %s NOT IN %s)",
        SQL.identifier(model._table), SQL.identifier(model_field), MUS_MODEL,
        SQL.identifier(id_field), mus_party_interviews(model.env).subselect(),
    )


def mus_records(records, model_field="res_model"):
    """The records of ``records`` that lie on a MUS (``model_field`` names
    it). No query when the cache knows; else the rows are fetched as Odoo
    reads them next (every prefetched column, in the cache all environments
    share): the query moves, none is added."""
    env = records.env
    ids = [record_id for record_id in records._ids if isinstance(record_id, int)]
    if not ids:
        return records.browse()
    field = records._fields[model_field]
    missing = list(env.cache.get_missing_ids(records.browse(ids), field))
    if missing:
        records.browse(missing).sudo().mapped(model_field)
    return records.browse(
        record_id for record_id in ids if env.cache.get(records.browse(record_id), field) == MUS_MODEL
    )


def mus_hidden(records, model_field="res_model", id_field="res_id", also=None):
    """The records of ``records`` that lie on a MUS the current user is no
    party of (and do not match ``also``). No query of its own when none of
    them lies on a MUS; one when some do."""
    if records.env.is_superuser():
        return records.browse()
    maybe = mus_records(records, model_field)._ids
    if not maybe:
        return records.browse()
    hidden = records.sudo().with_context(active_test=False)._search([
        ("id", "in", maybe), (model_field, "=", MUS_MODEL),
        "!", *mus_visible_domain(records, model_field, id_field, also),
    ])
    return records.browse(hidden)


def mus_hidden_through(records, link_field, model_field="res_model", id_field="res_id"):
    """The records of ``records`` whose ``link_field`` (a many2one) points at
    a record that lies on a MUS the current user is no party of: the
    notifications of its messages, the attendees of its meeting. No query
    when the cache already tells that none of them does; else one."""
    env = records.env
    ids = [record_id for record_id in records._ids if isinstance(record_id, int)]
    if env.is_superuser() or not ids:
        return records.browse()
    link = records._fields[link_field]
    Parent = env[link.comodel_name]
    parent_field = Parent._fields[model_field]
    missing = set(env.cache.get_missing_ids(records.browse(ids), link))

    def maybe_on_mus(record_id):
        if record_id in missing:
            return True
        parent = records.browse(record_id)[link_field]
        if not parent:
            return False
        return bool(set(env.cache.get_missing_ids(parent, parent_field))) or (
            env.cache.get(parent, parent_field) == MUS_MODEL
        )

    maybe = [record_id for record_id in ids if maybe_on_mus(record_id)]
    if not maybe:
        return records.browse()
    return records.browse(records.sudo().with_context(active_test=False)._search([
        ("id", "in", maybe), (link_field, "in", mus_hidden_sql(Parent, model_field, id_field)),
    ]))


def with_hidden(result, hidden, operation):
    """The answer of ``_check_access`` (``result``) with the ``hidden``
    records refused as well."""
    if not hidden:
        return result
    if result:
        return (result[0] + hidden, result[1])
    if hasattr(hidden, "_make_access_error"):  # mail.message and mail.activity say it their way
        return (hidden, lambda: hidden._make_access_error(operation))
    return (hidden, lambda: hidden.env["ir.rule"]._make_access_error(operation, hidden))


# ----------------------------------------------------------------------
# iCalendar (RFC 5545): the meeting as a file for one's own calendar
# ----------------------------------------------------------------------
def _ical_text(value):
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and
    line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _ical_utc(value):
    return value.strftime("%Y%m%dT%H%M%SZ")


def _ical_fold(line):
    """A content line folded at 75 octets (RFC 5545, 3.1), never inside a
    UTF-8 character; continuation lines start with a space."""
    chunks, chunk, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > (75 if not chunks else 74):
            chunks.append(chunk)
            chunk, size = "", 0
        chunk += char
        size += width
    chunks.append(chunk)
    return "\r\n ".join(chunks)


def ical_event(uid, start, stop, summary, stamp, location=None, url=None):
    """One VEVENT in a VCALENDAR, as bytes. ``start``, ``stop`` and ``stamp``
    are naive UTC datetimes (Odoo's), written in UTC form."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//mus_odoo//MUS//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_ical_utc(stamp)}",
        f"DTSTART:{_ical_utc(start)}",
        f"DTEND:{_ical_utc(stop)}",
        f"SUMMARY:{_ical_text(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{_ical_text(location)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["CLASS:PRIVATE", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "".join(f"{_ical_fold(line)}\r\n" for line in lines).encode()


def groups_in_workflow_order(groupby, rows, order=None, limit=None, offset=0, state_field="state"):
    """``rows`` of a ``_read_group`` on ``groupby`` with the states in the
    order of the workflow (mus_odoo/workflow.py) rather than alphabetical,
    the other groups keeping the order the database gave them: a pivot or a
    graph then reads from planned to done. Only the default order (by the
    groups) is re-sorted: an explicit order, or a page of groups, is kept."""
    if state_field not in groupby or limit or offset or (order and order != ",".join(groupby)):
        return rows
    order = {code: index for index, (code, _label) in enumerate(STATES)}
    positions = [{} for _spec in groupby]
    for row in rows:
        for index, value in enumerate(row[:len(groupby)]):
            positions[index].setdefault(value, len(positions[index]))

    def key(row):
        return tuple(
            order.get(row[index], len(order)) if spec == state_field else positions[index][row[index]]
            for index, spec in enumerate(groupby)
        )

    return sorted(rows, key=key)


def _time_pattern(lang, locale):
    """The language's time format (Settings > Languages) without seconds:
    "10:00", never "10.00.00 CET"."""
    pattern = posix_to_ldml(lang.time_format or "%H:%M", locale=locale)
    return pattern.replace(":ss", "").replace(".ss", "").strip()


def format_mus_datetime(env, value, tz=None, lang_code=None):
    """``value`` (UTC) as a person reads it in a mail or a message, in their
    time zone and language: "torsdag den 17. december 2026 kl. 10:00",
    "Thursday, December 17, 2026 at 10:00" (the language's full date, its
    "at", and its time without seconds)."""
    if not value:
        return ""
    lang = get_lang(env, lang_code)
    locale = babel_locale_parse(lang.code or lang_code)
    pattern = str(locale.datetime_formats["full"]).replace("{1}", locale.date_formats["full"].pattern)
    pattern = pattern.replace("{0}", _time_pattern(lang, locale))
    return format_datetime(env, value, tz=tz or "UTC", dt_format=pattern, lang_code=lang.code or lang_code)


def format_mus_date(env, value, lang_code=None, full=False):
    """A date as words in a title or a message: "1. januar 2027" or
    "January 1, 2027" (``full``: with the weekday, "fredag den 1. januar
    2027"), never "2027-01-01"."""
    if not value:
        return ""
    lang = get_lang(env, lang_code)
    locale = babel_locale_parse(lang.code or lang_code)
    pattern = locale.date_formats["full" if full else "long"].pattern
    return format_date(env, value, lang_code=lang.code or lang_code, date_format=pattern)

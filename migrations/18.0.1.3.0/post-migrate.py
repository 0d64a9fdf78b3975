"""18.0.1.3.0.

The invitation mail (a ``noupdate`` template, so an upgrade leaves it as it
was) wrote the time of the interview with Babel's long format: "17. december
2026 kl. 10.00.00 CET". It now reads as the employee reads dates,
"torsdag den 17. december 2026 kl. 10:00" (``mus.interview._format_datetime``).
Replace that one expression in every language, leaving whatever else the
company changed in the template.
"""
from odoo.tools import SQL

OLD = "format_datetime(object.scheduled_date, tz=object.employee_id.tz or 'UTC', dt_format='long')"
NEW = "object._format_datetime(object.scheduled_date)"


def migrate(cr, version):
    # As installed, or with its quotes escaped by an HTML editor.
    for old in (OLD, OLD.replace("'", "&#39;")):
        _replace(cr, old, NEW)


def _replace(cr, old, new):
    cr.execute(SQL(
        """UPDATE mail_template template
              SET body_html = replace(template.body_html::text, %(old)s, %(new)s)::jsonb
             FROM ir_model_data data
            WHERE data.module = 'mus_odoo' AND data.model = 'mail.template'
              AND data.name = 'mail_template_mus_invitation'
              AND data.res_id = template.id
              AND position(%(old)s IN template.body_html::text) > 0""",
        old=old, new=new,
    ))

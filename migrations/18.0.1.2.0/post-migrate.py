"""18.0.1.2.0: the interview's development plan (``plan_id``) is no longer
stored on the interview, it is read from the plan (one per interview). Drop
the column, which would otherwise keep stale values."""
from odoo.tools.sql import column_exists


def migrate(cr, version):
    if column_exists(cr, "mus_interview", "plan_id"):
        cr.execute("ALTER TABLE mus_interview DROP COLUMN plan_id")

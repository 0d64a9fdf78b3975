from odoo import fields, models
from odoo.tools import SQL

from .. import workflow
from .mus_interview_report import timeliness_sql


class MusCycleProgress(models.Model):
    """A cycle's completion per department and leader, shown on the cycle:
    counts of status only. Cancelled interviews are not counted."""

    _name = "mus.cycle.progress"
    _description = "MUS Cycle Progress by Team"
    _inherit = ["mus.sql.report"]
    _auto = False
    _order = "cycle_id, department_id, leader_id"
    _rec_name = "leader_id"

    cycle_id = fields.Many2one("mus.cycle", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    leader_id = fields.Many2one("hr.employee", readonly=True)
    total = fields.Integer(string="Interviews", readonly=True)
    offered = fields.Integer(readonly=True)
    declined = fields.Integer(readonly=True)
    held = fields.Integer(readonly=True)
    signed = fields.Integer(readonly=True)
    late = fields.Integer(readonly=True)
    completion = fields.Float(
        string="Held (%)", readonly=True, aggregator="avg",
        help="Share of the team's interviews held (declined ones count as completed).",
    )

    def _view_query(self):
        return SQL(
            """
                SELECT min(i.id) AS id, i.cycle_id, c.company_id, i.department_id, i.leader_id,
                       count(*) AS total,
                       count(*) FILTER (WHERE i.offered_on IS NOT NULL) AS offered,
                       count(*) FILTER (WHERE i.state = 'declined') AS declined,
                       count(*) FILTER (WHERE i.state IN %(held)s) AS held,
                       count(*) FILTER (WHERE i.state IN %(signed)s) AS signed,
                       count(*) FILTER (WHERE %(timeliness)s = 'late') AS late,
                       round(100.0 * count(*) FILTER (WHERE i.state IN %(completed)s) / count(*), 1)
                           AS completion
                  FROM mus_interview i
                  JOIN mus_cycle c ON c.id = i.cycle_id
                 WHERE i.state != 'cancelled'
                 GROUP BY i.cycle_id, c.company_id, i.department_id, i.leader_id
            """,
            held=workflow.HELD_STATES, signed=workflow.SIGNED_STATES,
            completed=(*workflow.HELD_STATES, "declined"),
            timeliness=timeliness_sql(SQL("i"), SQL("c")),
        )

from odoo import api, fields, models
from odoo.tools import SQL

from .. import workflow
from ..tools import groups_in_workflow_order


def timeliness_sql(interview, cycle):
    """On time or late, from status and dates only: held by the deadline (the
    cycle's "interviews by", else the planned date), or still open past it."""
    deadline = SQL("COALESCE(%s.date_interviews, (%s.scheduled_date)::date)", cycle, interview)
    return SQL(
        """CASE
            WHEN %(i)s.state IN %(held)s THEN
                CASE WHEN %(deadline)s IS NULL OR %(i)s.held_on IS NULL
                          OR (%(i)s.held_on)::date <= %(deadline)s
                     THEN 'on_time' ELSE 'late' END
            WHEN %(i)s.state IN ('declined', 'cancelled') THEN 'not_held'
            WHEN %(deadline)s < CURRENT_DATE THEN 'late'
            ELSE 'pending'
        END""",
        i=interview, held=workflow.HELD_STATES, deadline=deadline,
    )


TIMELINESS = [
    ("on_time", "On time"),
    ("late", "Late"),
    ("pending", "Not due yet"),
    ("not_held", "Not held"),
]


class MusInterviewReport(models.Model):
    """The status of every MUS for HR's pivot and graph, and for a leader's
    "My team's MUS": who, where, which state, when, on time or late. Only
    status and dates, never the content of an interview."""

    _name = "mus.interview.report"
    _description = "MUS Status Report"
    _inherit = ["mus.sql.report"]
    _auto = False
    _order = "year desc, department_id, leader_id, employee_id"
    _rec_name = "employee_id"

    interview_id = fields.Many2one("mus.interview", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    leader_id = fields.Many2one("hr.employee", readonly=True)
    leader_user_id = fields.Many2one("res.users", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    cycle_id = fields.Many2one("mus.cycle", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    state = fields.Selection(workflow.STATES, string="Status", readonly=True)
    date = fields.Date(string="Period", readonly=True, help="When held, else planned, else offered.")
    scheduled_date = fields.Datetime(string="Planned For", readonly=True)
    offered_on = fields.Datetime(readonly=True)
    held_on = fields.Datetime(readonly=True)
    deadline = fields.Date(readonly=True)
    is_offered = fields.Boolean(string="Offered", readonly=True)
    is_held = fields.Boolean(string="Held", readonly=True)
    is_signed = fields.Boolean(string="Signed", readonly=True)
    timeliness = fields.Selection(TIMELINESS, string="On Time", readonly=True)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        rows = super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        return groups_in_workflow_order(groupby, rows, order=order, limit=limit, offset=offset)

    def _view_query(self):
        return SQL(
            """
                SELECT i.id, i.id AS interview_id, i.employee_id, i.leader_id, i.leader_user_id,
                       i.department_id, i.company_id, i.cycle_id, i.year, i.state,
                       COALESCE(i.held_on, i.scheduled_date, i.offered_on)::date AS date,
                       i.scheduled_date, i.offered_on, i.held_on,
                       COALESCE(c.date_interviews, (i.scheduled_date)::date) AS deadline,
                       i.offered_on IS NOT NULL AS is_offered,
                       i.state IN %(held)s AS is_held,
                       i.state IN %(signed)s AS is_signed,
                       %(timeliness)s AS timeliness
                  FROM mus_interview i
                  LEFT JOIN mus_cycle c ON c.id = i.cycle_id
            """,
            held=workflow.HELD_STATES, signed=workflow.SIGNED_STATES,
            timeliness=timeliness_sql(SQL("i"), SQL("c")),
        )

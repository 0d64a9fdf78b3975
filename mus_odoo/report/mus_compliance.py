from odoo import fields, models
from odoo.tools import SQL


class MusCompliance(models.Model):
    """Has every active employee been offered a MUS in the last 12 months?
    One row per active employee, for HR, grouped by department and leader.
    An offer that was declined counts as offered."""

    _name = "mus.compliance"
    _description = "MUS Compliance"
    _inherit = ["mus.sql.report"]
    _auto = False
    _report_sources = ("mus.interview", "hr.employee")
    _order = "department_id, leader_id, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    leader_id = fields.Many2one("hr.employee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    last_offered_on = fields.Datetime(string="Last Offered", readonly=True)
    next_due_date = fields.Date(string="Next MUS Due", readonly=True)
    is_offered = fields.Boolean(string="Offered in the Last 12 Months", readonly=True)

    def _view_query(self):
        return SQL(
            """
                SELECT e.id, e.id AS employee_id, e.department_id, e.parent_id AS leader_id,
                       e.company_id, o.last_offered_on, e.mus_next_due_date AS next_due_date,
                       COALESCE(o.last_offered_on >= now() AT TIME ZONE 'UTC' - interval '12 months', FALSE)
                           AS is_offered
                  FROM hr_employee e
                  LEFT JOIN (
                      SELECT employee_id, max(offered_on) AS last_offered_on
                        FROM mus_interview
                       WHERE offered_on IS NOT NULL
                       GROUP BY employee_id
                  ) o ON o.employee_id = e.id
                 WHERE e.active
            """,
        )

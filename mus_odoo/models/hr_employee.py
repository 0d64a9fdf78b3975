from dateutil.relativedelta import relativedelta

from odoo import fields, models

from ..workflow import HELD_STATES


class HrEmployee(models.Model):
    """MUS status of the employee: dates and counts only, never content."""

    _inherit = "hr.employee"

    mus_interview_ids = fields.One2many("mus.interview", "employee_id", string="MUS Interviews")
    mus_interview_count = fields.Integer(compute="_compute_mus", string="MUS")
    mus_last_date = fields.Date(compute="_compute_mus", string="Last MUS")
    mus_next_due_date = fields.Date(compute="_compute_mus", string="Next MUS Due")
    mus_current_plan_id = fields.Many2one(
        "mus.development.plan", compute="_compute_mus", string="Current Development Plan",
    )

    def _compute_mus(self):
        interviews = self.env["mus.interview"].sudo().search(
            [("employee_id", "in", self.ids), ("state", "!=", "cancelled")],
            order="scheduled_date desc, id desc",
        )
        for employee in self:
            own = interviews.filtered(lambda i, e=employee: i.employee_id == e)
            held = own.filtered(lambda i: i.state in HELD_STATES)
            last = held[:1]
            employee.mus_interview_count = len(own)
            employee.mus_last_date = last.held_on.date() if last.held_on else (
                last.scheduled_date.date() if last.scheduled_date else False
            )
            employee.mus_next_due_date = (
                employee.mus_last_date + relativedelta(months=employee.company_id.mus_interval_months or 12)
                if employee.mus_last_date else False
            )
            employee.mus_current_plan_id = held.filtered(lambda i: i.plan_id.is_signed)[:1].plan_id

    def action_open_mus_interviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mus_odoo.mus_interview_action_all")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

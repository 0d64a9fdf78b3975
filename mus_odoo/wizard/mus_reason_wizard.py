from odoo import fields, models


class MusReasonWizard(models.TransientModel):
    """Asks for the reason (and, to postpone, the new time) before a MUS is
    postponed or cancelled: the employee is told why."""

    _name = "mus.reason.wizard"
    _inherit = ["mus.interview.wizard.mixin"]
    _description = "MUS Postpone or Cancel"

    transition = fields.Selection(
        [("postpone", "Postpone"), ("cancel", "Cancel")], required=True, default="cancel",
    )
    reason = fields.Text(required=True)
    new_date = fields.Datetime()
    employee_id = fields.Many2one(related="interview_id.employee_id")

    def action_confirm(self):
        self.ensure_one()
        if self.transition == "postpone":
            self.interview_id.action_postpone(reason=self.reason, new_date=self.new_date)
        else:
            self.interview_id.action_cancel(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}

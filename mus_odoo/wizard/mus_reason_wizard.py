from odoo import api, fields, models


class MusReasonWizard(models.TransientModel):
    """Asks for the reason (and, to postpone, the new time) before a MUS is
    postponed or cancelled: the employee is told why."""

    _name = "mus.reason.wizard"
    _description = "MUS Postpone or Cancel"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade")
    transition = fields.Selection(
        [("postpone", "Postpone"), ("cancel", "Cancel")], required=True, default="cancel",
    )
    reason = fields.Text(required=True)
    new_date = fields.Datetime()
    employee_id = fields.Many2one(related="interview_id.employee_id")

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Nothing of a MUS the user may not read, not even its name.
        wizards.interview_id.check_access("read")
        return wizards

    def action_confirm(self):
        self.ensure_one()
        if self.transition == "postpone":
            self.interview_id.action_postpone(reason=self.reason, new_date=self.new_date)
        else:
            self.interview_id.action_cancel(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}

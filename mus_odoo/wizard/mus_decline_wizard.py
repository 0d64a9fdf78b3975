from odoo import fields, models


class MusDeclineWizard(models.TransientModel):
    """The employee declines the offered MUS, optionally saying why; the
    offer still counts as made."""

    _name = "mus.decline.wizard"
    _inherit = ["mus.interview.wizard.mixin"]
    _description = "MUS Decline"

    reason = fields.Text(help="Optional: why you do not wish to have a MUS now.")

    def action_confirm(self):
        self.ensure_one()
        self.interview_id.action_decline(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}

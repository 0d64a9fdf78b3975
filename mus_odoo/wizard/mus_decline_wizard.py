from odoo import api, fields, models


class MusDeclineWizard(models.TransientModel):
    """The employee declines the offered MUS, optionally saying why; the
    offer still counts as made."""

    _name = "mus.decline.wizard"
    _description = "MUS Decline"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade")
    reason = fields.Text(help="Optional: why you do not wish to have a MUS now.")

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards.interview_id.check_access("read")
        return wizards

    def action_confirm(self):
        self.ensure_one()
        self.interview_id.action_decline(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}

from odoo import api, fields, models


class MusSignWizard(models.TransientModel):
    """Draws the signature of the current user, who signs the development
    plan as the party they are (employee or leader)."""

    _name = "mus.sign.wizard"
    _inherit = ["mus.interview.wizard.mixin"]
    _description = "Sign MUS Development Plan"

    signature = fields.Binary()
    signer_name = fields.Char(compute="_compute_signer")
    party = fields.Char(compute="_compute_signer")

    @api.depends("interview_id")
    @api.depends_context("uid")
    def _compute_signer(self):
        for wizard in self:
            wizard.signer_name = self.env.user.name
            party = wizard.interview_id._mus_party() if wizard.interview_id else None
            wizard.party = party and self.env._("as %(role)s", role=wizard.interview_id._mus_roles_label((party,)))

    def action_sign(self):
        self.ensure_one()
        self.interview_id.action_sign(signature=self.signature)
        return {"type": "ir.actions.act_window_close"}

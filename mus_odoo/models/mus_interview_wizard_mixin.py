from odoo import api, fields, models


class MusInterviewWizard(models.AbstractModel):
    """A wizard that asks for what a transition of one MUS needs (a reason,
    a signature) and then fires it. Nothing of a MUS the user may not read
    is shown, not even its name."""

    _name = "mus.interview.wizard.mixin"
    _description = "MUS Transition Wizard Mixin"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade")

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards.interview_id.check_access("read")
        return wizards

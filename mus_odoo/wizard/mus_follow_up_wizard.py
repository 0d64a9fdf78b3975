from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import clean_context, format_date


class MusFollowUpWizard(models.TransientModel):
    """The Complete button of a follow-up checkpoint: asks the leader for
    the note (prefilled with what was written) and, when the checkpoint is
    due in more than 30 days (``mus_follow_up.EARLY_DAYS``), to confirm
    completing it early.
    Whoever may complete the checkpoint (its leader) uses it; the checkpoint
    checks again."""

    _name = "mus.follow.up.wizard"
    _description = "MUS Complete Follow-up Checkpoint"

    follow_up_id = fields.Many2one(
        "mus.follow.up", string="Checkpoint", required=True, ondelete="cascade", readonly=True,
    )
    interview_id = fields.Many2one(related="follow_up_id.interview_id")
    date_due = fields.Date(related="follow_up_id.date_due")
    note = fields.Text(string="Follow-up Note")
    days_early = fields.Integer(string="Days Before Due", compute="_compute_early")
    is_early = fields.Boolean(string="Early", compute="_compute_early")
    early_warning = fields.Char(string="Warning", compute="_compute_early")

    @api.depends("follow_up_id.date_due")
    def _compute_early(self):
        for wizard in self:
            checkpoint = wizard.follow_up_id
            wizard.days_early = checkpoint._days_early() if checkpoint else 0
            wizard.is_early = bool(checkpoint) and checkpoint._is_early()
            wizard.early_warning = self.env._(
                "This checkpoint is due on %(date)s, in %(days)s days. Complete it now only if you "
                "have already followed up with the employee.",
                date=format_date(self.env, checkpoint.date_due), days=wizard.days_early,
            ) if wizard.is_early else False

    def action_complete(self):
        """Complete the checkpoint; refused when it is early (the dialog's
        "Complete early" button confirms)."""
        self.ensure_one()
        if self.is_early:
            raise UserError(self.early_warning)
        return self._complete()

    def action_complete_early(self):
        self.ensure_one()
        return self._complete()

    def _complete(self):
        if not (self.note or "").strip():
            raise UserError(self.env._("Write a short follow-up note before completing the checkpoint."))
        # Not the dialog's defaults (default_note, ...) into the messages.
        self.follow_up_id.with_env(self.env(context=clean_context(self.env.context))).action_complete(note=self.note)
        return {"type": "ir.actions.act_window_close"}

from odoo import fields, models
from odoo.exceptions import AccessError

from ..tools import raise_first_error
from .mus_development_goal import GOAL_STATUSES


class MusGoalReview(models.Model):
    """The review of one goal of last year's development plan ("Siden sidste
    MUS"): was it reached, what led to it, its effect, and whether to keep
    working on it.

    The goal as it was agreed is copied in when the interview is created, so
    the review keeps it whatever happens to last year's plan. Only the
    interview's leader writes the review, while the interview is held; access
    follows the interview.
    """

    _name = "mus.goal.review"
    _description = "MUS Review of a Previous Goal"
    _order = "interview_id, sequence, id"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    previous_goal_id = fields.Many2one(
        "mus.development.goal", ondelete="set null", readonly=True,
    )
    goal = fields.Text(string="Learning Goal", readonly=True)
    previous_actions = fields.Text(string="Agreed Actions", readonly=True)
    previous_status = fields.Selection(GOAL_STATUSES, string="Status at Follow-up", readonly=True)
    previous_progress = fields.Integer(string="Progress at Follow-up (%)", readonly=True)
    reached = fields.Selection(
        [("yes", "Reached"), ("partly", "Partly reached"), ("no", "Not reached")],
        string="Reached?",
    )
    what_led = fields.Text(string="What Led to It?")
    effect = fields.Text()
    continue_work = fields.Boolean(string="Continue?", help="Should the work on this goal continue?")
    continue_note = fields.Text(string="What to Continue")

    _REVIEW_FIELDS = {"reached", "what_led", "effect", "continue_work", "continue_note"}

    def write(self, vals):
        if not self.env.su:
            self._check_review_write(vals)
        return super().write(vals)

    def _check_review_write(self, vals):
        if set(vals) - self._REVIEW_FIELDS:
            raise AccessError(self.env._(
                "The goals under review come from last year's plan and cannot be changed."
            ))
        raise_first_error(self, lambda review: review.interview_id._mus_review_error())

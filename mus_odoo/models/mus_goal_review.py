from odoo import fields, models
from odoo.exceptions import AccessError

from .. import access
from ..tools import raise_first_error, records_changing
from .mus_development_goal import GOAL_STATUSES


class MusGoalReview(models.Model):
    """The review of one goal of last year's development plan ("Siden sidste
    MUS"): was it reached, what led to it, its effect, and whether to keep
    working on it.

    The goal as it was agreed is copied in when the interview is created, so
    the review keeps it whatever happens to last year's plan. Only the
    interview's leader writes the review, while the interview is held; access
    follows the interview.

    Marking a goal "continue" proposes it in this interview's plan: a goal
    with the same learning goal (and what to continue, else last year's
    actions) that the leader completes with a deadline; unmarking it takes
    that proposal out again. One proposal per review line, however often
    it is toggled.
    """

    _name = "mus.goal.review"
    _inherit = ["mus.party.mixin"]
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

    # What the leader writes in the review (mus_odoo/access.py); the rest is last year's plan.
    _REVIEW_FIELDS = access.writable_fields("mus.goal.review")

    def write(self, vals):
        if not self.env.su:
            self._check_review_write(vals)
        toggled = records_changing(self, vals, ["continue_work"])
        result = super().write(vals)
        if toggled:
            toggled._propose_continued_goals()
        return result

    def _has_content(self):
        """Something was written in one of the reviews."""
        return any(
            review.reached or review.what_led or review.effect or review.continue_work or review.continue_note
            for review in self
        )

    def _check_review_write(self, vals):
        if set(vals) - self._REVIEW_FIELDS:
            raise AccessError(self.env._(
                "The goals under review come from last year's plan and cannot be changed."
            ))
        raise_first_error(self, lambda review: review.interview_id._mus_review_error())

    def _propose_continued_goals(self):
        """The goals to continue, proposed in the new plan (and withdrawn
        when "continue" is unticked). The review was checked: the leader,
        in the interview, while the plan is open."""
        Goal = self.env["mus.development.goal"].sudo()
        proposed = Goal.search([("review_id", "in", self.ids)])
        continued = self.filtered("continue_work")
        withdrawn = proposed.filtered(lambda goal: goal.review_id not in continued)
        new = continued - (proposed - withdrawn).review_id
        withdrawn.unlink()
        Goal.create([
            {
                "plan_id": review.interview_id.plan_id.id,
                "review_id": review.id,
                "sequence": review.sequence,
                "name": review.goal,
                "actions": review.continue_note or review.previous_actions,
                "supporters": review.sudo().previous_goal_id.supporters,
                "responsible_id": review.sudo().previous_goal_id.responsible_id.id,
            }
            for review in new.sudo() if review.interview_id.plan_id and review.goal
        ])

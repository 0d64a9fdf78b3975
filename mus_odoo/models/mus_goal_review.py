from odoo import fields, models


class MusGoalReview(models.Model):
    """The review of one goal of last year's development plan ("Siden sidste
    MUS"): was it reached, what led to it, its effect, and whether to keep
    working on it. Written by the leader in the interview; access follows
    the interview.
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
    goal = fields.Text(related="previous_goal_id.name", string="Learning Goal")
    previous_status = fields.Selection(related="previous_goal_id.status", string="Status at Follow-up")
    reached = fields.Selection(
        [("yes", "Reached"), ("partly", "Partly reached"), ("no", "Not reached")],
        string="Reached?",
    )
    what_led = fields.Text(string="What Led to It?")
    effect = fields.Text()
    continue_work = fields.Boolean(string="Continue?", help="Should the work on this goal continue?")
    continue_note = fields.Text(string="What to Continue")

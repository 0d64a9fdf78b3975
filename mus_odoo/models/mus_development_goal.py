from odoo import api, fields, models

from .. import access
from ..tools import check_user_fields, raise_first_error, records_changing

GOAL_STATUSES = [
    ("not_started", "Not started"),
    ("in_progress", "In progress"),
    ("reached", "Reached"),
    ("dropped", "Dropped"),
]


class MusDevelopmentGoal(models.Model):
    """One row of the development plan: what the employee wants to achieve
    (learning goal), the actions, who supports, and the timeline and who is
    responsible; optionally a budget. Status and progress are recorded in
    follow-up. Access and editing follow the plan: the goal texts are signed
    content.
    """

    _name = "mus.development.goal"
    _inherit = ["mus.party.mixin"]
    _description = "MUS Development Goal"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("mus.development.plan", required=True, ondelete="cascade", index=True)
    interview_id = fields.Many2one(related="plan_id.interview_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    sequence = fields.Integer(default=10)
    name = fields.Text(
        string="Learning Goal", required=True, help="What do you want to achieve?",
    )
    actions = fields.Text(help="Which actions will be taken?")
    supporters = fields.Text(string="Support", help="Who can support you in the process?")
    deadline = fields.Date()
    responsible_id = fields.Many2one(
        "hr.employee", help="Who is responsible for the actions.",
    )
    budget = fields.Monetary(currency_field="currency_id")
    status = fields.Selection(
        GOAL_STATUSES,
        default="not_started", required=True,
    )
    progress = fields.Integer(string="Progress (%)", default=0)
    review_id = fields.Many2one(
        "mus.goal.review", string="Continues", readonly=True, copy=False, ondelete="set null", index="btree_not_null",
        help="The goal of last year's plan this goal continues (marked “continue” in the review).",
    )
    is_complete = fields.Boolean(
        compute="_compute_is_complete", store=True,
        help="A goal is complete with a learning goal, actions, a deadline and a responsible person.",
    )

    _sql_constraints = [
        ("progress_check", "CHECK(progress BETWEEN 0 AND 100)", "Progress is a percentage from 0 to 100."),
        ("budget_check", "CHECK(budget IS NULL OR budget >= 0)", "A budget cannot be negative."),
    ]

    # Signed content; status and progress are not.
    _SIGNED_FIELDS = access.writable_fields("mus.development.goal", rule="plan") | {"plan_id"}

    @api.depends("name", "actions", "deadline", "responsible_id")
    def _compute_is_complete(self):
        for goal in self:
            goal.is_complete = bool(
                (goal.name or "").strip() and (goal.actions or "").strip()
                and goal.deadline and goal.responsible_id
            )

    # What a user writes on a goal: its content (while the plan is open) and
    # its follow-up (status, progress), as mus_odoo/access.py declares. Its
    # plan never changes.
    _USER_FIELDS = access.writable_fields("mus.development.goal")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_user_fields(self, vals, self._USER_FIELDS | {"plan_id"})
        plans = self.env["mus.development.plan"].browse([vals.get("plan_id") for vals in vals_list])
        plans._check_content_editable()
        goals = super().create(vals_list)
        goals.plan_id._content_changed()
        return goals

    def write(self, vals):
        if "plan_id" in vals and not records_changing(self, vals, ["plan_id"]):
            # Saving the goals through a one2many (the MUS form's) assigns
            # them to their own plan again: nothing moves.
            vals = {name: value for name, value in vals.items() if name != "plan_id"}
        check_user_fields(self, vals, self._USER_FIELDS)
        changed = records_changing(self, vals, self._SIGNED_FIELDS)
        changed.plan_id._check_content_editable()
        if {"status", "progress"} & set(vals):
            self._check_progress_editable()
        result = super().write(vals)
        changed.plan_id._content_changed()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self.plan_id._check_content_editable()

    def unlink(self):
        plans = self.plan_id
        result = super().unlink()
        plans.exists()._content_changed()
        return result

    def _check_progress_editable(self):
        raise_first_error(self, lambda goal: goal.interview_id._mus_progress_error())

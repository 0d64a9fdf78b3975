from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import check_user_fields, raise_first_error
from ..workflow import EMPLOYEE, LEADER

# Who may read a signature changes with the parties.
_CONTENT_DEPENDS = {
    "depends": ["interview_id.employee_user_id", "interview_id.leader_user_id"],
    "depends_context": ["uid"],
}


class MusDevelopmentPlan(models.Model):
    """The personal development plan (personlig udviklingsplan) that
    concludes a MUS: its goals, and the signatures of both parties.

    - The leader writes the plan while the interview is held or being signed.
    - The employee and the leader each sign it, only as themselves
      (``mus.interview.action_sign``); signing is required before follow-up.
    - Changing the signed content (goals, period, parties) after one
      signature clears the signatures, with a trace in the chatter; after
      both signatures the content is locked.
    - Goal status and progress stay editable by the leader during follow-up:
      they are not part of what was signed.
    HR reads the plan's status (period, who signed and when); its goals
    and the signatures only the parties read, and HR the goals only when
    the employee shared the plan (``mus.interview.plan_shared_with_hr``).
    """

    _name = "mus.development.plan"
    _inherit = ["mus.content.mixin"]
    _description = "MUS Development Plan"
    _order = "id desc"
    _rec_name = "interview_id"

    interview_id = fields.Many2one(
        "mus.interview", required=True, ondelete="cascade", index=True,
    )
    employee_id = fields.Many2one(related="interview_id.employee_id", store=True, string="Employee")
    leader_id = fields.Many2one(related="interview_id.leader_id", store=True, string="Leader")
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(related="interview_id.state", string="Interview Status")
    date_start = fields.Date(string="Period Start")
    date_end = fields.Date(string="Period End")
    goal_ids = fields.One2many("mus.development.goal", "plan_id", string="Goals", copy=True)
    budget_total = fields.Monetary(compute="_compute_budget_total", string="Total Budget")
    employee_signature = fields.Binary(
        string="Employee's Signature", copy=False, compute="_compute_mus_content",
        inverse="_inverse_employee_signature", **_CONTENT_DEPENDS,
    )
    employee_signed_by = fields.Many2one("res.users", string="Signed by (Employee)", copy=False, readonly=True)
    employee_signed_on = fields.Datetime(copy=False, readonly=True)
    leader_signature = fields.Binary(
        string="Leader's Signature", copy=False, compute="_compute_mus_content",
        inverse="_inverse_leader_signature", **_CONTENT_DEPENDS,
    )
    leader_signed_by = fields.Many2one("res.users", string="Signed by (Leader)", copy=False, readonly=True)
    leader_signed_on = fields.Datetime(copy=False, readonly=True)
    is_signed = fields.Boolean(
        compute="_compute_signed", store=True, string="Signed by Both",
        help="Both the leader and the employee have signed: the plan is locked.",
    )
    signed_on = fields.Datetime(compute="_compute_signed", store=True)
    is_leader = fields.Boolean(compute="_compute_is_leader", help="The current user leads this MUS.")

    _sql_constraints = [
        ("interview_uniq", "UNIQUE(interview_id)", "An interview has one development plan."),
        ("period_check", "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
         "The period of the plan must end after it starts."),
    ]

    # The content both parties sign: changing it clears (or, once both have
    # signed, is refused for) the signatures.
    _SIGNED_FIELDS = {"date_start", "date_end", "interview_id"}
    _SIGNATURE_FIELDS = {
        "employee_signature", "employee_signed_by", "employee_signed_on",
        "leader_signature", "leader_signed_by", "leader_signed_on",
    }

    _mus_content_fields = {
        "employee_signature": "employee_signature",
        "leader_signature": "leader_signature",
    }

    def _mus_content_link(self):
        return "interview_id"

    def _mus_content_domain(self):
        return [("interview_id", "in", self.interview_id.ids)]

    def _mus_content_owner_id(self, content):
        return content.interview_id.plan_id.id

    def _mus_content_vals(self):
        return {"interview_id": self.interview_id.id}

    def _inverse_employee_signature(self):
        self._mus_content_write("employee_signature")

    def _inverse_leader_signature(self):
        self._mus_content_write("leader_signature")

    @api.depends("goal_ids.budget")
    def _compute_budget_total(self):
        for plan in self:
            plan.budget_total = sum(plan.goal_ids.mapped("budget"))

    @api.depends("employee_signed_on", "leader_signed_on")
    def _compute_signed(self):
        for plan in self:
            plan.is_signed = bool(plan.employee_signed_on and plan.leader_signed_on)
            plan.signed_on = plan.is_signed and max(plan.employee_signed_on, plan.leader_signed_on)

    @api.depends_context("uid")
    @api.depends("interview_id.leader_user_id")
    def _compute_is_leader(self):
        for plan in self:
            plan.is_leader = LEADER in plan.interview_id._mus_roles()

    @api.depends("interview_id")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = self.env._(
                "Development plan – %(employee)s (%(year)s)",
                employee=plan.employee_id.name or "", year=plan.interview_id.year or "",
            )

    def write(self, vals):
        if self._SIGNATURE_FIELDS & set(vals) and not self.env.su:
            raise AccessError(self.env._("Sign the development plan with the “Sign plan” button."))
        check_user_fields(self, vals, {"date_start", "date_end", "goal_ids"})
        content = self._SIGNED_FIELDS & set(vals)
        if content:
            self._check_content_editable()
        result = super().write(vals)
        if content:
            self._content_changed()
        return result

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_content_editable(self):
        """The leader writes the plan while it is open, in the interview and
        while signatures are collected; a plan signed by both is locked."""
        raise_first_error(self, lambda plan: plan.interview_id._mus_plan_error())

    def _content_changed(self):
        """A signature covers the content it was given on: clear it when the
        content changes, and say so in the chatter."""
        for plan in self.filtered(lambda p: p.employee_signed_on or p.leader_signed_on):
            plan._clear_signatures(self.env._(
                "The development plan was changed by %(user)s after it was signed: the "
                "signatures of %(signers)s were cleared and must be given again.",
                user=self.env.user.name,
                signers=", ".join((plan.employee_signed_by | plan.leader_signed_by).mapped("name")),
            ))

    def _clear_signatures(self, reason):
        """Both parties sign again; ``reason`` goes to the chatter."""
        self.ensure_one()
        self.sudo().write(dict.fromkeys(self._SIGNATURE_FIELDS, False))
        self.interview_id.message_post(body=reason, subtype_xmlid="mail.mt_note")
        self.interview_id._activity_update()

    def _sign(self, party, signature, user):
        self.ensure_one()
        prefix = "employee" if party == EMPLOYEE else "leader"
        self.sudo().write({
            f"{prefix}_signature": signature,
            f"{prefix}_signed_by": user.id,
            f"{prefix}_signed_on": fields.Datetime.now(),
        })

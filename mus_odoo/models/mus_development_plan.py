import base64
import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import access
from ..tools import check_user_fields, raise_first_error
from ..workflow import EMPLOYEE, LEADER

MANAGER = "mus_odoo.group_mus_manager"

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

    Signed plans are tamper-evident: when the second party signs, the plan
    is sealed with a SHA-256 hash of a canonical serialisation of what was
    signed (goals, parties, period, signers, signature times and images,
    company) and of the previous sealed plan's hash in the same company. The plans of a company form one chain
    (``hash_sequence`` 1, 2, 3, ...), like Odoo's inalterable invoice hashes.
    Nobody writes the signed content of a sealed plan afterwards, not even the
    superuser (only retention erases it, see ``mus.retention``); a change made
    around the ORM, such as a direct SQL update, is found by
    ``_mus_check_integrity()``.

    Who: the hash fields and the check are for MUS managers only; sealing
    happens whoever signs.
    """

    _name = "mus.development.plan"
    _inherit = ["mus.content.mixin", "mus.party.mixin"]
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
    budget_total = fields.Monetary(
        compute="_compute_budget_total", string="Total Budget",
        help="Empty for whoever may not read the goals: a total of what they do not see would be wrong.",
    )
    # How many goals, for HR, who reads them only when the employee shared
    # the plan: a count, never their text or budget.
    goal_count = fields.Integer(compute="_compute_goal_count", string="Number of Goals")
    goals_confidential = fields.Boolean(
        compute="_compute_goal_count",
        help="The plan has goals the current user may not read (confidential between the parties).",
    )
    goals_confidential_label = fields.Char(compute="_compute_goal_count")
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
    signed_hash = fields.Char(string="Seal (SHA-256)", readonly=True, copy=False, groups=MANAGER)
    previous_hash = fields.Char(string="Previous Seal", readonly=True, copy=False, groups=MANAGER)
    hash_sequence = fields.Integer(
        string="Place in Chain", readonly=True, copy=False, groups=MANAGER,
    )
    # The parties as they were when the plan was signed: an employee may be
    # renamed and a MUS handed to another leader without touching the seal.
    signed_employee_name = fields.Char(string="Employee When Signed", readonly=True, copy=False, groups=MANAGER)
    signed_leader_id = fields.Many2one(
        "hr.employee", string="Leader When Signed", readonly=True, copy=False, groups=MANAGER, ondelete="restrict",
    )
    signed_leader_name = fields.Char(string="Leader's Name When Signed", readonly=True, copy=False, groups=MANAGER)
    # The employee's copy of what was signed (the PDF on the MUS, sent to
    # them): nobody but the superuser deletes or replaces it (ir.attachment).
    signed_pdf_id = fields.Many2one(
        "ir.attachment", string="Signed PDF", readonly=True, copy=False, groups=MANAGER, ondelete="set null",
    )

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
    # The seal, written by sealing only.
    _INTEGRITY_FIELDS = {
        "signed_hash", "previous_hash", "hash_sequence",
        "signed_employee_name", "signed_leader_id", "signed_leader_name",
    }

    _mus_content_fields = {
        "employee_signature": "employee_signature",
        "leader_signature": "leader_signature",
    }

    def init(self):
        result = super().init()
        # One link per place in a company's chain: a fork cannot be stored.
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS mus_development_plan_hash_sequence_uniq
                ON mus_development_plan (company_id, hash_sequence)
             WHERE hash_sequence > 0
        """)
        return result

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
    @api.depends_context("uid")
    def _compute_budget_total(self):
        for plan in self:
            plan.budget_total = False if plan.goals_confidential else sum(plan.goal_ids.mapped("budget"))

    @api.depends("goal_ids")
    @api.depends_context("uid")
    def _compute_goal_count(self):
        """The goals the user may read are those the record rules let them
        search; the count of all of them is read in sudo."""
        Goal = self.env["mus.development.goal"]
        domain = [("plan_id", "in", self._origin.ids)]
        total = dict(Goal.sudo()._read_group(domain, ["plan_id"], ["__count"])) if self._origin else {}
        readable = dict(Goal._read_group(domain, ["plan_id"], ["__count"])) if total else {}
        for plan in self:
            if not plan._origin:
                plan.goal_count, plan.goals_confidential = len(plan.goal_ids), False
                continue
            plan.goal_count = total.get(plan._origin, 0)
            plan.goals_confidential = readable.get(plan._origin, 0) < plan.goal_count
        for plan in self:
            plan.goals_confidential_label = (
                self.env._("1 goal (confidential)") if plan.goal_count == 1
                else self.env._("%(count)s goals (confidential)", count=plan.goal_count)
            ) if plan.goals_confidential else False

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
        if self._INTEGRITY_FIELDS & set(vals) and not (self.env.su and self.env.context.get("mus_sealing")):
            raise AccessError(self.env._("The seal of a signed development plan is computed, never written."))
        if self.env.su and (self._SIGNED_FIELDS | self._SIGNATURE_FIELDS) & set(vals):
            # Users are refused by the checks below, with their reason.
            self._check_not_sealed()
        if self._SIGNATURE_FIELDS & set(vals) and not self.env.su:
            raise AccessError(self.env._("Sign the development plan with the “Sign plan” button."))
        check_user_fields(self, vals, access.writable_fields(self._name))
        content = self._SIGNED_FIELDS & set(vals)
        if content:
            self._check_content_editable()
        result = super().write(vals)
        if content:
            self._content_changed()
        if self._SIGNATURE_FIELDS & set(vals) and not self._mus_anonymising():
            # The second signature seals the plan.
            self.filtered(lambda plan: plan.is_signed and not plan.sudo().signed_hash)._mus_seal()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sealed(self):
        self._check_not_sealed()

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_content_editable(self):
        """The leader writes the plan while it is open, in the interview and
        while signatures are collected; a plan signed by both is locked."""
        raise_first_error(self, lambda plan: plan.interview_id._mus_plan_error())
        self._check_not_sealed()

    def _content_changed(self):
        """A signature covers the content it was given on: clear it when the
        content changes, and say so in the chatter. (Retention erases the
        texts of a signed plan: its signatures stay.)"""
        if self._mus_anonymising():
            return
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

    # ------------------------------------------------------------------
    # Integrity: the seal and its check
    # ------------------------------------------------------------------
    def _mus_anonymising(self):
        """Retention, and only retention, erases the content of sealed plans."""
        return self.env.su and self.env.context.get("mus_anonymise")

    def _check_not_sealed(self):
        """A sealed plan is locked for everyone, the superuser included."""
        if self._mus_anonymising():
            return
        sealed = self.sudo().filtered("signed_hash")
        if sealed:
            raise UserError(self.env._(
                "The development plan %(plan)s is signed by both parties and sealed: "
                "it can no longer be changed.",
                plan=sealed[0].display_name,
            ))

    def _mus_lock_for_signing(self):
        """Take the row lock of the plans before a signature: a second
        signature given at the same moment waits, then fails with a
        serialization error that Odoo retries on the signed plan."""
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM mus_development_plan WHERE id IN %s FOR NO KEY UPDATE",
                [tuple(self.ids)],
                # A serialization failure here is expected, and retried.
                log_exceptions=False,
            )

    def _mus_seal(self):
        """Append the plans to their company's chain."""
        for plan in self.sudo().sorted("id"):
            company = plan.company_id
            sequence = company._mus_next_hash_sequence()
            previous = self.sudo().search([
                ("company_id", "=", company.id), ("hash_sequence", "=", sequence - 1),
            ]) if sequence > 1 else self.browse()
            plan.with_context(mus_sealing=True).write({
                "hash_sequence": sequence,
                "previous_hash": previous.signed_hash or "",
                "signed_employee_name": plan.employee_id.name,
                "signed_leader_id": plan.leader_id.id,
                "signed_leader_name": plan.leader_id.name,
            })
            plan.with_context(mus_sealing=True).write({"signed_hash": plan._mus_compute_hash()})

    def _mus_hash_content(self):
        """What the parties signed, as a canonical dict (JSON-serialisable)."""
        self.ensure_one()
        plan = self.sudo().with_context(bin_size=False)

        def digest(image):
            return hashlib.sha256(base64.b64decode(image)).hexdigest() if image else ""

        def signature(prefix):
            return {
                "by": plan[f"{prefix}_signed_by"].id,
                "on": fields.Datetime.to_string(plan[f"{prefix}_signed_on"]) or "",
                "image": digest(plan[f"{prefix}_signature"]),
            }

        return {
            "company": plan.company_id.id,
            "interview": plan.interview_id.id,
            "employee": [plan.employee_id.id, plan.signed_employee_name or ""],
            "leader": [plan.signed_leader_id.id, plan.signed_leader_name or ""],
            "period": [fields.Date.to_string(plan.date_start) or "", fields.Date.to_string(plan.date_end) or ""],
            "goals": [
                {
                    "id": goal.id,
                    "learning_goal": goal.name or "",
                    "actions": goal.actions or "",
                    "supporters": goal.supporters or "",
                    "deadline": fields.Date.to_string(goal.deadline) or "",
                    "responsible": goal.responsible_id.id,
                    "budget": goal.budget,
                }
                for goal in plan.goal_ids.sorted(lambda g: (g.sequence, g.id))
            ],
            "employee_signature": signature("employee"),
            "leader_signature": signature("leader"),
            "sequence": plan.hash_sequence,
        }

    def _mus_compute_hash(self):
        self.ensure_one()
        serialised = json.dumps(
            self._mus_hash_content(), sort_keys=True, ensure_ascii=True, separators=(",", ":"),
        )
        return hashlib.sha256(((self.sudo().previous_hash or "") + serialised).encode()).hexdigest()

    @api.model
    def _mus_check_integrity(self, companies=None):
        """The sealed plans of ``companies`` (default: the user's) whose
        content no longer matches their hash or whose link in the chain is
        broken, and the signed plans that were never sealed. The content of
        an anonymised MUS is erased by retention: only its link is checked."""
        if not (self.env.su or self.env.user.has_group(MANAGER)):
            raise AccessError(self.env._("Only MUS managers can verify the signed development plans."))
        companies = companies or self.env.companies
        plans = self.sudo().search([
            ("company_id", "in", companies.ids), "|", ("hash_sequence", ">", 0), ("is_signed", "=", True),
        ], order="company_id, hash_sequence, id")
        failing = plans.filtered(lambda plan: not plan.signed_hash or not plan.hash_sequence)
        for company in plans.company_id:
            chain = (plans - failing).filtered(lambda plan, company=company: plan.company_id == company)
            previous_hash = ""
            for expected_sequence, plan in enumerate(chain, start=1):
                anonymised = bool(plan.interview_id.anonymised_on)
                if (
                    plan.hash_sequence != expected_sequence
                    or (plan.previous_hash or "") != previous_hash
                    or (not anonymised and plan._mus_compute_hash() != plan.signed_hash)
                ):
                    failing |= plan
                previous_hash = plan.signed_hash
            if chain and chain[-1].hash_sequence != company.sudo().mus_hash_sequence:
                # The last links of the chain are gone.
                failing |= chain[-1]
        return self.browse(failing.ids)

    @api.model
    def action_mus_verify_integrity(self):
        """The result of the check, as a notification."""
        failing = self._mus_check_integrity().sudo()
        if failing:
            return self._mus_notification(
                "danger",
                self.env._("Signed plans that fail the check"),
                self.env._(
                    "These signed development plans no longer match what was signed, or their "
                    "link in the chain is broken: %(plans)s",
                    plans=", ".join(failing.mapped("display_name")),
                ),
                sticky=True,
            )
        count = self.sudo().search_count([
            ("company_id", "in", self.env.companies.ids), ("hash_sequence", ">", 0),
        ])
        return self._mus_notification(
            "success",
            self.env._("Signed plans verified"),
            self.env._("All %(count)s signed development plans match what was signed.", count=count),
        )

    @api.model
    def _mus_notification(self, kind, title, message, sticky=False):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": kind, "title": title, "message": message, "sticky": sticky},
        }

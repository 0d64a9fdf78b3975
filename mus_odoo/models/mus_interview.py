from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import workflow
from ..tools import groups_in_workflow_order, records_changing
from ..workflow import EMPLOYEE, HR, LEADER

# Who may read a confidential field changes with the parties.
_CONTENT_DEPENDS = {"depends": ["employee_user_id", "leader_user_id"], "depends_context": ["uid"]}


class MusInterview(models.Model):
    """A yearly employee development interview (MUS) and its preparation.

    The workflow (states, transitions, who fires each, the to-dos of each
    state) is ``workflow.MUS_WORKFLOW``; ``mus.workflow.mixin`` runs it. This
    model gives the engine its roles (``_mus_roles``), its requirements
    (``_requirement_*``) and the work of each step (``_do_*``).

    Who may read and change what, role by role (tests/test_confidentiality.py
    checks every cell; "reads" holds for read, search, search_count,
    read_group, export and the external API):

    ================  =================================================  ==========================================
    role              reads                                              writes
    ================  =================================================  ==========================================
    Employee          own interviews: status and dates, the questions,    accepts the time; own preparation
    (``employee_id``  own preparation (``employee_note``), agreed notes,  (``employee_note``) until submitted;
    's user)          summary, review of last year's plan, the plan and   ``employee_feedback``; the consent
                      its goals, both signatures, follow-up notes, the    ``plan_shared_with_hr``; signs as the
                      chatter and files. Never ``leader_note`` nor        employee
                      ``leader_private_note``.
    Leader            interviews they lead: as the employee, plus their  plans their own team's MUS; own
    (``leader_id``'s  ``leader_note`` and ``leader_private_note``; the     preparation until submitted; agreed
    user)             employee's preparation only once the employee has  notes, summary, review, plan, progress,
                      submitted it. A new leader takes over an open MUS  follow-up; signs as the leader
                      with all of it; the former leader keeps nothing.
    HR officer        every interview of their companies: employee,      plans, invites, postpones, cancels any
    (``group_mus_     leader, department, year, state, date, place and   MUS; hands it over to another of the
    officer``)        dated steps, the plan's period and who signed it   employee's managers (never to itself);
                      when. Never answers, notes, summary, feedback,     posts to the parties (reads only what it
                      goal reviews, follow-up notes, signatures,         wrote itself)
                      chatter, files or to-dos (activities) other than
                      its own;
                      the goals only while the employee shares
                      the plan (``plan_shared_with_hr``). The
                      confidential fields read empty on the interview
                      and raise AccessError on their own records. The
                      decline reason is status (who declined and why).
    HR manager        as officer                                         as officer, plus templates and settings;
    (``group_mus_                                                        deletes a MUS still planned (draft)
    manager``)
    Employee without  their own MUS as the employee above, in the        as the employee above, in the portal
    a backend user    portal only (``/my/mus``): the controller checks
    (portal)          the user or the interview's access token, then
                      reads with sudo what the employee may read
    Others            nothing: other employees and leaders, other        nothing
                      portal users, public users, any user of another
                      company (AccessError)
    ================  =================================================  ==========================================

    Per model and field, which role reads and writes it in which states is
    declared in ``mus_odoo/access.py``; ``access.role_table()`` prints it as
    the table of the README ("Who reads and writes what, when"), and
    ``tests/test_access_declaration.py`` ties it to the record rules. Who is
    a party is one predicate, ``mus.party.mixin``.

    Only the parties follow a MUS and are notified of its messages
    (``message_subscribe``, ``_notify_get_recipients``); its messages and
    files and to-dos are read by the parties only (``mail.message``,
    ``ir.attachment``, ``mail.activity`` overrides; a to-do also by whom it
    is assigned to). The confidential texts live in
    ``mus.interview.content``, whose record rules implement the table.
    Nobody writes the fields the workflow owns (``_MUS_WORKFLOW_FIELDS``);
    what each party may edit now is in the ``can_edit_*``/``can_write_*``
    fields, which the form and the server checks share.

    The employee's side of a MUS outside the backend: the portal page
    (``/my/mus/<id>``, reached by a portal user linked to the employee or by
    the access token of the invitation mail), the PDF copies of the plan and
    of the interview, and the signed plan mailed to the employee.

    The portal and the mail act on behalf of the employee, in sudo, after the
    controller has checked the party or the token: the portal methods
    (``_mus_portal_*``, ``_mus_request_move``) re-check the workflow's own
    predicates, which sudo would otherwise skip.
    """

    _name = "mus.interview"
    _description = "MUS Interview"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "mus.content.mixin", "portal.mixin",
        "mus.party.mixin", "mus.workflow.mixin",
    ]
    _workflow = workflow.MUS_WORKFLOW
    _order = "year desc, scheduled_date desc, id desc"
    _check_company_auto = True
    _mus_party_path = ""

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True,
        check_company=True,
        # A leader picks from their own team (``_check_creator`` says so when forced); HR anyone.
        domain="[('company_id', 'in', allowed_company_ids)] + ([] if is_hr else [('parent_id.user_id', '=', uid)])",
    )
    leader_id = fields.Many2one(
        "hr.employee", compute="_compute_leader_id", store=True,
        readonly=False, index=True, tracking=True, check_company=True,
        help="The employee's nearest leader, who holds the interview. "
        "Defaults to the employee's manager.",
    )
    employee_user_id = fields.Many2one(
        related="employee_id.user_id", string="Employee User", store=True, index=True,
    )
    leader_user_id = fields.Many2one(
        related="leader_id.user_id", string="Leader User", store=True, index=True,
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, readonly=False,
        required=True, index=True, precompute=True,
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Department", store=True, index=True,
    )
    template_id = fields.Many2one(
        "mus.question.template", string="Question Template", check_company=True,
        default=lambda self: self._default_template(), tracking=True,
        domain="[('company_id', 'in', [False, company_id])]",
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year,
        tracking=True, help="The MUS round this interview belongs to: one MUS per employee and year.",
    )
    scheduled_date = fields.Datetime(string="Date", tracking=True, copy=False)
    duration = fields.Float(default=1.0, help="In hours.")
    location = fields.Char(string="Place", tracking=True)
    calendar_event_id = fields.Many2one("calendar.event", string="Meeting", copy=False, readonly=True)
    # The states are the workflow's (mus.workflow.mixin).
    # The declared states, named here too: Odoo gives a selection's values their xml ids (and so
    # their translations) from the model that lists them.
    state = fields.Selection(
        selection=list(workflow.MUS_WORKFLOW.states), tracking=True, group_expand="_group_expand_states",
    )
    previous_interview_id = fields.Many2one(
        "mus.interview", string="Previous MUS", readonly=True, copy=False,
        help="The employee's last MUS before this one; its plan is reviewed here.",
    )
    review_ids = fields.One2many("mus.goal.review", "interview_id", string="Review of Last Plan")
    answer_ids = fields.One2many("mus.interview.answer", "interview_id", string="Answers")
    plan_ids = fields.One2many("mus.development.plan", "interview_id", string="Development Plans")
    # The interview's one plan (unique per interview), not stored: a stored
    # copy would be one more update of every interview a launch creates.
    plan_id = fields.Many2one(
        "mus.development.plan", string="Development Plan",
        compute="_compute_plan_id", search="_search_plan_id", compute_sudo=True,
    )
    # Read as the current user: HR sees no goals unless the employee shared the plan.
    # The inverse (the goal's stored interview) lets a search go through the goals.
    goal_ids = fields.One2many(
        "mus.development.goal", "interview_id", related="plan_id.goal_ids", readonly=False, compute_sudo=False,
    )
    # What the user may not read of the plan is said as a count (HR: "2 goals
    # (confidential)"), never shown as an empty table. As the user, not sudo.
    plan_goals_confidential = fields.Boolean(related="plan_id.goals_confidential", compute_sudo=False)
    plan_goals_confidential_label = fields.Char(related="plan_id.goals_confidential_label", compute_sudo=False)
    plan_employee_signature = fields.Binary(
        string="Employee's Signature", compute="_compute_mus_content", **_CONTENT_DEPENDS,
    )
    plan_employee_signed_by = fields.Many2one(related="plan_id.employee_signed_by")
    plan_employee_signed_on = fields.Datetime(related="plan_id.employee_signed_on")
    plan_leader_signature = fields.Binary(
        string="Leader's Signature", compute="_compute_mus_content", **_CONTENT_DEPENDS,
    )
    plan_leader_signed_by = fields.Many2one(related="plan_id.leader_signed_by")
    plan_leader_signed_on = fields.Datetime(related="plan_id.leader_signed_on")
    follow_up_ids = fields.One2many("mus.follow.up", "interview_id", string="Follow-up")
    summary = fields.Html(
        help="The resumé of the talk, written after it and shared with the employee.",
        compute="_compute_mus_content", inverse="_inverse_summary", search="_search_summary",
        **_CONTENT_DEPENDS,
    )
    employee_feedback = fields.Html(
        string="Feedback to the Leader",
        help="The employee's feedback and feed-forward on the leader's leadership.",
        compute="_compute_mus_content", inverse="_inverse_employee_feedback",
        search="_search_employee_feedback", **_CONTENT_DEPENDS,
    )
    leader_private_note = fields.Html(
        string="Leader's Private Note",
        help="The leader's own notes about this MUS: nobody else reads them, not even the employee.",
        compute="_compute_mus_content", inverse="_inverse_leader_private_note",
        search="_search_leader_private_note", **_CONTENT_DEPENDS,
    )
    plan_shared_with_hr = fields.Boolean(
        string="Plan Shared with HR", tracking=True, copy=False,
        help="The employee agrees that HR may read the development plan (its goals), for "
        "instance to arrange courses. Nothing else of the MUS is shared.",
    )
    employee_prepared_on = fields.Datetime(readonly=True, copy=False)
    leader_prepared_on = fields.Datetime(readonly=True, copy=False)
    accepted_on = fields.Datetime(readonly=True, copy=False)
    held_on = fields.Datetime(readonly=True, copy=False)
    closed_on = fields.Datetime(readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False)
    anonymised_on = fields.Datetime(
        readonly=True, copy=False,
        help="Retention erased the content of this closed MUS; its dated status record stays.",
    )
    # The token lets whoever holds it act as the employee: only the
    # employee's own email carries it (rendered in sudo); no method returns
    # it. Odoo's administrators read every field, this one too.
    access_token = fields.Char(groups="base.group_system")

    cycle_id = fields.Many2one(
        "mus.cycle", readonly=True, copy=False, index=True, check_company=True,
        help="The HR round that launched this MUS.",
    )
    offered_on = fields.Datetime(
        readonly=True, copy=False, index=True,
        help="When the employee was offered this MUS (launch of a cycle, or invitation). "
        "A declined MUS was offered.",
    )
    decline_reason = fields.Text(readonly=True, copy=False)
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late", string="Overdue")

    # The chatter and the to-dos of a MUS are its parties': searching or
    # reading through them goes through the access checks of mail.message
    # and mail.activity (no auto_join subquery, no sudo related value).
    message_ids = fields.One2many(auto_join=False)
    website_message_ids = fields.One2many(auto_join=False)
    activity_ids = fields.One2many(auto_join=False)
    activity_type_id = fields.Many2one(compute_sudo=False)
    activity_type_icon = fields.Char(compute_sudo=False)
    activity_summary = fields.Char(compute_sudo=False)

    # What the current user is on this interview (drives the form).
    is_employee = fields.Boolean(compute="_compute_user_roles")
    is_leader = fields.Boolean(compute="_compute_user_roles")
    is_hr = fields.Boolean(compute="_compute_user_roles")

    # What the current user may write now; the server checks the same
    # predicates (the _mus_*_error methods), so buttons and fields agree.
    can_edit_planning = fields.Boolean(compute="_compute_can_edit")
    can_edit_meeting = fields.Boolean(compute="_compute_can_edit")
    can_edit_location = fields.Boolean(compute="_compute_can_edit")
    can_edit_leader = fields.Boolean(compute="_compute_can_edit")
    can_edit_summary = fields.Boolean(compute="_compute_can_edit")
    can_edit_feedback = fields.Boolean(compute="_compute_can_edit")
    can_edit_private_note = fields.Boolean(compute="_compute_can_edit")
    can_share_plan = fields.Boolean(compute="_compute_can_edit")
    can_read_content = fields.Boolean(
        compute="_compute_user_roles",
        help="The current user is the employee or the leader of this MUS, who alone read what was said.",
    )
    can_write_employee_note = fields.Boolean(compute="_compute_can_edit")
    can_write_leader_note = fields.Boolean(compute="_compute_can_edit")
    can_write_agreed_note = fields.Boolean(compute="_compute_can_edit")
    can_review = fields.Boolean(compute="_compute_can_edit")
    can_edit_plan = fields.Boolean(compute="_compute_can_edit")
    can_record_progress = fields.Boolean(compute="_compute_can_edit")
    can_follow_up = fields.Boolean(compute="_compute_can_edit")

    # can_<transition>: one per transition, from the workflow (mus.workflow.mixin).

    # ------------------------------------------------------------------
    # SQL constraints
    # ------------------------------------------------------------------
    _sql_constraints = [
        ("year_check", "CHECK(year BETWEEN 2000 AND 2999)", "The year of a MUS must be a year."),
    ]

    def init(self):
        # One MUS per employee and year unless cancelled: enforced by the
        # database as well, so concurrent creations cannot slip through.
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS mus_interview_employee_year_open_uniq
                ON mus_interview (employee_id, year) WHERE state != 'cancelled'
        """)

    # ------------------------------------------------------------------
    # Defaults
    # ------------------------------------------------------------------
    @api.model
    def _default_template(self):
        return self.env["mus.question.template"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1,
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("employee_id.name", "year")
    def _compute_name(self):
        for interview in self:
            interview.name = self._mus_title(interview.year, interview.employee_id)

    @api.model
    def _mus_title(self, year, employee):
        return self.env._("MUS %(year)s – %(employee)s", year=year, employee=employee.name or "")

    @api.depends("employee_id")
    def _compute_leader_id(self):
        for interview in self:
            if interview.state in (None, False, "draft") or not interview.leader_id:
                interview.leader_id = interview.employee_id.parent_id

    def _group_expand_states(self, states, domain):
        """Every state is a kanban column, in workflow order."""
        return [code for code, _label in workflow.STATES]

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        """Pivot and graph list the states in workflow order."""
        rows = super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        return groups_in_workflow_order(groupby, rows, order=order, limit=limit, offset=offset)

    @api.model
    def _web_read_group(self, domain, fields, groupby, limit=None, offset=0, orderby=False, lazy=True):
        """The closed states' columns fold when empty (a selection has no
        ``fold`` field, as a stage has): the open MUS stay on screen."""
        groups = super()._web_read_group(domain, fields, groupby, limit, offset, orderby, lazy)
        if groupby and groupby[0] == "state":
            for group in groups:
                if group.get("state") in workflow.CLOSED_STATES:
                    group["__fold"] = not group.get("state_count", group.get("__count"))
        return groups

    _mus_content_fields = {
        "summary": "summary",
        "employee_feedback": "employee_feedback",
        "leader_private_note": "leader_private_note",
        "plan_employee_signature": "employee_signature",
        "plan_leader_signature": "leader_signature",
    }

    def _mus_content_link(self):
        return "interview_id"

    def _mus_content_vals(self):
        return {"interview_id": self.id}

    def _inverse_summary(self):
        self._mus_content_write("summary")

    def _inverse_employee_feedback(self):
        self._mus_content_write("employee_feedback")

    def _inverse_leader_private_note(self):
        self._mus_content_write("leader_private_note")

    def _search_summary(self, operator, value):
        return self._mus_content_search("summary", operator, value)

    def _search_employee_feedback(self, operator, value):
        return self._mus_content_search("employee_feedback", operator, value)

    def _search_leader_private_note(self, operator, value):
        return self._mus_content_search("leader_private_note", operator, value)

    @api.depends("plan_ids")
    def _compute_plan_id(self):
        for interview in self:
            interview.plan_id = interview.plan_ids[:1]

    def _search_plan_id(self, operator, value):
        return [("plan_ids", operator, value)]

    @api.depends("employee_id")
    def _compute_company_id(self):
        for interview in self:
            interview.company_id = interview.employee_id.company_id or interview.company_id or self.env.company

    @api.depends("state", "scheduled_date")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for interview in self:
            interview.is_late = (
                interview.state in workflow.PLANNING_STATES
                and bool(interview.scheduled_date) and interview.scheduled_date < now
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = [
            ("state", "in", workflow.PLANNING_STATES),
            ("scheduled_date", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends_context("uid")
    @api.depends("employee_user_id", "leader_user_id")
    def _compute_user_roles(self):
        for interview in self:
            roles = interview._mus_roles()
            interview.is_employee = EMPLOYEE in roles
            interview.is_leader = LEADER in roles
            interview.is_hr = HR in roles
            interview.can_read_content = bool(roles & {EMPLOYEE, LEADER})

    def _workflow_depends(self):
        # The roles, and the requirements that hide a button.
        return [
            "employee_user_id", "leader_user_id", "employee_prepared_on", "leader_prepared_on",
            "plan_ids.employee_signed_on", "plan_ids.leader_signed_on",
        ]

    @api.depends_context("uid")
    @api.depends(
        "state", "employee_user_id", "leader_user_id", "employee_prepared_on",
        "leader_prepared_on", "plan_ids.is_signed",
    )
    def _compute_can_edit(self):
        for interview in self:
            interview.update({
                "can_edit_planning": not interview._mus_field_error("template_id"),
                "can_edit_meeting": not interview._mus_field_error("scheduled_date"),
                "can_edit_location": not interview._mus_field_error("location"),
                "can_edit_leader": not interview._mus_field_error("leader_id"),
                "can_edit_summary": not interview._mus_field_error("summary"),
                "can_edit_feedback": not interview._mus_field_error("employee_feedback"),
                "can_edit_private_note": not interview._mus_field_error("leader_private_note"),
                "can_share_plan": not interview._mus_field_error("plan_shared_with_hr"),
                "can_write_employee_note": not interview._mus_note_error("employee_note"),
                "can_write_leader_note": not interview._mus_note_error("leader_note"),
                "can_write_agreed_note": not interview._mus_note_error("agreed_note"),
                "can_review": not interview._mus_review_error(),
                "can_edit_plan": not interview._mus_plan_error(),
                "can_record_progress": not interview._mus_progress_error(),
                "can_follow_up": not interview._mus_follow_up_error(),
            })

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    def _check_one_per_year(self, pairs):
        """Refuse a second MUS for an employee in a year, before the database
        index does (its error would be cryptic). ``pairs``: (employee id,
        year) of the interviews being created or changed."""
        pairs = [(employee_id, year) for employee_id, year in pairs if employee_id and year]
        if not pairs:
            return
        duplicates = {pair for pair in pairs if pairs.count(pair) > 1}
        existing = self.sudo().search_fetch([
            ("employee_id", "in", [employee_id for employee_id, _year in pairs]),
            ("year", "in", list({year for _employee_id, year in pairs})),
            ("state", "!=", "cancelled"),
            ("id", "not in", self.ids),
        ], ["employee_id", "year"])
        duplicates |= {(other.employee_id.id, other.year) for other in existing} & set(pairs)
        if duplicates:
            employee_id, year = sorted(duplicates)[0]
            raise ValidationError(self.env._(
                "%(employee)s already has a MUS in %(year)s. An employee has one MUS a year: "
                "open the existing one, or cancel it first.",
                employee=self.env["hr.employee"].sudo().browse(employee_id).name, year=year,
            ))

    @api.constrains("employee_id", "leader_id")
    def _check_leader(self):
        for interview in self:
            if interview.leader_id and interview.leader_id == interview.employee_id:
                raise ValidationError(self.env._(
                    "%(employee)s cannot hold their own MUS: choose another leader.",
                    employee=interview.employee_id.name,
                ))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Employee = self.env["hr.employee"]
        for vals in vals_list:
            self._check_workflow_fields(vals)
        self._check_creator([
            (Employee.browse(vals.get("employee_id")), Employee.browse(vals.get("leader_id")))
            for vals in vals_list
        ])
        default_year = fields.Date.context_today(self).year
        self.browse()._check_one_per_year([
            (vals.get("employee_id"), vals.get("year") or default_year)
            for vals in vals_list if vals.get("state", "draft") != "cancelled"
        ])
        # The creator (HR, say) does not follow the MUS: only its parties do.
        interviews = super(MusInterview, self.with_context(mail_create_nosubscribe=True)).create(vals_list)
        interviews = interviews.with_env(self.env)
        interviews._check_create_field_rules(vals_list)
        interviews._link_previous_interview()
        interviews._generate_answers()
        self.env["mus.development.plan"].sudo().create(interviews._prepare_plan_vals_list())
        interviews._subscribe_parties()
        interviews.filtered("scheduled_date")._sync_calendar_event()
        return interviews

    def write(self, vals):
        self._check_workflow_fields(vals)
        self._check_field_write(vals)
        if {"employee_id", "year"} & set(vals):
            counted = self.filtered(lambda i: i.state != "cancelled")
            counted._check_one_per_year([
                (vals.get("employee_id", interview.employee_id.id), vals.get("year", interview.year))
                for interview in counted
            ])
        if "template_id" in vals:
            self._check_template_change(vals["template_id"])
        relinked = records_changing(self, vals, ["employee_id", "year", "template_id"])
        relinked._check_employee_change()
        leaders = (
            {interview.id: interview.leader_id for interview in self}
            if {"employee_id", "leader_id"} & set(vals) else {}
        )
        result = super().write(vals)
        if {"employee_id", "leader_id"} & set(vals):
            self._check_creator([(interview.employee_id, interview.leader_id) for interview in self])
        if "template_id" in vals:
            self._generate_answers()
        if relinked:
            relinked._relink_previous_interview()
        if leaders:
            self.filtered(lambda i: i.leader_id != leaders[i.id])._leader_changed(leaders)
        if "employee_id" in vals:
            self._sync_party_followers()
        if {"scheduled_date", "duration", "location", "employee_id", "leader_id"} & set(vals):
            self.filtered(lambda i: i.scheduled_date and i.state != "cancelled")._sync_calendar_event()
        if {"scheduled_date", "held_on"} & set(vals):
            self._sync_plan_period()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_offered(self):
        # A MUS that was offered stays on record, cancelled or not: every
        # employee must be offered one a year.
        offered = self.filtered_domain(self._mus_offered_domain())
        if offered:
            raise UserError(self.env._(
                "Only a planned MUS can be deleted; one that has been offered stays on record "
                "(cancel it instead): %(names)s",
                names=", ".join(offered.mapped("name")),
            ))

    def unlink(self):
        # Plans and lines go by cascade; the meeting is not ours to cascade.
        events = self.calendar_event_id
        result = super().unlink()
        events.sudo().unlink()
        return result

    # ------------------------------------------------------------------
    # Field write rules
    # ------------------------------------------------------------------
    # Which role may change which field, and in which states (fields not

    # ------------------------------------------------------------------
    # Roles and the workflow's hooks (mus.workflow.mixin checks)
    # ------------------------------------------------------------------

    # Requirements (workflow.Requirement.name -> predicate)
    def _requirement_scheduled_date(self, **kwargs):
        return bool(self.scheduled_date)

    def _requirement_party_users(self, **kwargs):
        return bool(self.employee_user_id and self.leader_user_id)

    def _requirement_template(self, **kwargs):
        return bool(self.template_id)

    def _requirement_reason(self, reason=None, **kwargs):
        return bool(reason and reason.strip())

    def _requirement_new_date(self, new_date=None, **kwargs):
        return bool(new_date) and fields.Datetime.to_datetime(new_date) > fields.Datetime.now()

    def _requirement_preparation_open(self, **kwargs):
        party = self._mus_party()
        return not (self.employee_prepared_on if party == EMPLOYEE else self.leader_prepared_on)

    def _requirement_complete_goal(self, **kwargs):
        return bool(self.sudo().plan_id.goal_ids.filtered("is_complete"))

    def _requirement_signature(self, signature=None, **kwargs):
        return bool(signature)

    def _requirement_not_signed_yet(self, **kwargs):
        party = self._mus_party()
        return not (self.plan_id.employee_signed_on if party == EMPLOYEE else self.plan_id.leader_signed_on)

    def _requirement_offered(self, **kwargs):
        return bool(self.filtered_domain(self._mus_offered_domain()))

    def _requirement_follow_up_complete(self, **kwargs):
        return all(checkpoint.state == "done" for checkpoint in self.sudo().follow_up_ids)

    # ------------------------------------------------------------------
    # Actions (public API, documented in the README)
    # ------------------------------------------------------------------
    def action_invite(self):
        """Send the invitation: mail to the employee, meeting in both calendars."""
        self._check_transition("invite")
        self._do_invite()
        return True

    def action_accept(self):
        """The employee accepts the proposed time; both start preparing."""
        self._check_transition("accept")
        self._do_accept()
        return True

    def action_postpone(self, reason=None, new_date=None):
        """Move the interview to ``new_date``; the employee is told ``reason``
        and accepts the new time."""
        self._check_transition("postpone", reason=reason, new_date=new_date)
        self._do_postpone(reason, new_date)
        return True

    def action_submit_preparation(self):
        """The current user (employee or leader) has finished preparing."""
        self._check_transition("submit_preparation")
        for interview in self:
            interview._do_submit_preparation(interview._mus_party())
        return True

    def action_start_interview(self):
        """The leader holds the interview: agreed notes and the plan follow."""
        self._check_transition("start_interview")
        self._do_start_interview()
        return True

    def action_request_signatures(self):
        """The plan is agreed: both parties are asked to sign it."""
        self._check_transition("request_signatures")
        self._do_request_signatures()
        return True

    def action_sign(self, signature=None):
        """Sign the development plan as the party the current user is. When
        both have signed, the plan is locked and follow-up starts."""
        self._check_transition("sign", signature=signature)
        for interview in self:
            interview._do_sign(interview._mus_party(), signature)
        return True

    def action_done(self):
        """Close the MUS once its follow-up is complete."""
        self._check_transition("done")
        self._do_done()
        return True

    def action_decline(self, reason=None):
        """The employee declines the offered MUS (``reason`` optional); it
        still counts as offered."""
        self._check_transition("decline", reason=reason)
        self._do_decline(reason)
        return True

    def action_cancel(self, reason=None):
        """Cancel the MUS; the employee is told ``reason``."""
        self._check_transition("cancel", reason=reason)
        self._do_cancel(reason)
        return True

    # Buttons that need input open a wizard, which then calls the action.
    def action_open_postpone_wizard(self):
        return self._open_transition_wizard("postpone", "mus.reason.wizard", default_transition="postpone")

    def action_open_cancel_wizard(self):
        return self._open_transition_wizard("cancel", "mus.reason.wizard", default_transition="cancel")

    def action_open_decline_wizard(self):
        return self._open_transition_wizard("decline", "mus.decline.wizard")

    def action_open_sign_wizard(self):
        return self._open_transition_wizard("sign", "mus.sign.wizard")

    def _open_transition_wizard(self, name, res_model, **context):
        """The wizard of ``res_model`` asking for what transition ``name``
        needs, if the current user may fire it now."""
        self.ensure_one()
        transition = self._check_transition(name, for_button=True)
        return {
            "type": "ir.actions.act_window",
            "name": self._lazy(transition.label),
            "res_model": res_model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_interview_id": self.id, **context},
        }

    @api.model
    def action_mus_landing(self):
        """Where the MUS app opens (its menu's server action): a leader (who
        has a team) on their team's MUS, HR on all of them, anyone else on
        their own."""
        has_team = self.env["hr.employee"].sudo().search_count(
            [("parent_id.user_id", "=", self.env.uid)], limit=1,
        )
        if has_team:
            xmlid = "mus_odoo.mus_interview_action_team"
        elif self.env.user.has_group("mus_odoo.group_mus_officer"):
            xmlid = "mus_odoo.mus_interview_action_all"
        else:
            xmlid = "mus_odoo.mus_interview_action_my"
        return self.env["ir.actions.act_window"]._for_xml_id(xmlid)

    # ------------------------------------------------------------------
    # Business methods (the work of each transition)
    # ------------------------------------------------------------------
    def _do_accept(self):
        self._set_state("accept", accepted_on=fields.Datetime.now())
        self._activity_update()

    def _do_start_interview(self):
        self._set_state("start_interview", held_on=fields.Datetime.now())
        self._activity_update()
        # Last year's goals as they stand now; next year's MUS reviews this one.
        self._link_previous_interview(resync=True)
        self._relink_later_interviews()

    def _do_request_signatures(self):
        self._set_state("request_signatures")
        self._activity_update()

    def _do_done(self):
        self._set_state("done", closed_on=fields.Datetime.now())
        self._activity_update()

    def _do_invite(self):
        not_offered = self.filtered(lambda interview: not interview.offered_on)
        not_offered._set_state("invite", offered_on=fields.Datetime.now())
        (self - not_offered)._set_state("invite")
        self._sync_calendar_event()
        self._send_invitation()
        self._activity_update()

    def _send_invitation(self):
        template = self.env.ref("mus_odoo.mail_template_mus_invitation")
        for interview in self:
            interview.with_context(mail_notify_force_send=False).message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )

    def _do_postpone(self, reason, new_date):
        for interview in self:
            old_date = interview.scheduled_date
            interview._set_state(
                "postpone", scheduled_date=new_date, accepted_on=False,
                employee_prepared_on=False, leader_prepared_on=False,
            )
            employee_env = interview._employee_lang_env()
            interview._notify_employee(employee_env._(
                "Your MUS planned for %(old)s has been moved to %(new)s. Reason: %(reason)s",
                old=interview._format_datetime(old_date),
                new=interview._format_datetime(interview.scheduled_date),
                reason=reason,
            ))
        self._send_invitation()
        self._activity_update()

    def _do_submit_preparation(self, party):
        now = fields.Datetime.now()
        field_name = "employee_prepared_on" if party == EMPLOYEE else "leader_prepared_on"
        self._set_state("submit_preparation", **{field_name: now})
        user = self.employee_user_id if party == EMPLOYEE else self.leader_user_id
        self.sudo().activity_feedback(["mus_odoo.mail_act_mus_prepare"], user_id=user.id)
        self.message_post(
            body=self.env._("%(name)s has submitted their preparation.", name=self.env.user.name),
            subtype_xmlid="mail.mt_note",
        )
        if party == LEADER and self.leader_user_id:
            self._mus_schedule_activity(
                "mus_odoo.mail_act_mus_hold", self.leader_user_id,
                (self.scheduled_date and self.scheduled_date.date()) or fields.Date.today(),
            )

    def _do_sign(self, party, signature):
        self.plan_id._mus_lock_for_signing()
        self.plan_id.sudo()._sign(party, signature, self.env.user)
        user = self.employee_user_id if party == EMPLOYEE else self.leader_user_id
        self.sudo().activity_feedback(["mus_odoo.mail_act_mus_sign"], user_id=user.id)
        self.message_post(
            body=self.env._("%(name)s has signed the development plan.", name=self.env.user.name),
            subtype_xmlid="mail.mt_note",
        )
        # Both have signed: the joint step reaches its target.
        if self._set_state("sign"):
            self._activity_update()
            self._create_follow_ups()
            self._mus_send_signed_plan()
            self._relink_later_interviews()

    def _do_cancel(self, reason):
        self._set_state("cancel", cancel_reason=reason, closed_on=fields.Datetime.now())
        for interview in self:
            interview._notify_employee(interview._employee_lang_env()._(
                "Your MUS has been cancelled. Reason: %(reason)s", reason=reason,
            ))
        self.calendar_event_id.sudo().with_context(no_mail_to_attendees=True).action_archive()
        self._activity_update()

    def _do_decline(self, reason):
        now = fields.Datetime.now()
        self.filtered(lambda interview: not interview.offered_on).sudo().write({"offered_on": now})
        self._set_state("decline", decline_reason=(reason or "").strip() or False, closed_on=now)
        for interview in self:
            interview.message_post(
                body=self.env._(
                    "%(employee)s has declined the MUS. Reason: %(reason)s",
                    employee=interview.employee_id.name, reason=interview.decline_reason or "–",
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.calendar_event_id.sudo().with_context(no_mail_to_attendees=True).action_archive()
        self._activity_update()

    def _notify_employee(self, body):
        partner = self.employee_id.work_contact_id
        self.with_context(mail_notify_force_send=False).message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=partner.ids,
        )


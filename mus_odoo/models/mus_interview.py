import base64
from collections import defaultdict
from datetime import datetime, timedelta
from urllib.parse import urlparse

import pytz
from dateutil.relativedelta import relativedelta
from werkzeug.urls import url_encode

from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.addons.portal.utils import validate_thread_with_hash_pid, validate_thread_with_token
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, html2plaintext, is_html_empty, plaintext2html

from .. import access, workflow
from ..sql_insert import insert_into
from ..tools import format_mus_datetime, groups_in_workflow_order, ical_event, records_changing
from ..workflow import EMPLOYEE, HR, LEADER

# Who may read a confidential field changes with the parties.
_CONTENT_DEPENDS = {"depends": ["employee_user_id", "leader_user_id"], "depends_context": ["uid"]}

PLAN_REPORT = "mus_odoo.action_report_mus_development_plan"


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
    state = fields.Selection(tracking=True, group_expand="_group_expand_states")
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
    # listed follow the access rights only), and the fields the workflow
    # alone writes: declared in mus_odoo/access.py.
    _MUS_FIELD_RULES = access.field_rules("mus.interview")
    _MUS_WORKFLOW_FIELDS = access.workflow_fields("mus.interview")

    def _check_workflow_fields(self, vals):
        if self.env.su:
            return
        owned = self._MUS_WORKFLOW_FIELDS & set(vals)
        if owned:
            raise AccessError(self.env._(
                "These fields of a MUS change only through its workflow buttons: %(fields)s.",
                fields=", ".join(
                    self._fields[name].get_description(self.env)["string"] for name in sorted(owned)
                ),
            ))

    def _check_creator(self, pairs):
        """A leader plans the MUS of their own team members; HR anyone's.
        ``pairs``: (employee, leader) of the interviews being created or
        changed, as employee records (leader empty: the employee's manager)."""
        if self.env.su:
            return
        is_hr = self.env.user.has_group(access.HR_GROUP)
        for employee, leader in pairs:
            employee = employee.sudo()
            leader = (leader or employee.parent_id).sudo()
            if not is_hr and not (leader and leader == employee.parent_id and leader.user_id == self.env.user):
                raise AccessError(self.env._(
                    "%(employee)s is not in your team: only their own leader or HR can plan their MUS.",
                    employee=employee.name,
                ))
            if employee and not employee.user_id.active:
                # Nobody could accept, prepare or sign it (a cycle lists them
                # to resolve the same way).
                raise UserError(self.env._(
                    "%(employee)s has no user: give them one (portal access will do) before planning "
                    "their MUS, which they accept, prepare and sign themselves.",
                    employee=employee.name,
                ))
            if is_hr:
                # HR plans anyone's MUS and hands it over, but only to one of
                # the employee's managers: the leader reads what is said.
                if leader and leader not in employee._mus_managers():
                    raise AccessError(self.env._(
                        "%(leader)s is not a manager of %(employee)s: a MUS is held by the employee's "
                        "leader, or by a manager above them.",
                        leader=leader.name, employee=employee.name,
                    ))
                if leader and leader.user_id == self.env.user and leader != employee.parent_id:
                    raise AccessError(self.env._(
                        "You cannot hand the MUS of %(employee)s over to yourself: its leader reads what "
                        "is said in it. Their own manager holds it.",
                        employee=employee.name,
                    ))

    def _check_create_field_rules(self, vals_list):
        """What is written later in the MUS (the summary, the employee's
        feedback) is not written at its creation either. Who may plan it is
        checked by ``_check_creator``."""
        if self.env.su:
            return
        for interview, vals in zip(self, vals_list, strict=True):
            # Who plans it, for whom, and in which company (that of the
            # employee, by check_company) is ``_check_creator``'s.
            for field_name in set(vals) & set(self._MUS_FIELD_RULES) - {"employee_id", "leader_id", "company_id"}:
                if not vals[field_name]:
                    continue
                error = interview._mus_field_error(field_name)
                if error:
                    raise error

    def _check_field_write(self, vals):
        if self.env.su:
            return
        for field_name in set(vals) & set(self._MUS_FIELD_RULES):
            # Against what is stored: a confidential field reads empty to
            # whoever may not read it, who must not erase it either.
            for interview in records_changing(self.sudo(), vals, [field_name]).with_env(self.env):
                error = interview._mus_field_error(field_name)
                if error:
                    raise error

    def _mus_field_error(self, field_name):
        """Why the current user may not change ``field_name`` now (an
        exception to raise), or None."""
        self.ensure_one()
        allowed_roles, allowed_states = self._MUS_FIELD_RULES[field_name]
        label = self._fields[field_name].get_description(self.env)["string"]
        if not self._mus_roles() & set(allowed_roles):
            return AccessError(self.env._(
                "Only %(roles)s can change “%(field)s” on %(interview)s.",
                roles=self._mus_roles_label(allowed_roles), field=label, interview=self.display_name,
            ))
        if self.state not in allowed_states:
            if field_name in ("scheduled_date", "duration"):
                return UserError(self.env._(
                    "The invitation to %(interview)s has been sent: move it with “Postpone”, "
                    "so the employee is told why.",
                    interview=self.display_name,
                ))
            return UserError(self.env._(
                "“%(field)s” cannot be changed while the MUS is %(state)s.",
                field=label, state=self._state_label(),
            ))
        return None

    def _mus_note_error(self, field_name):
        """Why the current user may not write ``field_name`` of the answers now."""
        self.ensure_one()
        role, states, submitted_field = self.env["mus.interview.answer"]._NOTE_RULES[field_name]
        label = self.env["mus.interview.answer"]._fields[field_name].get_description(self.env)["string"]
        if role not in self._mus_roles():
            return AccessError(self.env._(
                "Only %(role)s can write “%(field)s” on %(interview)s.",
                role=self._mus_roles_label((role,)), field=label, interview=self.display_name,
            ))
        if submitted_field and self[submitted_field]:
            return UserError(self.env._(
                "Your preparation of %(interview)s is submitted and can no longer be changed.",
                interview=self.display_name,
            ))
        if self.state not in states:
            return UserError(self.env._(
                "“%(field)s” cannot be changed now: the MUS is %(state)s.",
                field=label, state=self._state_label(),
            ))
        return None

    def _mus_leader_error(self, message, rule, closed_message):
        """The roles and states of ``rule`` (``access.rule``): the rule of
        everything the leader writes about the talk (review, plan, progress,
        follow-up)."""
        roles, states = access.rule(rule)
        if not self._mus_roles() & set(roles):
            return AccessError(message)
        if self.state not in states:
            return UserError(closed_message)
        return None

    def _mus_review_error(self):
        self.ensure_one()
        return self._mus_leader_error(
            self.env._(
                "Only the leader of %(interview)s writes the review of last year's plan.",
                interview=self.display_name,
            ),
            "review",
            self.env._(
                "Last year's plan is reviewed in the interview: %(interview)s is %(state)s.",
                interview=self.display_name, state=self._state_label(),
            ),
        )

    def _mus_plan_error(self):
        self.ensure_one()
        error = self._mus_leader_error(
            self.env._(
                "Only the leader of %(interview)s can change its development plan.",
                interview=self.display_name,
            ),
            "plan",
            self.env._(
                "The development plan is written in the interview: %(interview)s is %(state)s.",
                interview=self.display_name, state=self._state_label(),
            ),
        )
        # Who may not write it is told so first; the leader, that it is locked.
        if not isinstance(error, AccessError) and self.plan_id.is_signed:
            return UserError(self.env._(
                "The development plan of %(interview)s is signed by both parties and locked.",
                interview=self.display_name,
            ))
        return error

    def _mus_progress_error(self):
        self.ensure_one()
        return self._mus_leader_error(
            self.env._(
                "Only the leader of %(interview)s records the progress of its goals.",
                interview=self.display_name,
            ),
            "progress",
            self.env._(
                "Goal progress is recorded during follow-up: %(interview)s is %(state)s.",
                interview=self.display_name, state=self._state_label(),
            ),
        )

    def _mus_follow_up_error(self, checkpoint_closed=False):
        self.ensure_one()
        closed = self.env._("This follow-up checkpoint of %(interview)s is closed.", interview=self.display_name)
        error = self._mus_leader_error(
            self.env._("Only the leader of %(interview)s records its follow-up.", interview=self.display_name),
            "follow_up",
            closed,
        )
        return error or (UserError(closed) if checkpoint_closed else None)

    def _check_employee_change(self):
        """Notes written about one employee never move to another's MUS, nor
        does the review of their last plan."""
        for interview in self:
            # Whoever asks (HR reads no notes): what was written anywhere.
            if interview.sudo().answer_ids._has_content() or interview.sudo().review_ids._has_content():
                raise UserError(self.env._(
                    "%(interview)s already has notes: plan a new MUS for another employee or year.",
                    interview=interview.display_name,
                ))

    def _relink_previous_interview(self):
        """After the employee or year changed: that employee's own past."""
        self.review_ids.sudo().unlink()
        self.sudo().previous_interview_id = False
        self._link_previous_interview()

    def _check_template_change(self, template_id):
        for interview in self:
            if interview.template_id.id == template_id:
                continue
            if interview.sudo().answer_ids._has_content():
                raise UserError(self.env._(
                    "%(interview)s already has answers: its question template cannot change.",
                    interview=interview.display_name,
                ))
            interview.sudo().answer_ids.unlink()

    # ------------------------------------------------------------------
    # Roles and the workflow's hooks (mus.workflow.mixin checks)
    # ------------------------------------------------------------------
    def _workflow_roles(self, user=None):
        return self._mus_roles(user)

    def _workflow_role_user(self, role):
        return {EMPLOYEE: self.employee_user_id, LEADER: self.leader_user_id}.get(role) or self.env["res.users"]

    def _mus_roles(self, user=None):
        """The roles ``user`` (default: current user) has on this interview."""
        self.ensure_one()
        user = user or self.env.user
        # The party predicate (``mus.party.mixin``), on a record in hand.
        roles = {
            role for role, (_employee_field, user_field) in access.PARTY_FIELDS.items()
            if self[user_field] and self[user_field] == user
        }
        if user.has_group(access.HR_GROUP):
            roles.add(HR)
        return roles

    def _mus_party(self):
        """The party (employee or leader) the current user signs or prepares as."""
        roles = self._mus_roles() & set(access.PARTIES)
        return next(iter(roles)) if len(roles) == 1 else None

    @api.model
    def _mus_roles_label(self, roles):
        return self._workflow_roles_label(roles)

    def _lazy(self, lazy_text):
        """A workflow label or message in the current user's language."""
        return self._workflow_lazy(lazy_text)

    def _workflow_state_error(self, transition):
        steps = self._workflow.next_steps(self.state)
        return self.env._(
            "%(interview)s is %(state)s: “%(action)s” is not possible now. "
            "Next steps from here: %(steps)s.",
            interview=self.display_name, state=self._state_label(),
            action=self._lazy(transition.label),
            steps=", ".join(self._lazy(step.label) for step in steps) or self.env._("none"),
        )

    def _workflow_actor_error(self, transition):
        return self.env._(
            "Only %(actors)s can “%(action)s” %(interview)s.",
            actors=self._mus_roles_label(transition.actors), action=self._lazy(transition.label),
            interview=self.display_name,
        )

    def _workflow_joint_complete(self, transition):
        # sign, the only joint step: both parties have signed the plan.
        return self.plan_id.is_signed

    def _mus_transition_error(self, transition, for_button=False, **kwargs):
        """Why the current user cannot fire ``transition`` now, or None."""
        return self._workflow_error(transition, for_button=for_button, **kwargs)

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

    def action_open_calendar_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
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

    def _employee_lang(self):
        return self.employee_id.work_contact_id.lang or self.employee_user_id.lang or self.env.lang

    def _employee_lang_env(self):
        """An environment in the employee's language, for what they are told."""
        return self.with_context(lang=self._employee_lang()).env

    def _format_datetime(self, value):
        """``value`` as the employee reads dates: their time zone and language."""
        if not value:
            return ""
        tz = self.employee_id.tz or self.env.user.tz or "UTC"
        return format_mus_datetime(self.env, value, tz=tz, lang_code=self._employee_lang())

    # ------------------------------------------------------------------
    # Business methods (creation helpers)
    # ------------------------------------------------------------------
    def _link_previous_interview(self, resync=False):
        """Remember the employee's previous MUS (the last one held in an
        earlier year) and, when the template has a theme that reviews it
        ("Siden sidste MUS"), bring its plan's goals in for review.
        ``resync``: the interviews may have review lines already, which
        follow the goals of the (new) previous plan (see ``_sync_review_lines``)."""
        previous = self.sudo().search([
            ("employee_id", "in", self.employee_id.ids),
            ("id", "not in", self.ids),
            ("state", "in", workflow.HELD_STATES),
        ], order="year desc, scheduled_date desc, id desc")
        by_employee = defaultdict(list)
        for other in previous:
            by_employee[other.employee_id.id].append(other)
        linked = defaultdict(lambda: self.browse())
        for interview in self:
            last = next(
                (other for other in by_employee[interview.employee_id.id] if other.year < interview.year),
                self.browse(),
            )
            # A new interview has no previous one yet (and no query to tell).
            if last != (interview.sudo().previous_interview_id if resync else self.browse()):
                linked[last] |= interview
        for last, interviews in linked.items():
            interviews.sudo().previous_interview_id = last
        self._sync_review_lines(resync)

    def _sync_review_lines(self, resync=False):
        """One review line per goal of the previous plan, when the template
        reviews it. With ``resync``, a line already there is kept with what
        was written in it: matched by its goal, or by the goal that now
        continues it (``mus.development.goal.review_id``); a line with
        nothing written in it and no goal left goes, one with text stays."""
        Review = self.env["mus.goal.review"].sudo()
        review_vals = []
        stale = Review
        reviewing = {}
        for interview in self.sudo():
            last = interview.previous_interview_id
            if not (last or resync) or last.anonymised_on:
                # Nothing to review, or retention erased it: the lines keep their copy.
                continue
            template = interview.template_id
            if template not in reviewing:
                reviewing[template] = bool(template.theme_ids.filtered("review_previous_plan"))
            goals = last.plan_id.goal_ids if reviewing[template] else last.plan_id.goal_ids.browse()
            lines = interview.review_ids if resync else Review
            for goal in goals:
                vals = {
                    "previous_goal_id": goal.id,
                    "sequence": goal.sequence,
                    "goal": goal.name,
                    "previous_actions": goal.actions,
                    "previous_status": goal.status,
                    "previous_progress": goal.progress,
                }
                line = lines.filtered(lambda r, g=goal: r.previous_goal_id == g)[:1] or lines.filtered(
                    lambda r, g=goal: r.previous_goal_id and r.previous_goal_id == g.review_id.previous_goal_id
                )[:1]
                if line:
                    lines -= line
                    line.write(vals)
                else:
                    review_vals.append({"interview_id": interview.id, **vals})
            stale |= lines.filtered(lambda r: not r._has_content())
        stale.unlink()
        Review.create(review_vals)

    def _relink_later_interviews(self):
        """This MUS was held or its plan signed: the employee's MUS of a
        later year not held yet (launched early, say) reviews this plan."""
        later = self.sudo().search([
            ("employee_id", "in", self.employee_id.ids),
            ("id", "not in", self.ids),
            ("state", "in", workflow.PLANNING_STATES),
        ])
        later = later.filtered(lambda other: any(
            other.employee_id == interview.employee_id and other.year > interview.year for interview in self
        ))
        later.with_env(self.env)._link_previous_interview(resync=True)

    def _generate_answers(self):
        """One answer line per active question of the template, in one
        INSERT ... SELECT for the whole batch: a cycle launch creates tens of
        thousands of lines, and a line is a plain row (no create logic, its
        texts live in ``mus.interview.content``). Every stored column of the
        line is written with it (``_mus_answer_insert_values``); a line that
        exists already is kept (the unique index on interview and question)."""
        interviews = self.filtered("template_id")
        if not interviews:
            return
        self.flush_recordset(["template_id", "company_id"])
        self.env["mus.question"].flush_model(["template_id", "theme_id", "sequence", "active"])
        self.env["mus.question.theme"].flush_model(["sequence"])
        into, values = insert_into(self.env["mus.interview.answer"], self._mus_answer_insert_values())
        self.env.execute_query(SQL(
            """INSERT INTO %(into)s
               SELECT %(values)s
                 FROM mus_interview interview
                 JOIN mus_question question ON question.template_id = interview.template_id
                                           AND question.active
                 JOIN mus_question_theme theme ON theme.id = question.theme_id
                WHERE interview.id = ANY(%(ids)s)
                ORDER BY interview.id, theme.sequence, question.sequence, question.id
               ON CONFLICT (interview_id, question_id) DO NOTHING""",
            into=into, values=values, ids=interviews.ids,
        ))
        interviews.invalidate_recordset(["answer_ids"])

    @api.model
    def _mus_answer_insert_values(self):
        """The value of every stored column of a new answer line (but its
        id), in SQL over the ``interview``, its template's ``question`` and
        the question's ``theme`` of ``_generate_answers``: the stored related
        fields are written with the row, as the ORM would compute them. A
        stored field added to the line needs its value here, else the
        launch fails (``sql_insert.insert_columns``)."""
        uid, now = self.env.uid, self.env.cr.now()
        return {
            "interview_id": SQL("interview.id"),
            "question_id": SQL("question.id"),
            "company_id": SQL("interview.company_id"),
            "theme_id": SQL("question.theme_id"),
            "theme_sequence": SQL("theme.sequence"),
            "question_sequence": SQL("question.sequence"),
            "create_uid": SQL("%s", uid),
            "create_date": SQL("%s", now),
            "write_uid": SQL("%s", uid),
            "write_date": SQL("%s", now),
        }

    def _prepare_plan_vals_list(self):
        return [interview._prepare_plan_vals() for interview in self]

    def _prepare_plan_vals(self):
        start, end = self._mus_plan_period()
        return {
            "interview_id": self.id,
            "date_start": start,
            "date_end": end,
            # The plan's stored related and computed fields, known here:
            # written with the row instead of computed and updated after.
            "employee_id": self.employee_id.id,
            "leader_id": self.leader_id.id,
            "company_id": self.company_id.id,
            "is_signed": False,
            "signed_on": False,
        }

    # ------------------------------------------------------------------
    # Business methods (the plan follows the talk)
    # ------------------------------------------------------------------
    def _mus_plan_period(self):
        """The period of the plan: from the day of the talk (held, else
        planned, else today) to the day before the next MUS is due, after
        the employee's MUS frequency (else the company's interval)."""
        self.ensure_one()
        moment = self.held_on or self.scheduled_date
        start = fields.Datetime.context_timestamp(self, moment).date() if moment else fields.Date.context_today(self)
        months = self.employee_id.sudo().mus_frequency_months or self.company_id.mus_interval_months or 12
        return start, start + relativedelta(months=months, days=-1)

    def _sync_plan_period(self):
        """Move the period of the plans with their talk (planned, postponed,
        held). A plan that has a signature keeps the period it was signed
        on; from the talk on, the leader may still adjust it on the plan."""
        by_period = defaultdict(lambda: self.env["mus.development.plan"].sudo())
        for interview in self.filtered(lambda i: i.state in workflow.PLAN_DRAFTING_STATES):
            plan = interview.plan_id.sudo()
            if not plan or plan.employee_signed_on or plan.leader_signed_on:
                continue
            period = interview._mus_plan_period()
            if (plan.date_start, plan.date_end) != period:
                by_period[period] |= plan
        for (start, end), plans in by_period.items():
            plans.write({"date_start": start, "date_end": end})

    def _leader_changed(self, old_leaders):
        """A new leader takes over: they follow the MUS and get the open
        to-dos; the former leader stops following. A signature given to the
        plan before the change no longer binds the parties."""
        self._sync_party_followers()
        for interview in self:
            old_leader = old_leaders[interview.id]
            if old_leader.user_id and interview.leader_user_id:
                interview.with_user(SUPERUSER_ID).activity_ids.filtered(
                    lambda activity, user=old_leader.user_id: activity.user_id == user
                ).write({"user_id": interview.leader_user_id.id})
            if interview.state == "signing":
                interview.plan_id._clear_signatures(self.env._(
                    "The MUS has a new leader: the signatures of %(signers)s were cleared and "
                    "must be given again.",
                    signers=", ".join((interview.plan_id.employee_signed_by | interview.plan_id.leader_signed_by)
                                      .mapped("name")),
                ))
            if old_leader and interview.leader_id:
                interview.message_post(
                    body=self.env._(
                        "%(new)s takes over this MUS from %(old)s.",
                        new=interview.leader_id.name, old=old_leader.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _sync_party_followers(self):
        """After a change of party (employee, leader, or their user or work
        contact): the parties follow, and nobody else does any longer."""
        parties = self._mus_party_partner_ids()
        self.env["mail.followers"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
        ]).filtered(lambda follower: follower.partner_id.id not in parties[follower.res_id]).unlink()
        self._subscribe_parties()

    def _subscribe_parties(self):
        """The employee and the leader follow their MUS, with the subtypes
        ``message_subscribe`` gives (the external ones for portal users).
        One INSERT for the whole batch, as a cycle launch subscribes two
        parties to thousands of MUS at once; a follower that exists already
        is kept as it is (the unique index of ``mail.followers``)."""
        wanted = sorted(
            (interview_id, partner_id)
            for interview_id, partner_ids in self._mus_party_partner_ids().items()
            for partner_id in partner_ids
        )
        if not wanted:
            return
        partner_ids = list({partner_id for _interview_id, partner_id in wanted})
        default, _internal, external = self.env["mail.message.subtype"].default_subtypes(self._name)
        customers = self.env["res.partner"].sudo().browse(partner_ids).filtered("partner_share").ids
        Followers = self.env["mail.followers"]
        Followers.flush_model()
        into, values = insert_into(Followers, self._mus_follower_insert_values())
        subtypes = Followers._fields["subtype_ids"]
        self.env.execute_query(SQL(
            """WITH wanted AS (
                   SELECT * FROM unnest(%(res_ids)s::int[], %(partner_ids)s::int[]) AS wanted(res_id, partner_id)
               ), inserted AS (
                   INSERT INTO %(into)s
                        SELECT %(values)s FROM wanted
                   ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
                     RETURNING id, partner_id
               )
               INSERT INTO %(subtype_rel)s (%(follower_column)s, %(subtype_column)s)
                    SELECT inserted.id, subtype_id
                      FROM inserted
                     CROSS JOIN LATERAL unnest(
                         CASE WHEN inserted.partner_id = ANY(%(customers)s::int[])
                              THEN %(external)s::int[] ELSE %(default)s::int[] END
                     ) AS subtype_id""",
            res_ids=[res_id for res_id, _partner_id in wanted],
            partner_ids=[partner_id for _res_id, partner_id in wanted],
            into=into, values=values, subtype_rel=SQL.identifier(subtypes.relation),
            follower_column=SQL.identifier(subtypes.column1), subtype_column=SQL.identifier(subtypes.column2),
            customers=customers, external=external.ids, default=default.ids,
        ))
        Followers.invalidate_model()
        self.invalidate_recordset(["message_follower_ids", "message_partner_ids", "message_is_follower"])

    def _mus_follower_insert_values(self):
        """The value of every stored column of a new follower (but its id),
        in SQL over the ``wanted`` pairs (``res_id``, ``partner_id``) of
        ``_subscribe_parties``. A stored field added to ``mail.followers``
        needs its value here, else the subscription fails
        (``sql_insert.insert_columns``)."""
        return {
            "res_model": SQL("%s", self._name),
            "res_id": SQL("wanted.res_id"),
            "partner_id": SQL("wanted.partner_id"),
        }

    # ------------------------------------------------------------------
    # Chatter: the MUS's messages reach its parties only
    # ------------------------------------------------------------------
    def _mus_party_partners(self):
        """The partners of the employee and the leader, who alone follow the
        MUS and are notified of its messages."""
        return self.env["res.partner"].browse(
            {partner_id for partner_ids in self._mus_party_partner_ids().values() for partner_id in partner_ids}
        )

    def _mus_party_partner_ids(self):
        """{interview id: the ids of its parties' partners}: their work
        contacts and the partners of their users."""
        return {
            interview.id: {
                partner_id
                for employee_field, user_field in access.PARTY_FIELDS.values()
                for partner_id in (interview[employee_field].work_contact_id.id, interview[user_field].partner_id.id)
            } - {False}
            for interview in self.sudo()
        }

    @api.model
    def _mus_party_ids(self, interview_ids, user=None):
        """The ids among ``interview_ids`` of which ``user`` (default: the
        current user) is the employee or the leader, by the party predicate.
        One query, no record rule: it serves the access checks of messages
        and attachments."""
        interviews = self.sudo().with_context(active_test=False)
        return set(interviews._search(
            [("id", "in", list(interview_ids)), *self._mus_party_domain(user)],
        ).get_result_ids())

    def message_post(self, **kwargs):
        # HR writes to the parties, but adds no file to a MUS: its files are
        # the parties' (as ``ir.attachment`` refuses HR the same).
        if (kwargs.get("attachments") or kwargs.get("attachment_ids")) and not self.env.su \
                and set(self.ids) - self._mus_party_ids(self.ids):
            raise AccessError(self.env._(
                "The files of a MUS are confidential between the employee and the leader."
            ))
        return super().message_post(**kwargs)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Who the parties are is asked of readers only (no oracle on others' MUS).
        self.check_access("read")
        others = self.env["res.partner"].browse(partner_ids or []) - self._mus_party_partners()
        if others and not self.env.su:
            raise UserError(self.env._(
                "Only the employee and the leader follow a MUS: what is said in it is confidential. "
                "%(partners)s cannot follow it.",
                partners=", ".join(others.mapped("display_name")),
            ))
        if self.env.su and not others and not subtype_ids and self.env.context.get("mus_parties_subscribed"):
            # The parties of these MUS were just subscribed in one batch
            # (``_subscribe_parties``): a to-do for one of them adds nobody.
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # Whoever posts or creates (HR, say) does not become a follower.
        if not partner_ids:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
        # One call per set of partners allowed (the leader of a team's MUS,
        # say), not one per interview.
        wanted = set(partner_ids)
        groups = defaultdict(list)
        for interview_id, party_ids in self._mus_party_partner_ids().items():
            allowed = tuple(sorted(wanted & party_ids))
            if allowed:
                groups[allowed].append(interview_id)
        for allowed, interview_ids in groups.items():
            super(MusInterview, self.browse(interview_ids))._message_subscribe(
                list(allowed), subtype_ids, customer_ids=customer_ids,
            )
        return True

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        parties = self._mus_party_partners().ids
        return [recipient for recipient in recipients if recipient["id"] in parties]

    # ------------------------------------------------------------------
    # Calendar
    # ------------------------------------------------------------------
    def _prepare_calendar_event_vals(self):
        start = self.scheduled_date
        return {
            "name": self.env._("MUS: %(employee)s", employee=self.employee_id.name),
            "start": start,
            "stop": start + timedelta(hours=self.duration or 1.0),
            "duration": self.duration or 1.0,
            "location": self.location or False,
            "user_id": self.leader_user_id.id or self.env.user.id,
            "partner_ids": [fields.Command.set(
                (self.employee_id.work_contact_id | self.leader_id.work_contact_id).ids
            )],
            "privacy": "private",
            "show_as": "busy",
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "description": self.env._(
                "Employee development interview (MUS) between %(employee)s and %(leader)s.",
                employee=self.employee_id.name, leader=self.leader_id.name or "",
            ),
        }

    def _sync_calendar_event(self):
        """Create or update the meeting of each interview with a date."""
        Event = self.env["calendar.event"].sudo().with_context(
            no_mail_to_attendees=True, dont_notify=True, mail_create_nosubscribe=True,
        )
        dated = self.filtered("scheduled_date")
        for interview in dated.filtered("calendar_event_id"):
            interview.calendar_event_id.with_env(Event.env).write(interview._prepare_calendar_event_vals())
        new = dated - dated.filtered("calendar_event_id")
        events = Event.create([interview._prepare_calendar_event_vals() for interview in new])
        for interview, event in zip(new, events, strict=True):
            interview.sudo().calendar_event_id = event

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def _activity_update(self):
        """The to-dos of the workflow's states (``workflow.MUS_WORKFLOW.activities``)."""
        self._workflow_activity_update()

    def _workflow_activity_deadline(self, role, activity_xmlid):
        # By the interview (signing: now, the talk is held).
        if self.scheduled_date and self.state != "signing":
            return self.scheduled_date.date()
        return fields.Date.today()

    @api.model
    def _workflow_schedule_activities(self, todo):
        return self._mus_schedule_activities(todo)

    def _mus_schedule_activity(self, xmlid, user, date_deadline, summary=None):
        """Schedule an activity for ``user``, summarised in their language."""
        return self._mus_schedule_activities([
            (interview, xmlid, user, date_deadline, summary) for interview in self
        ])

    @api.model
    def _mus_schedule_activities(self, todo):
        """Create the activities of ``todo`` in one go: tuples of (interview,
        activity type xml id, user, deadline[, summary]); each summary in the
        language of its user."""
        if not todo or self.env.context.get("mail_activity_automation_skip"):
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        types = {}
        vals_list = []
        for interview, xmlid, user, date_deadline, *summary in todo:
            lang = user.lang or self.env.lang
            if (xmlid, lang) not in types:
                types[xmlid, lang] = self.env.ref(xmlid).with_context(lang=lang)
            activity_type = types[xmlid, lang]
            vals_list.append({
                "activity_type_id": activity_type.id,
                "summary": (summary and summary[0]) or activity_type.summary,
                "note": activity_type.default_note,
                "automated": True,
                "date_deadline": date_deadline,
                "res_model_id": model_id,
                "res_id": interview.id,
                "user_id": user.id,
                # Stored computed fields of the to-do, known here for the
                # whole batch (computed one record at a time otherwise).
                "res_name": interview.display_name,
                "user_tz": user.tz,
                "date_done": False,
            })
        # The workflow's to-dos, whoever acts (HR reads only its own).
        return self.env["mail.activity"].sudo().create(vals_list)

    # ------------------------------------------------------------------
    # Follow-up
    # ------------------------------------------------------------------
    def _create_follow_ups(self):
        vals_list = []
        for interview in self:
            signed = fields.Date.to_date(interview.plan_id.signed_on) or fields.Date.today()
            for sequence, months in enumerate(interview.company_id._mus_follow_up_months(), start=1):
                vals_list.append({
                    "interview_id": interview.id,
                    "sequence": sequence,
                    "date_due": signed + relativedelta(months=months),
                })
        checkpoints = self.env["mus.follow.up"].sudo().create(vals_list)
        checkpoints._schedule_activity()
        # A company without checkpoints has nothing to follow up.
        for interview in self.filtered(lambda i: not i.sudo().follow_up_ids):
            interview.sudo()._set_state("done", closed_on=fields.Datetime.now())

    def _follow_up_completed(self):
        """Called by a checkpoint when it is done: the last one closes the MUS."""
        for interview in self.filtered(lambda i: i.state == "follow_up"):
            if interview._requirement_follow_up_complete():
                interview.action_done()

    # ------------------------------------------------------------------
    # Portal: the employee's page, reached as a portal user or by the
    # invitation's token
    # ------------------------------------------------------------------
    def _compute_access_url(self):
        for interview in self:
            interview.access_url = f"/my/mus/{interview.id}"

    def _portal_ensure_token(self):
        return super(MusInterview, self.sudo())._portal_ensure_token()

    def get_portal_url(self, suffix=None, report_type=None, download=None, query_string=None, anchor=None):
        """The portal page, without the access token: the token acts as the
        employee, so it is only in the employee's own invitation email
        (``_mus_employee_portal_url``), never returned to a caller."""
        self.ensure_one()
        params = {key: value for key, value in (("report_type", report_type), ("download", download and "true"))
                  if value}
        query = url_encode(params)
        if query_string:
            query = f"{query}&{query_string.lstrip('&?')}" if query else query_string.lstrip("&?")
        return f"{self.access_url}{suffix or ''}{'?' + query if query else ''}{'#' + anchor if anchor else ''}"

    def _get_share_url(self, redirect=False, signup_partner=False, pid=None, share_token=True):
        """A MUS is not shared (``portal.share``): the link carries neither
        the access token nor a signed partner hash."""
        return super()._get_share_url(redirect=redirect, signup_partner=False, pid=None, share_token=False)

    def _mus_employee_portal_url(self):
        """The link with the access token, for the employee's own email only."""
        self.ensure_one()
        return f"{self.get_base_url()}{self.access_url}?{url_encode({'access_token': self._portal_ensure_token()})}"

    def get_mus_open_url(self):
        """The link to the MUS in a message body: no token (a stored body is
        read by the other party and by its author too); Odoo's redirect
        opens the portal page or the form, after a login if needed."""
        self.ensure_one()
        return f"{self.get_base_url()}/mail/view?model={self._name}&res_id={self.id}"

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        """The chatter of a MUS (its messages, files, followers, scheduled
        messages, as Odoo's mail, discuss and portal routes reach them) is
        its parties': reading or writing the MUS's status (HR) is not
        enough. The employee's access token (or a link signed for a party)
        still opens it, as the portal page does."""
        thread = super()._get_thread_with_access(thread_id, mode, **kwargs)
        if not thread or self.env.su or self._mus_party_ids([thread.id]):
            return thread
        sudo = self.browse(thread_id).sudo()
        pid = kwargs.get("pid")
        if validate_thread_with_token(sudo, kwargs.get("token")) or (
            pid and str(pid).isdigit() and int(pid) in sudo._mus_party_partner_ids()[sudo.id]
            and validate_thread_with_hash_pid(sudo, kwargs.get("hash"), pid)
        ):
            return thread
        return self.browse()

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        """The link with the access token goes into the email of the
        employee alone, rendered for them (the header link of the mail
        layout), never into the message body that the chatter keeps."""
        groups = super()._notify_get_recipients_groups(message, model_description, msg_vals=msg_vals)
        if len(self) != 1:
            return groups
        employee_partners = (self.sudo().employee_id.work_contact_id | self.sudo().employee_user_id.partner_id).ids
        url = self._mus_employee_portal_url()
        groups.insert(0, (
            "mus_employee",
            lambda pdata: pdata["id"] in employee_partners,
            {"active": True, "has_button_access": True,
             "button_access": {"url": url, "title": self.env._("Open my MUS")}},
        ))
        return groups

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.display_name

    # ------------------------------------------------------------------
    # Reports: parties only
    # ------------------------------------------------------------------
    def _mus_check_party_access(self):
        """Raise unless the current user is the employee or the leader of
        every interview: HR follows the status, never the content, so it
        prints nothing. Internal code rendering on a party's behalf runs in
        sudo after its own check."""
        if self.env.su:
            return
        for interview in self.sudo():
            if not interview._mus_roles() & {EMPLOYEE, LEADER}:
                raise AccessError(self.env._(
                    "Only the employee and the leader of a MUS can print it."
                ))

    def action_print_plan(self):
        self._mus_check_party_access()
        return self.env.ref(PLAN_REPORT).report_action(self)

    def action_print_summary(self):
        self._mus_check_party_access()
        return self.env.ref("mus_odoo.action_report_mus_interview_summary").report_action(self)

    # ------------------------------------------------------------------
    # Portal: what the employee does there
    # ------------------------------------------------------------------
    def _mus_check_employee(self):
        """The portal acts in sudo: make sure the user is the employee."""
        self.ensure_one()
        if EMPLOYEE not in self._mus_roles():
            raise AccessError(self.env._("Only the employee of %(interview)s can do this.",
                                         interview=self.display_name))

    @api.model
    def _mus_offered_domain(self):
        """Offered: by a cycle or an invitation (a planned MUS is not yet)."""
        return ["|", ("offered_on", "!=", False), ("state", "!=", "draft")]

    @api.model
    def _mus_portal_domain(self, user):
        """The interviews ``user`` finds in the portal: their own, once
        offered, and not cancelled."""
        user.ensure_one()
        return [*self._mus_party_domain(user, (EMPLOYEE,)), ("state", "!=", "cancelled"), *self._mus_offered_domain()]

    def _mus_portal_answers(self):
        """The questions of the template, in the order of the themes."""
        return self.answer_ids.sorted(lambda a: (a.theme_sequence, a.question_sequence, a.id))

    def _mus_check_portal_write(self, error):
        """The portal writes as the employee, in sudo: it must be the employee,
        and ``error`` (the backend's own rule for what is written) must be None."""
        self._mus_check_employee()
        if error:
            raise error

    def _mus_portal_save_preparation(self, notes):
        """Write the employee's preparation: ``notes`` maps answer ids to
        texts. The same rule as in the backend decides whether they may."""
        self._mus_check_portal_write(self._mus_note_error("employee_note"))
        for answer in self.answer_ids:
            if answer.id in notes and (answer.employee_note or "") != notes[answer.id]:
                answer.employee_note = notes[answer.id]

    def _mus_portal_save_feedback(self, text):
        """Write the employee's feedback to the leader from the portal's plain
        text. The same rule as in the backend decides whether they may."""
        self._mus_check_portal_write(self._mus_field_error("employee_feedback"))
        if text is None:
            return
        text = text.strip()
        if text != self._mus_portal_feedback_text():
            self.employee_feedback = plaintext2html(text) if text else False

    def _mus_portal_feedback_text(self):
        """The feedback as the portal's plain text."""
        return "" if is_html_empty(self.employee_feedback) else html2plaintext(self.employee_feedback).strip()

    def _mus_request_move(self, proposed_date, message):
        """The employee asks to move the interview: the leader gets a to-do
        with the proposed time; only the leader or HR can postpone."""
        self._mus_check_employee()
        if self.state not in self._workflow_transition("postpone").sources:
            raise UserError(self.env._(
                "%(interview)s is %(state)s: the time can no longer be moved.",
                interview=self.display_name, state=self._state_label(),
            ))
        if not proposed_date or fields.Datetime.to_datetime(proposed_date) <= fields.Datetime.now():
            raise UserError(self.env._("Propose a new date and time in the future."))
        proposed = self.with_context(lang=self.leader_user_id.lang or self.env.lang)
        leader_env = proposed.env
        text = leader_env._(
            "%(employee)s asks to move the MUS to %(date)s. %(message)s",
            employee=self.employee_id.name,
            date=proposed._format_leader_datetime(proposed_date),
            message=message or "",
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=fields.Date.today(),
            user_id=self.leader_user_id.id,
            summary=leader_env._("Move the MUS of %(employee)s", employee=self.employee_id.name),
            note=text,
        )
        self.message_post(body=text, subtype_xmlid="mail.mt_note")

    def _mus_portal_datetime(self, value):
        """A ``datetime-local`` input of the portal, in the employee's time
        zone, as a UTC datetime."""
        local = datetime.strptime(value, "%Y-%m-%dT%H:%M")
        tz = pytz.timezone(self.employee_id.tz or "UTC")
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _mus_portal_ics(self):
        """The meeting as an iCalendar file for the employee's own calendar:
        when, where and with whom, nothing of the talk's content. The UID
        stays the same when the meeting moves, so a calendar that imports
        the file again updates the meeting rather than adding one."""
        self.ensure_one()
        start = self.scheduled_date
        return ical_event(
            uid=f"mus-interview-{self.id}@{urlparse(self.get_base_url()).hostname or 'localhost'}",
            start=start,
            stop=start + timedelta(hours=self.duration or 1.0),
            summary=self._employee_lang_env()._("MUS with %(leader)s", leader=self.leader_id.name or ""),
            stamp=fields.Datetime.now(),
            location=self.location,
            url=f"{self.get_base_url()}{self.access_url}",
        )

    def _format_leader_datetime(self, value):
        """``value`` as the leader reads it: their time zone and language."""
        tz = self.leader_user_id.tz or self.employee_id.tz or "UTC"
        return format_mus_datetime(
            self.env, fields.Datetime.to_datetime(value), tz=tz, lang_code=self.leader_user_id.lang or self.env.lang,
        )

    # ------------------------------------------------------------------
    # The signed plan goes to the employee
    # ------------------------------------------------------------------
    def _mus_send_signed_plan(self):
        """Attach the PDF of the signed plan to the interview and queue it to
        the employee in their language, whoever signed last."""
        template = self.env.ref("mus_odoo.mail_template_mus_plan_signed").sudo()
        for interview in self.sudo():
            pdf, _type = self.env["ir.actions.report"].sudo()._render_qweb_pdf(PLAN_REPORT, interview.ids)
            name = interview.with_context(lang=interview._employee_lang()).env._(
                "Development plan %(year)s - %(employee)s.pdf",
                year=interview.year, employee=interview.employee_id.name,
            )
            attachment = self.env["ir.attachment"].sudo().create({
                "name": name,
                "type": "binary",
                "datas": base64.b64encode(pdf),
                "res_model": interview._name,
                "res_id": interview.id,
                "mimetype": "application/pdf",
            })
            interview.plan_id.signed_pdf_id = attachment
            template.send_mail(
                interview.id, force_send=False,
                email_values={"attachment_ids": [Command.link(attachment.id)]},
            )
            interview.message_post(
                body=self.env._(
                    "The signed development plan was sent to %(employee)s.",
                    employee=interview.employee_id.name,
                ),
                attachment_ids=attachment.ids,
                subtype_xmlid="mail.mt_note",
            )

from ast import literal_eval

from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from werkzeug.urls import url_encode

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import workflow
from ..tools import format_mus_date, format_mus_datetime
from ..workflow import HR


class MusCycle(models.Model):
    """HR's round of MUS for a company and period: who is targeted, the
    deadlines, and the launch that offers every targeted employee their MUS.

    Who may read and change what:

    - HR officer (``group_mus_officer``): creates, launches, closes and reads
      the cycles of their companies and their reporting (status and dates of
      the interviews, never their content).
    - HR manager: as officer, and deletes a cycle that is still a draft.
    - Employees and leaders: nothing (leaders have "My team's MUS").

    The launch creates one interview per targeted active employee that has
    no MUS in the cycle's year yet (the unique index on employee and year
    guarantees it), and takes in and offers one a leader planned but did
    not offer yet. Employees without a leader who can hold the interview,
    or without a user of their own, are listed in ``issue_ids`` for HR to
    resolve. Large launches run in batches through the cron
    ``ir_cron_mus_cycle_launch``, which commits after each batch and
    reports its progress.
    """

    _name = "mus.cycle"
    _description = "MUS Cycle"
    _inherit = ["mail.thread", "mus.workflow.mixin"]
    _workflow = workflow.CYCLE_WORKFLOW
    _order = "date_from desc, id desc"
    _check_company_auto = True

    # How many employees one launch batch handles (one cron call, one commit).
    _LAUNCH_BATCH_SIZE = 1000

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True,
    )
    user_id = fields.Many2one(
        "res.users", string="HR Responsible", default=lambda self: self.env.user, tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("mus_odoo.group_mus_officer").id)],
        help="Gets the overdue notices of the cycle's interviews (status only).",
    )
    date_from = fields.Date(
        string="Period From", required=True, tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="Period To", required=True, tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
    )
    year = fields.Integer(
        compute="_compute_year", store=True,
        help="The MUS round of the interviews: one MUS per employee and year.",
    )
    # The states are the cycle's workflow's (mus.workflow.mixin).
    # The declared states, named here too: Odoo gives a selection's values their xml ids (and so
    # their translations) from the model that lists them.
    state = fields.Selection(selection=list(workflow.CYCLE_WORKFLOW.states), tracking=True)
    # Target
    department_ids = fields.Many2many(
        "hr.department", string="Departments", check_company=True,
        help="Employees of these departments and their sub-departments. Empty: the whole company.",
    )
    employee_domain = fields.Char(
        string="Employee Filter", default="[]",
        help="Any further filter on the employees, as a domain.",
    )
    due_within_weeks = fields.Integer(
        string="Due Within (Weeks)",
        help="Only employees whose next MUS is due within this many weeks of the start of the "
        "period (or who never had one). 0: everyone targeted.",
    )
    template_id = fields.Many2one(
        "mus.question.template", string="Question Template", check_company=True,
        default=lambda self: self.env["mus.interview"]._default_template(),
        domain="[('company_id', 'in', [False, company_id])]",
    )
    # Deadlines
    date_invitations = fields.Date(string="Invitations By", help="Leaders invite their team by this date.")
    date_preparation = fields.Date(string="Preparation By")
    date_interviews = fields.Date(string="Interviews By", help="Interviews held later count as late.")
    date_signatures = fields.Date(string="Signatures By")
    follow_up_plan = fields.Text(
        help="How leaders follow up on the development plans of this cycle.",
    )
    # Launch
    interview_ids = fields.One2many("mus.interview", "cycle_id", string="Interviews")
    issue_ids = fields.One2many("mus.cycle.issue", "cycle_id", string="To Resolve")
    progress_ids = fields.One2many("mus.cycle.progress", "cycle_id", string="Progress by Team")
    launch_total = fields.Integer(readonly=True, copy=False)
    launch_done = fields.Integer(readonly=True, copy=False)
    launch_progress = fields.Float(compute="_compute_launch_progress", string="Launch Progress (%)")
    # Status counts (never content)
    interview_count = fields.Integer(compute="_compute_counts", string="Interviews Count")
    offered_count = fields.Integer(compute="_compute_counts", string="Offered")
    issue_count = fields.Integer(compute="_compute_counts", string="To Resolve Count")
    late_count = fields.Integer(compute="_compute_counts", string="Late")
    compliance_rate = fields.Float(
        compute="_compute_counts", string="Offered (%)",
        help="Targeted employees offered their MUS (invited, or declined the offer).",
    )
    count_draft = fields.Integer(compute="_compute_counts", string="Planned")
    count_invited = fields.Integer(compute="_compute_counts", string="Invited")
    count_preparation = fields.Integer(compute="_compute_counts", string="Preparation")
    count_interview = fields.Integer(compute="_compute_counts", string="Interview held")
    count_signing = fields.Integer(compute="_compute_counts", string="Signing")
    count_follow_up = fields.Integer(compute="_compute_counts", string="Follow-up")
    count_done = fields.Integer(compute="_compute_counts", string="Done")
    count_declined = fields.Integer(compute="_compute_counts", string="Declined")
    count_cancelled = fields.Integer(compute="_compute_counts", string="Cancelled")

    # ------------------------------------------------------------------
    # SQL constraints
    # ------------------------------------------------------------------
    _sql_constraints = [
        ("period_check", "CHECK(date_from <= date_to)", "A cycle's period must end after it starts."),
        ("due_within_weeks_check", "CHECK(due_within_weeks >= 0)", "Weeks cannot be negative."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("date_from")
    def _compute_year(self):
        for cycle in self:
            cycle.year = cycle.date_from.year if cycle.date_from else False

    @api.depends("launch_total", "launch_done")
    def _compute_launch_progress(self):
        for cycle in self:
            cycle.launch_progress = (
                100.0 * min(cycle.launch_done, cycle.launch_total) / cycle.launch_total
                if cycle.launch_total else (100.0 if cycle.state in self._workflow.groups["launched"] else 0.0)
            )

    def _compute_counts(self):
        """One grouped read for every cycle: states, offered and late."""
        Interview = self.env["mus.interview"]
        by_state = {
            (cycle.id, state): count
            for cycle, state, count in Interview._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id", "state"], ["__count"],
            )
        }
        offered = dict(Interview._read_group(
            [("cycle_id", "in", self.ids), ("offered_on", "!=", False)], ["cycle_id"], ["__count"],
        ))
        late = dict(self.env["mus.interview.report"]._read_group(
            [("cycle_id", "in", self.ids), ("timeliness", "=", "late")], ["cycle_id"], ["__count"],
        ))
        issues = dict(self.env["mus.cycle.issue"]._read_group(
            [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"],
        ))
        for cycle in self:
            counts = {state: by_state.get((cycle.id, state), 0) for state, _label in workflow.STATES}
            for state, count in counts.items():
                cycle[f"count_{state}"] = count
            cycle.interview_count = sum(counts.values())
            cycle.offered_count = offered.get(cycle, 0)
            cycle.late_count = late.get(cycle, 0)
            cycle.issue_count = issues.get(cycle, 0)
            targeted = cycle.interview_count - counts["cancelled"] + cycle.issue_count
            cycle.compliance_rate = 100.0 * cycle.offered_count / targeted if targeted else 0.0

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    # What the employee filter may look at: the organisation, never anything
    # of an employee's MUS or private file (the filter is searched as
    # superuser when the cycle launches, so it must not become an oracle).
    _EMPLOYEE_FILTER_FIELDS = {
        "id", "name", "active", "company_id", "department_id", "parent_id", "coach_id", "job_id",
        "job_title", "category_ids", "work_location_id", "resource_calendar_id", "employee_type",
        "mus_frequency_months", "mus_next_due_date",
    }
    _EMPLOYEE_FILTER_SUBFIELDS = {"id", "name", "complete_name", "parent_id", "parent_path"}

    @api.constrains("employee_domain")
    def _check_employee_domain(self):
        for cycle in self:
            try:
                domain = literal_eval(cycle.employee_domain or "[]")
                self.env["hr.employee"].sudo()._search(domain)
            except (ValueError, SyntaxError, TypeError, KeyError) as error:
                raise ValidationError(self.env._(
                    "The employee filter of %(cycle)s is not a valid domain: %(error)s",
                    cycle=cycle.name, error=error,
                )) from error
            for leaf in domain:
                if not isinstance(leaf, (list, tuple)):
                    continue
                path = str(leaf[0]).split(".")
                if path[0] not in self._EMPLOYEE_FILTER_FIELDS or len(path) > 2 or (
                    len(path) == 2 and path[1] not in self._EMPLOYEE_FILTER_SUBFIELDS
                ):
                    raise ValidationError(self.env._(
                        "The employee filter of %(cycle)s may only use the organisation (department, "
                        "manager, job, tags, company, work location, type, MUS frequency and due date), "
                        "not “%(field)s”.",
                        cycle=cycle.name, field=leaf[0],
                    ))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.ondelete(at_uninstall=False)
    def _unlink_except_launched(self):
        if any(cycle.state != self._workflow.initial for cycle in self):
            raise UserError(self.env._("Only a draft cycle can be deleted; close a launched one instead."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    # The workflow's hooks (mus.workflow.mixin checks the steps)
    def _workflow_roles(self, user=None):
        user = user or self.env.user
        return {HR} if user.has_group("mus_odoo.group_mus_officer") else set()

    def _workflow_state_error(self, transition):
        return self.env._(
            "%(cycle)s is %(state)s: this is possible only when it is %(sources)s.",
            cycle=self.name, state=self._state_label(),
            sources=self.env._(" or ").join(self._state_label(source) for source in transition.sources),
        )

    def _workflow_actor_error(self, transition):
        return self.env._("Only HR can run a MUS cycle.")

    def _check_cycle_transition(self, name):
        """HR only, and from the transition's source states."""
        if not self._workflow_roles():
            raise AccessError(self._workflow_actor_error(self._workflow_transition(name)))
        return self._check_transition(name)

    def action_launch(self):
        """Offer every targeted employee their MUS. Safe to run again: who
        already has a MUS in the year is skipped. Small cycles are launched at
        once; larger ones in batches by the cron."""
        self._check_cycle_transition("launch")
        self._do_launch()
        return True

    def action_close(self):
        self._check_cycle_transition("close")
        self._set_state("close")
        return True

    def action_reopen(self):
        self._check_cycle_transition("reopen")
        self._set_state("reopen")
        return True

    def action_open_interviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mus_odoo.mus_interview_report_action")
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {"search_default_group_department": 1}
        return action

    # ------------------------------------------------------------------
    # Business methods (launch)
    # ------------------------------------------------------------------
    def _do_launch(self):
        self.sudo().issue_ids.unlink()
        for cycle in self:
            cycle._set_state("launch", launch_total=cycle._pending_employees_count(), launch_done=0)
        small = self.filtered(lambda cycle: cycle.launch_total <= self._LAUNCH_BATCH_SIZE)
        for cycle in small:
            cycle._launch_batch()
        if self - small:
            self.env.ref("mus_odoo.ir_cron_mus_cycle_launch")._trigger()

    def _target_domain(self):
        """The employees this cycle is for (active ones of its company)."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        if self.employee_domain:
            domain += literal_eval(self.employee_domain)
        if self.due_within_weeks:
            domain += [
                "|", ("mus_next_due_date", "=", False),
                ("mus_next_due_date", "<=", self.date_from + relativedelta(weeks=self.due_within_weeks)),
            ]
        return domain

    def _pending_domain(self):
        """Targeted employees not launched yet: not offered a MUS in the year
        (a cancelled one does not count; one planned but not offered yet is
        offered by the cycle) and not waiting for HR to resolve."""
        return [
            *self._target_domain(),
            ("mus_interview_ids", "not any", [
                ("year", "=", self.year), ("state", "!=", "cancelled"),
                *self.env["mus.interview"]._mus_offered_domain(),
            ]),
            ("mus_cycle_issue_ids", "not any", [("cycle_id", "=", self.id)]),
        ]

    def _pending_employees_count(self):
        return self.env["hr.employee"].sudo().search_count(self._pending_domain())

    def _launch_batch(self, limit=None):
        """Launch the next ``limit`` pending employees (all when None).
        Returns (handled, still pending); the launch ends when none is."""
        self.ensure_one()
        employees = self.env["hr.employee"].sudo().search(self._pending_domain(), limit=limit, order="id")
        issues = self._prepare_issue_vals_list(employees)
        self.env["mus.cycle.issue"].sudo().create(issues)
        ready = employees - employees.browse([vals["employee_id"] for vals in issues])
        planned = self._adopt_planned(ready)
        self._offer(planned | self._create_interviews(ready - planned.employee_id))
        self.sudo().launch_done += len(employees)
        remaining = self._pending_employees_count() if limit else 0
        if not remaining:
            self._finish_launch()
        return len(employees), remaining

    def _prepare_issue_vals_list(self, employees):
        vals_list = []
        for employee in employees:
            reason = (
                "no_leader" if not employee.parent_id
                else "no_leader_user" if not employee.parent_id.user_id.active
                else "no_employee_user" if not employee.user_id.active
                else None
            )
            if reason:
                vals_list.append({"cycle_id": self.id, "employee_id": employee.id, "reason": reason})
        return vals_list

    def _prepare_interview_vals(self, employee, now):
        return {
            "employee_id": employee.id,
            "leader_id": employee.parent_id.id,
            "company_id": self.company_id.id,
            # Stored computed fields of the interview, known here for the
            # whole batch (computed and updated after the insert otherwise).
            "name": self.env["mus.interview"]._mus_title(self.year, employee),
            "employee_user_id": employee.user_id.id,
            "leader_user_id": employee.parent_id.user_id.id,
            "department_id": employee.department_id.id,
            "year": self.year,
            "template_id": self.template_id.id,
            "cycle_id": self.id,
            "offered_on": now,
        }

    def _create_interviews(self, employees):
        """One batched create (interviews, answer lines, plans, followers),
        without chatter logging or tracking: the offer mail is the record of
        the launch, and the parties are subscribed by the create itself."""
        now = fields.Datetime.now()
        return self.env["mus.interview"].sudo().with_context(tracking_disable=True).create(
            [self._prepare_interview_vals(employee, now) for employee in employees],
        )

    def _adopt_planned(self, employees):
        """The MUS of the year a leader (or HR) planned for ``employees`` and
        did not offer yet: the cycle takes them in as they are (leader,
        template, date) and offers them, instead of planning a second one."""
        planned = self.env["mus.interview"].sudo().search([
            ("employee_id", "in", employees.ids), ("year", "=", self.year),
            ("state", "=", "draft"), ("offered_on", "=", False),
        ])
        planned.with_context(tracking_disable=True).write({"cycle_id": self.id, "offered_on": fields.Datetime.now()})
        return planned

    def _offer(self, interviews):
        """Tell each employee they are offered their MUS (a queued mail in
        their language) and ask each leader to invite (one activity each,
        created in one go, without a notification mail per activity)."""
        if not interviews:
            return
        self.env["mail.mail"].sudo().create(self._prepare_offer_mail_vals_list(interviews))
        deadline = self.date_invitations or fields.Date.context_today(self)
        interviews.with_context(
            mail_activity_quick_update=True, mus_parties_subscribed=True,
        )._mus_schedule_activities([
            (interview, "mus_odoo.mail_act_mus_invite", interview.leader_user_id, deadline)
            for interview in interviews
        ])

    def _prepare_offer_mail_vals_list(self, interviews):
        """The offer mails, each in its employee's language. Thousands are
        made per launch: the texts of a language are looked up once, and
        every value the mail would otherwise compute record by record
        (sender, reply-to, record name) is given."""
        author = self.env.user.partner_id
        email_from = self.company_id.email_formatted or author.email_formatted
        base_url = self.get_base_url()
        langs = {}
        vals_list = []
        for interview in interviews:
            partner = interview.employee_id.work_contact_id
            if not partner:
                continue
            lang = partner.lang or self.env.lang or "en_US"
            if lang not in langs:
                env = self.with_context(lang=lang).env
                langs[lang] = env, (
                    format_mus_date(env, self.date_invitations, lang_code=lang) if self.date_invitations else ""
                ), env._(
                    "If you do not wish to have a MUS this time, you may decline the offer in your MUS, "
                    "with or without a reason."
                ), env._("Open my MUS")
            env, deadline, decline, open_label = langs[lang]
            if interview.scheduled_date:
                # A MUS the leader had planned with a time (taken in by the cycle).
                offer = env._(
                    "You are offered your yearly employee development interview (MUS) with %(leader)s, "
                    "planned for %(date)s; the invitation follows.",
                    leader=interview.leader_id.name,
                    date=format_mus_datetime(
                        env, interview.scheduled_date, tz=interview.employee_id.tz or partner.tz or "UTC",
                        lang_code=lang,
                    ),
                )
            elif deadline:
                offer = env._(
                    "You are offered your yearly employee development interview (MUS) with %(leader)s, "
                    "who will agree a time with you by %(deadline)s.",
                    leader=interview.leader_id.name, deadline=deadline,
                )
            else:
                offer = env._(
                    "You are offered your yearly employee development interview (MUS) with %(leader)s, "
                    "who will agree a time with you.",
                    leader=interview.leader_id.name,
                )
            vals_list.append({
                "subject": env._("You are offered your MUS %(year)s", year=interview.year),
                # The link goes through the login, without the access token:
                # the mail's message stays in the MUS's chatter, which the leader reads.
                "body_html": Markup('<div><p>%s</p><p>%s</p><p>%s</p><p><a href="%s">%s</a></p></div>') % (
                    env._("Dear %(employee)s,", employee=interview.employee_id.name), offer, decline,
                    f"{base_url}/web/login?{url_encode({'redirect': interview.access_url})}", open_label,
                ),
                "recipient_ids": [fields.Command.link(partner.id)],
                "model": "mus.interview",
                "res_id": interview.id,
                "record_name": interview.name,
                "author_id": author.id,
                "email_from": email_from,
                "reply_to": email_from,
                "message_type": "email_outgoing",
                "auto_delete": True,
            })
        return vals_list

    def _finish_launch(self):
        self._set_state("finish_launch")
        for cycle in self:
            cycle._message_log(body=self.env._(
                "Launched: %(interviews)s interviews offered, %(issues)s employees to resolve.",
                interviews=len(cycle.interview_ids), issues=len(cycle.issue_ids),
            ))

    @api.model
    def _cron_launch(self, batch_size=None):
        """One batch of the oldest launching cycle; Odoo's cron commits it and
        calls again while ``remaining`` is not 0."""
        cycles = self.sudo().search([("state", "=", "launching")], order="id")
        if not cycles:
            return
        done, remaining = cycles[0]._launch_batch(batch_size or self._LAUNCH_BATCH_SIZE)
        remaining += sum(cycle._pending_employees_count() for cycle in cycles[1:])
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..workflow import DUE_RESET_STATES, HELD_STATES, LEADER, OPEN_STATES, PLANNING_STATES


class HrEmployeeBase(models.AbstractModel):
    """What the employee's leader sees of their MUS on the employee card:
    dates and a count, never content. On ``hr.employee`` and on
    ``hr.employee.public`` (which is what a leader without HR rights opens),
    so they carry no ``groups``: they are empty for everyone but the
    employee's leader and MUS officers, and count only the MUS the user
    leads (HR: all of them)."""

    _inherit = "hr.employee.base"

    mus_leader_visible = fields.Boolean(compute="_compute_mus_leader", string="MUS Visible")
    mus_leader_interview_count = fields.Integer(compute="_compute_mus_leader", string="MUS Count")
    mus_leader_last_date = fields.Date(
        compute="_compute_mus_leader", string="Last MUS Held", help="When the employee's last MUS was held.",
    )
    mus_leader_next_date = fields.Date(
        compute="_compute_mus_leader", string="Next MUS",
        help="The date of the planned MUS; with none planned, when the next one is due.",
    )

    @api.depends_context("uid")
    def _compute_mus_leader(self):
        user = self.env.user
        is_hr = user.has_group("mus_odoo.group_mus_officer")
        Interview = self.env["mus.interview"].sudo()
        domain = [("employee_id", "in", self._origin.ids), ("state", "!=", "cancelled")]
        if not is_hr:
            domain += Interview._mus_party_domain(user, (LEADER,))
        led = Interview.search_fetch(domain, ["employee_id", "state", "scheduled_date"], order="scheduled_date, id")
        private = self.env["hr.employee"].sudo().browse(self._origin.ids)
        # Whoever is the manager now sees the dates, not the colleagues.
        managers = {employee.id: employee.parent_id.user_id for employee in private}
        for record in self:
            record_id = record._origin.id
            own = led.filtered(lambda interview, record_id=record_id: interview.employee_id.id == record_id)
            visible = bool(record_id) and (is_hr or bool(own) or managers.get(record_id) == user)
            record.mus_leader_visible = visible
            record.mus_leader_interview_count = len(own)
            if not visible:
                record.mus_leader_last_date = record.mus_leader_next_date = False
                continue
            employee = private.browse(record_id)
            planned = own.filtered(lambda interview: interview.state in PLANNING_STATES and interview.scheduled_date)
            record.mus_leader_last_date = employee.mus_last_date
            record.mus_leader_next_date = (
                planned[:1].scheduled_date.date() if planned else employee.mus_next_due_date
            )

    def action_open_mus_interviews(self):
        """The MUS of the employee: HR's list of all of them, the leader's team list."""
        self.ensure_one()
        xmlid = (
            "mus_odoo.mus_interview_action_all" if self.env.user.has_group("mus_odoo.group_mus_officer")
            else "mus_odoo.mus_interview_action_team"
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action


class HrEmployee(models.Model):
    """MUS status of the employee: dates and counts only, never content."""

    _inherit = "hr.employee"

    # HR's fields, as Odoo's own on hr.employee are (a user without HR
    # rights reads employees through hr.employee.public).
    mus_interview_ids = fields.One2many(
        "mus.interview", "employee_id", string="MUS Interviews", groups="hr.group_hr_user",
    )
    mus_cycle_issue_ids = fields.One2many(
        "mus.cycle.issue", "employee_id", string="MUS Cycle Issues", groups="hr.group_hr_user",
    )
    mus_interview_count = fields.Integer(compute="_compute_mus", string="MUS", groups="hr.group_hr_user")
    mus_last_date = fields.Date(compute="_compute_mus", string="Last MUS", groups="hr.group_hr_user")
    mus_frequency_months = fields.Integer(
        string="MUS Frequency (Months)", groups="hr.group_hr_user",
        help="Months between two MUS of this employee. Empty: the company's MUS interval (default 12).",
    )
    mus_next_due_date = fields.Date(
        compute="_compute_mus_next_due_date", store=True, string="Next MUS Due",
        groups="hr.group_hr_user",
        help="The last held MUS (or the last declined offer) plus the employee's MUS frequency. "
        "Empty: due now (no MUS yet).",
    )
    mus_current_plan_id = fields.Many2one(
        "mus.development.plan", compute="_compute_mus", string="Current Development Plan",
        groups="hr.group_hr_user",
    )

    def _compute_mus(self):
        interviews = self.env["mus.interview"].sudo().search(
            [("employee_id", "in", self.ids), ("state", "!=", "cancelled")],
            order="scheduled_date desc, id desc",
        )
        for employee in self:
            own = interviews.filtered(lambda i, e=employee: i.employee_id == e)
            held = own.filtered(lambda i: i.state in HELD_STATES)
            employee.mus_interview_count = len(own)
            employee.mus_last_date = self._mus_held_date(held[:1])
            employee.mus_current_plan_id = held.filtered(lambda i: i.plan_id.is_signed)[:1].plan_id

    @api.model
    def _mus_held_date(self, interview):
        if interview.held_on:
            return interview.held_on.date()
        return interview.scheduled_date.date() if interview.scheduled_date else False

    @api.depends(
        "mus_frequency_months", "company_id.mus_interval_months", "mus_interview_ids.state",
        "mus_interview_ids.held_on", "mus_interview_ids.scheduled_date", "mus_interview_ids.offered_on",
    )
    def _compute_mus_next_due_date(self):
        """Stored, so that a cycle can target everyone due within N weeks."""
        interviews = self.env["mus.interview"].sudo().search_fetch(
            [("employee_id", "in", self.ids), ("state", "in", DUE_RESET_STATES)],
            ["employee_id", "state", "held_on", "scheduled_date", "offered_on"],
        )
        last = {}
        for interview in interviews:
            day = (
                interview.offered_on.date() if interview.state == "declined" and interview.offered_on
                else self._mus_held_date(interview)
            )
            if day:
                key = interview.employee_id.id
                last[key] = max(last.get(key, day), day)
        for employee in self.sudo():
            months = employee.mus_frequency_months or employee.company_id.mus_interval_months or 12
            day = last.get(employee.id)
            employee.mus_next_due_date = day + relativedelta(months=months) if day else False

    def _mus_managers(self):
        """The employee's managers, nearest first, up the hierarchy."""
        self.ensure_one()
        managers = self.browse()
        manager = self.parent_id
        while manager and manager not in managers and manager != self:
            managers |= manager
            manager = manager.parent_id
        return managers

    def write(self, vals):
        if vals.get("parent_id"):
            self._mus_check_new_manager(self.browse(vals["parent_id"]))
        managers = {employee.id: employee.parent_id for employee in self} if "parent_id" in vals else {}
        result = super().write(vals)
        if managers:
            moved = self.filtered(lambda employee: employee.parent_id and employee.parent_id != managers[employee.id])
            moved._mus_hand_over_to_manager()
        if {"user_id", "work_contact_id"} & set(vals):
            # Another user or contact: only the current ones follow their MUS.
            self.env["mus.interview"].sudo().search([
                "|", ("employee_id", "in", self.ids), ("leader_id", "in", self.ids),
            ])._sync_party_followers()
        return result

    def _mus_check_new_manager(self, manager):
        """The new manager takes over the employee's MUS and reads what was
        said in it: nobody makes themselves the manager of an employee who
        has a MUS (HR hands a MUS over to the employee's managers, never to
        itself); another HR user, or the administrator, may."""
        if self.env.su or not manager.sudo().user_id or manager.sudo().user_id != self.env.user:
            return
        with_mus = self.env["mus.interview"].sudo().search(
            [("employee_id", "in", self.ids), ("state", "!=", "cancelled")], limit=1,
        )
        if with_mus:
            raise AccessError(self.env._(
                "You cannot make yourself the manager of %(employee)s: the manager takes over their MUS, "
                "which is confidential between the employee and their leader. Ask another HR officer.",
                employee=with_mus.employee_id.name,
            ))

    def _mus_hand_over_to_manager(self):
        """The employee has a new manager: the new leader takes over their
        open MUS (the former leader keeps nothing, see
        ``mus.interview._leader_changed``). An employee left without a manager
        keeps their leader until HR decides."""
        interviews = self.env["mus.interview"].sudo().search([
            ("employee_id", "in", self.ids), ("state", "in", OPEN_STATES),
        ])
        for manager, handed in interviews.grouped(lambda interview: interview.employee_id.parent_id).items():
            handed.filtered(lambda interview, manager=manager: interview.leader_id != manager).write(
                {"leader_id": manager.id},
            )

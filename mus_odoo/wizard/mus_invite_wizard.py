from odoo import api, fields, models


class MusInviteWizard(models.TransientModel):
    """Plans a MUS for one or more team members; with a single employee and a
    date, the invitation goes out at once."""

    _name = "mus.invite.wizard"
    _description = "Invite to MUS"

    is_hr = fields.Boolean(compute="_compute_is_hr")
    # A leader invites their own team (the MUS's creation refuses anyone else).
    employee_ids = fields.Many2many(
        "hr.employee", string="Employees", required=True,
        domain="[('company_id', 'in', allowed_company_ids)] + ([] if is_hr else [('parent_id.user_id', '=', uid)])",
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    template_id = fields.Many2one(
        "mus.question.template", string="Question Template", required=True,
        default=lambda self: self.env["mus.interview"]._default_template(),
    )
    scheduled_date = fields.Datetime(string="Date")
    duration = fields.Float(default=1.0)
    location = fields.Char(string="Place")
    send_invitation = fields.Boolean(
        compute="_compute_send_invitation",
        help="With one employee and a date, the invitation is sent right away.",
    )
    existing_warning = fields.Text(
        compute="_compute_existing_warning",
        help="The chosen employees who already have a MUS in the year: Create would refuse them.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") in ("hr.employee", "hr.employee.public"):
            values["employee_ids"] = [fields.Command.set(self.env.context.get("active_ids") or [])]
        return values

    @api.depends("employee_ids", "scheduled_date")
    def _compute_send_invitation(self):
        for wizard in self:
            wizard.send_invitation = len(wizard.employee_ids) == 1 and bool(wizard.scheduled_date)

    @api.depends_context("uid")
    def _compute_is_hr(self):
        self.is_hr = self.env.user.has_group("mus_odoo.group_mus_officer")

    @api.depends("employee_ids", "year")
    def _compute_existing_warning(self):
        """Said before *Create*, which refuses a second MUS in a year. Only
        of employees the user plans the MUS of (HR: anyone; a leader: their
        team), as their MUS list would show it."""
        for wizard in self:
            employees = wizard.employee_ids._origin
            if not wizard.is_hr:
                employees = employees.filtered(lambda employee: employee.sudo().parent_id.user_id == self.env.user)
            existing = self.env["mus.interview"].sudo().search_fetch([
                ("employee_id", "in", employees.ids), ("year", "=", wizard.year), ("state", "!=", "cancelled"),
            ], ["employee_id"]) if employees and wizard.year else self.env["mus.interview"]
            wizard.existing_warning = self.env._(
                "Already has a MUS in %(year)s: %(employees)s. Remove them to create the others, "
                "or open their MUS.",
                year=wizard.year, employees=", ".join(existing.employee_id.sudo().mapped("name")),
            ) if existing else False

    def action_create(self):
        self.ensure_one()
        employees = self.employee_ids.sudo()
        interviews = self.env["mus.interview"].create([{
            "employee_id": employee.id,
            "year": self.year,
            "template_id": self.template_id.id,
            "scheduled_date": self.scheduled_date,
            "duration": self.duration,
            "location": self.location,
        } for employee in employees])
        if self.send_invitation:
            interviews.action_invite()
        action = self.env["ir.actions.act_window"]._for_xml_id("mus_odoo.mus_interview_action_team")
        if len(interviews) == 1:
            action.update({"res_id": interviews.id, "view_mode": "form", "views": [(False, "form")]})
        else:
            action["domain"] = [("id", "in", interviews.ids)]
        return action

from odoo import api, fields, models


class MusInviteWizard(models.TransientModel):
    """Plans a MUS for one or more team members; with a single employee and a
    date, the invitation goes out at once."""

    _name = "mus.invite.wizard"
    _description = "Invite to MUS"

    employee_ids = fields.Many2many("hr.employee", string="Employees", required=True)
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

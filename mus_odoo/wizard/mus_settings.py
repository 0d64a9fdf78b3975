from odoo import api, fields, models
from odoo.exceptions import AccessError


class MusSettings(models.TransientModel):
    """The MUS settings of one company, kept by the MUS managers.

    Odoo's Settings app is for administrators only (``res.config.settings``
    refuses anybody else, and saves the settings of every app at once), yet
    the HR people who run the yearly MUS are rarely administrators. This form
    holds the MUS fields of ``res.company`` and nothing else: a MUS manager
    reads and saves them for a company they work in; the company's own
    constraints check the values.

    - MUS manager (``group_mus_manager``): reads and saves the settings of
      the companies they are allowed in.
    - Everybody else, HR officers included: nothing (access rights).
    """

    _name = "mus.settings"
    _description = "MUS Settings"

    # The fields of res.company this form edits, under the same names.
    _MUS_COMPANY_FIELDS = (
        "mus_interval_months", "mus_follow_up_months", "mus_retention_years",
        "mus_reminder_days", "mus_overdue_hr_days", "mus_hr_user_id",
    )

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    mus_interval_months = fields.Integer(
        string="Interval",
        help="A MUS is due this many months after the employee's last one.",
    )
    mus_follow_up_months = fields.Char(
        string="Follow-up",
        help="Follow-up checkpoints after the development plan is signed, in months, separated by commas "
        "(e.g. 1,2,3).",
    )
    mus_retention_years = fields.Integer(
        string="Keep Closed MUS",
        help="Closed interviews are anonymised this many years after they were closed: answers, notes, "
        "summary, goal texts, signatures, messages and attachments are erased; the dated status record "
        "stays for statistics.",
    )
    mus_reminder_days = fields.Integer(
        string="Preparation Reminder",
        help="Remind the employee and the leader to prepare this many days before the interview.",
    )
    mus_overdue_hr_days = fields.Integer(
        string="Overdue Notice to HR",
        help="An overdue MUS is reported to HR after this many days: the HR responsible of its cycle, "
        "else the company's (the leader is told at once).",
    )
    mus_hr_user_id = fields.Many2one(
        "res.users", string="HR Responsible",
        domain=lambda self: [("groups_id", "in", self.env.ref("mus_odoo.group_mus_officer").id)],
        help="Gets the overdue notices (status only) of the MUS that no cycle with an HR responsible "
        "covers, such as those a leader planned on their own.",
    )

    @api.model
    def default_get(self, fields_list):
        """The form opens on the current company's values."""
        vals = super().default_get(fields_list)
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        vals.update({
            name: value for name, value in self._company_values(company).items()
            if name in fields_list and name not in vals
        })
        return vals

    @api.onchange("company_id")
    def _onchange_company_id(self):
        for settings in self:
            settings.update(self._company_values(settings.company_id))

    @api.onchange("mus_retention_years")
    def _onchange_mus_retention_years(self):
        """Erasing cannot be undone: say so before a shorter retention is saved."""
        kept = self._company_values(self.company_id).get("mus_retention_years")
        if kept and 0 < self.mus_retention_years < kept:
            return {"warning": {
                "title": self.env._("Shorter retention"),
                "message": self.env._(
                    "Closed MUS older than %(years)s years will be anonymised by the next nightly run: "
                    "their answers, notes, plans' texts, signatures, messages and files are erased for good.",
                    years=self.mus_retention_years,
                ),
            }}
        return None

    @api.model
    def _company_values(self, company):
        """The company's MUS settings, read for the companies the user works in only."""
        if company not in self.env.user.company_ids:
            return {}
        company = company.sudo()
        return company._convert_to_write({name: company[name] for name in self._MUS_COMPANY_FIELDS})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_can_save(self):
        if not self.env.user.has_group("mus_odoo.group_mus_manager"):
            raise AccessError(self.env._("Only MUS managers can change the MUS settings."))
        for settings in self:
            if settings.company_id not in self.env.user.company_ids:
                raise AccessError(self.env._(
                    "You cannot change the MUS settings of %(company)s: you do not work in that company.",
                    company=settings.company_id.name,
                ))

    def action_save(self):
        """Write the MUS fields, and only those, on the company. The company
        is written as superuser (a MUS manager may not write companies), after
        the check above; its constraints refuse a wrong value."""
        self._check_can_save()
        for settings in self:
            settings.company_id.sudo().write(settings._prepare_company_vals())
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "The MUS settings of %(company)s are saved.",
                    company=", ".join(self.company_id.mapped("name")),
                ),
                "next": self.env["ir.actions.act_window"]._for_xml_id("mus_odoo.mus_settings_action"),
            },
        }

    def _prepare_company_vals(self):
        self.ensure_one()
        return self._convert_to_write({name: self[name] for name in self._MUS_COMPANY_FIELDS})

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    mus_interval_months = fields.Integer(
        string="MUS Interval (Months)", default=12,
        help="A MUS is due this many months after the employee's last one.",
    )
    mus_follow_up_months = fields.Char(
        string="MUS Follow-up (Months)", default="1,2,3",
        help="Follow-up checkpoints after the plan is signed, in months, separated by commas.",
    )

    mus_reminder_days = fields.Integer(
        string="MUS Preparation Reminder (Days)", default=3,
        help="Remind the employee and the leader to prepare this many days before the interview.",
    )
    mus_overdue_hr_days = fields.Integer(
        string="MUS Overdue Notice to HR (Days)", default=14,
        help="An overdue MUS is reported to the HR officer of its cycle after this many days.",
    )

    @api.constrains("mus_interval_months", "mus_follow_up_months")
    def _check_mus_settings(self):
        for company in self:
            if not 1 <= company.mus_interval_months <= 60:
                raise ValidationError(self.env._("The MUS interval must be between 1 and 60 months."))
            company._mus_follow_up_months()

    @api.constrains("mus_reminder_days", "mus_overdue_hr_days")
    def _check_mus_reminder_settings(self):
        for company in self:
            if not (0 <= company.mus_reminder_days <= 60 and 0 <= company.mus_overdue_hr_days <= 365):
                raise ValidationError(self.env._(
                    "Reminder days must be between 0 and 60, and the HR notice between 0 and 365 days."
                ))

    def _mus_follow_up_months(self):
        """The follow-up checkpoints, in months after signing, sorted."""
        self.ensure_one()
        parts = [part.strip() for part in (self.mus_follow_up_months or "").split(",") if part.strip()]
        if not all(part.isdigit() and 1 <= int(part) <= 24 for part in parts):
            raise ValidationError(self.env._(
                "Follow-up months must be whole numbers from 1 to 24 separated by commas, "
                "such as “1,2,3”; got “%(value)s”.",
                value=self.mus_follow_up_months,
            ))
        return sorted({int(part) for part in parts})


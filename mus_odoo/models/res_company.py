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
    mus_retention_years = fields.Integer(
        string="Keep Closed MUS (Years)", default=5,
        help="Closed interviews are anonymised this many years after they were closed: their texts, "
        "signatures, messages and attachments are erased; the dated status record stays.",
    )
    # The length of the company's chain of sealed development plans. Taking
    # the next link updates this row: two plans sealed at once in a company
    # are serialised, the second transaction is retried.
    mus_hash_sequence = fields.Integer(
        string="Sealed MUS Plans", readonly=True, copy=False, groups="mus_odoo.group_mus_manager",
    )

    mus_reminder_days = fields.Integer(
        string="MUS Preparation Reminder (Days)", default=3,
        help="Remind the employee and the leader to prepare this many days before the interview.",
    )
    mus_overdue_hr_days = fields.Integer(
        string="MUS Overdue Notice to HR (Days)", default=14,
        help="An overdue MUS is reported to the HR responsible of its cycle (else the company's MUS HR "
        "responsible) after this many days.",
    )
    mus_hr_user_id = fields.Many2one(
        "res.users", string="MUS HR Responsible",
        domain=lambda self: [("groups_id", "in", self.env.ref("mus_odoo.group_mus_officer").id)],
        help="Gets the overdue notices (status only) of the MUS that no cycle with an HR responsible "
        "covers, such as those a leader planned on their own.",
    )

    @api.constrains("mus_interval_months", "mus_follow_up_months", "mus_retention_years")
    def _check_mus_settings(self):
        for company in self:
            if not 1 <= company.mus_interval_months <= 60:
                raise ValidationError(self.env._("The MUS interval must be between 1 and 60 months."))
            if not 1 <= company.mus_retention_years <= 50:
                raise ValidationError(self.env._("Closed MUS are kept between 1 and 50 years."))
            company._mus_follow_up_months()

    @api.constrains("mus_reminder_days", "mus_overdue_hr_days")
    def _check_mus_reminder_settings(self):
        for company in self:
            if not (0 <= company.mus_reminder_days <= 60 and 0 <= company.mus_overdue_hr_days <= 365):
                raise ValidationError(self.env._(
                    "Reminder days must be between 0 and 60, and the HR notice between 0 and 365 days."
                ))

    @api.constrains("mus_hr_user_id")
    def _check_mus_hr_user(self):
        for company in self:
            user = company.mus_hr_user_id
            if user and not company._mus_is_hr_user(user):
                raise ValidationError(self.env._(
                    "%(user)s cannot be the MUS HR responsible of %(company)s: they must be an HR officer "
                    "of MUS with access to that company.",
                    user=user.name, company=company.name,
                ))

    def _mus_is_hr_user(self, user):
        """Whether ``user`` is an active HR officer of MUS working in this
        company: who may hear of its MUS's status (groups and companies change
        after a user was chosen, so this is asked again when it matters)."""
        self.ensure_one()
        user = user.sudo()
        return bool(user) and user.active and self in user.company_ids and user.has_group(
            "mus_odoo.group_mus_officer",
        )

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

    def _mus_next_hash_sequence(self):
        """The next place in the company's chain of sealed plans; locks the
        company's row until the transaction ends."""
        self.ensure_one()
        self.env.cr.execute(
            "UPDATE res_company SET mus_hash_sequence = COALESCE(mus_hash_sequence, 0) + 1 "
            "WHERE id = %s RETURNING mus_hash_sequence",
            [self.id],
            log_exceptions=False,
        )
        sequence = self.env.cr.fetchone()[0]
        self.invalidate_recordset(["mus_hash_sequence"])
        return sequence

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mus_interval_months = fields.Integer(related="company_id.mus_interval_months", readonly=False)
    mus_follow_up_months = fields.Char(related="company_id.mus_follow_up_months", readonly=False)
    mus_retention_years = fields.Integer(related="company_id.mus_retention_years", readonly=False)
    mus_reminder_days = fields.Integer(related="company_id.mus_reminder_days", readonly=False)
    mus_overdue_hr_days = fields.Integer(related="company_id.mus_overdue_hr_days", readonly=False)
    mus_hr_user_id = fields.Many2one(related="company_id.mus_hr_user_id", readonly=False)

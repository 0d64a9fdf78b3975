from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.osv import expression

from .. import workflow

# What an erased learning goal reads (the field is required).
ANONYMISED = "—"


class MusRetention(models.AbstractModel):
    """Retention of closed MUS (persondataloven: kept no longer than needed).

    A daily job anonymises the interviews closed (``workflow.CLOSED_STATES``)
    more than ``res.company.mus_retention_years`` years ago: the answers and
    notes, summary, feedback, cancel reason, goal texts, reviews, follow-up
    notes, signatures, the chatter (messages, tracking values,
    notifications), attachments, activities and the meeting's description are
    erased. The dated status record stays for statistics (employee, leader,
    year, state, dates, goal status), marked ``anonymised_on``; so does the
    seal of a signed plan, whose content is no longer verified.

    Nobody calls this but the scheduler (it runs as superuser); it never
    commits: one run is one transaction.
    """

    _name = "mus.retention"
    _description = "MUS Retention"

    @api.model
    def _cron_anonymise(self):
        self._mus_anonymise(self._mus_expired_interviews())

    @api.model
    def _mus_expired_interviews(self):
        """The closed, not yet anonymised interviews past their company's
        retention period."""
        now = fields.Datetime.now()
        companies = self.env["res.company"].sudo().search([("mus_retention_years", ">", 0)])
        per_company = [
            [("company_id", "=", company.id),
             ("closed_on", "<", now - relativedelta(years=company.mus_retention_years))]
            for company in companies
        ]
        return self.env["mus.interview"].sudo().search(expression.AND([
            [("state", "in", workflow.CLOSED_STATES), ("anonymised_on", "=", False), ("closed_on", "!=", False)],
            expression.OR(per_company),
        ]))

    @api.model
    def _mus_anonymise(self, interviews):
        """Erase the content of ``interviews``; one query per kind of data,
        whatever their number."""
        if not interviews:
            return
        interviews = interviews.sudo().with_context(mus_anonymise=True, mail_notrack=True, tracking_disable=True)
        plans = interviews.plan_ids
        interviews.write({"cancel_reason": False, "anonymised_on": fields.Datetime.now()})
        # The notes, summary, feedback, private note and signatures, with the
        # signature images (their attachments go with them).
        interviews.env["mus.interview.content"].search([("interview_id", "in", interviews.ids)]).unlink()
        interviews.env["mus.development.goal"].search([("plan_id", "in", plans.ids)]).write(
            {"name": ANONYMISED, "actions": False, "supporters": False},
        )
        interviews.review_ids.write({
            "goal": False, "previous_actions": False, "what_led": False, "effect": False, "continue_note": False,
        })
        interviews.follow_up_ids.write({"note": False, "goal_status": False})
        interviews.with_context(active_test=False).calendar_event_id.with_context(
            no_mail_to_attendees=True,
        ).write({"description": False})

        records = expression.OR([
            [("res_model", "=", interviews._name), ("res_id", "in", interviews.ids)],
            [("res_model", "=", plans._name), ("res_id", "in", plans.ids)],
        ])
        env = interviews.env
        # Tracking values and notifications go with their messages.
        env["mail.message"].search(expression.OR([
            [("model", "=", interviews._name), ("res_id", "in", interviews.ids)],
            [("model", "=", plans._name), ("res_id", "in", plans.ids)],
        ])).unlink()
        env["mail.activity"].with_context(active_test=False).search(records).unlink()
        # Field attachments included (the signature images).
        env["ir.attachment"].search(expression.AND([
            records, ["|", ("res_field", "=", False), ("res_field", "!=", False)],
        ])).unlink()

from collections import defaultdict
from datetime import datetime, timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models

from .. import workflow
from ..tools import format_mus_date, format_mus_datetime


class MusReminder(models.Model):
    """What the daily reminder cron has sent: one row per interview, kind and
    key (a follow-up checkpoint), unique in the database, so that running the
    cron twice sends nothing twice.

    Parties are reminded by mail in their own language; leaders, and HR, get
    one mail per kind listing their interviews. HR is the HR responsible of
    the interview's cycle, else the company's MUS HR responsible (for a MUS
    planned outside a cycle); with neither, HR is not told. HR's mail holds status and
    dates only. Mails are queued (``mail.mail``), never sent in the
    transaction. Read by HR officers; written by the cron only.
    """

    _name = "mus.reminder"
    _description = "MUS Reminder Sent"
    _order = "sent_on desc, id desc"
    _rec_name = "kind"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    kind = fields.Selection(
        [
            ("prepare", "Preparation reminder"),
            ("overdue_leader", "Overdue notice to the leader"),
            ("overdue_hr", "Overdue notice to HR"),
            ("signature", "Signature reminder"),
            ("follow_up", "Follow-up reminder"),
        ],
        required=True,
    )
    key = fields.Char(default="", required=True, help="The follow-up checkpoint a reminder is for.")
    sent_on = fields.Datetime(required=True, default=fields.Datetime.now)

    _sql_constraints = [
        ("interview_kind_key_uniq", "UNIQUE(interview_id, kind, key)", "A reminder is sent once."),
    ]

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self):
        self.sudo()._send_reminders()

    def _send_reminders(self):
        """Find what is due, drop what was already sent, queue the mails and
        record them. Returns the reminders created."""
        due = self._due_reminders()
        if not due:
            return self.browse()
        sent = {
            (reminder.interview_id.id, reminder.kind, reminder.key)
            for reminder in self.search_fetch(
                [("interview_id", "in", list({item[0].id for item in due}))],
                ["interview_id", "kind", "key"],
            )
        }
        due = [item for item in due if (item[0].id, item[1], item[2]) not in sent]
        if not due:
            return self.browse()
        self.env["mail.mail"].sudo().create(self._prepare_mail_vals_list(due))
        return self.create([
            {"interview_id": interview.id, "kind": kind, "key": key}
            for interview, kind, key, _checkpoint in due
        ])

    def _due_reminders(self):
        """(interview, kind, key, follow-up checkpoint) of every reminder due
        now, from status and dates only."""
        Interview = self.env["mus.interview"].sudo()
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        due = []
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            domain = [("company_id", "=", company.id)]
            days = timedelta(days=company.mus_reminder_days)
            hr_days = timedelta(days=company.mus_overdue_hr_days)
            for interview in Interview.search([
                *domain,
                ("state", "in", workflow.PREPARING_STATES),
                ("scheduled_date", ">", now), ("scheduled_date", "<=", now + days),
            ]):
                due.append((interview, "prepare", "", None))
            overdue = [*domain, ("state", "in", workflow.PLANNING_STATES)]
            for interview in Interview.search([
                *overdue,
                "|", ("scheduled_date", "<", now), ("cycle_id.date_interviews", "<", today),
            ]):
                due.append((interview, "overdue_leader", "", None))
            # HR is told through the cycle's HR responsible, else the company's;
            # with neither (any more), nobody is told and nothing is recorded.
            hr_domain = [] if company.mus_hr_user_id else [("cycle_id.user_id", "!=", False)]
            for interview in Interview.search([
                *overdue,
                *hr_domain,
                "|", ("scheduled_date", "<", now - hr_days), ("cycle_id.date_interviews", "<", today - hr_days),
            ]):
                if self._hr_recipient(interview):
                    due.append((interview, "overdue_hr", "", None))
            for interview in Interview.search([
                *domain,
                ("state", "=", "signing"),
                "|", ("held_on", "<=", now - days), ("cycle_id.date_signatures", "<", today),
            ]):
                due.append((interview, "signature", "", None))
            for checkpoint in self.env["mus.follow.up"].sudo().search([
                ("company_id", "=", company.id), ("state", "=", "planned"), ("date_due", "<=", today),
                ("interview_id.state", "=", "follow_up"),
            ]):
                due.append((checkpoint.interview_id, "follow_up", str(checkpoint.id), checkpoint))
        return due

    # ------------------------------------------------------------------
    # Mails
    # ------------------------------------------------------------------
    def _prepare_mail_vals_list(self, due):
        """One mail per employee reminder; one per leader (and per HR
        officer) and kind, listing their interviews."""
        vals_list = []
        digests = defaultdict(list)
        for interview, kind, _key, checkpoint in due:
            if kind in ("prepare", "signature"):
                if (kind == "prepare" and not interview.employee_prepared_on) or (kind == "signature" and not (
                    interview.plan_id.employee_signed_on
                )):
                    vals_list.append(self._employee_mail_vals(interview, kind))
                if (kind == "prepare" and not interview.leader_prepared_on) or (kind == "signature" and not (
                    interview.plan_id.leader_signed_on
                )):
                    digests[interview.leader_id.work_contact_id, kind].append((interview, checkpoint))
            elif kind == "overdue_hr":
                digests[self._hr_recipient(interview).partner_id, kind].append((interview, checkpoint))
            else:
                digests[interview.leader_id.work_contact_id, kind].append((interview, checkpoint))
        for (partner, kind), items in digests.items():
            if partner:
                vals_list.append(self._digest_mail_vals(partner, kind, items))
        return [vals for vals in vals_list if vals]

    def _hr_recipient(self, interview):
        """Who in HR hears of ``interview`` being overdue: its cycle's HR
        responsible, else its company's, if they are still an active HR
        officer in that company (a user's groups and companies change after
        they were chosen)."""
        company = interview.company_id
        for user in (interview.cycle_id.user_id, company.mus_hr_user_id):
            if company._mus_is_hr_user(user):
                return user
        return self.env["res.users"]

    def _employee_mail_vals(self, interview, kind):
        partner = interview.employee_id.work_contact_id
        if not partner:
            return None
        env = self.with_context(lang=partner.lang or self.env.lang).env
        when = self._format_date(env, partner, interview.scheduled_date)
        if kind == "prepare":
            subject = env._("Prepare your MUS on %(date)s", date=when)
            body = env._(
                "Your MUS with %(leader)s is on %(date)s. Please prepare from the questions before the talk.",
                leader=interview.leader_id.name or "", date=when,
            )
        else:
            subject = env._("Sign your development plan")
            body = env._(
                "The development plan of your MUS with %(leader)s is waiting for your signature.",
                leader=interview.leader_id.name or "",
            )
        return {
            "subject": subject,
            "body_html": Markup("<p>%s</p>") % body,
            "recipient_ids": [fields.Command.link(partner.id)],
            "model": "mus.interview",
            "res_id": interview.id,
            "auto_delete": True,
        }

    def _digest_mail_vals(self, partner, kind, items):
        env = self.with_context(lang=partner.lang or self.env.lang).env
        intro = {
            "prepare": env._("These MUS are coming up: please prepare."),
            "overdue_leader": env._("These MUS are overdue: hold them, or move or cancel them."),
            "overdue_hr": env._("These MUS are overdue (status only):"),
            "signature": env._("These development plans are waiting for your signature."),
            "follow_up": env._("These follow-up checkpoints are due."),
        }[kind]
        subject = {
            "prepare": env._("MUS: prepare your coming interviews"),
            "overdue_leader": env._("MUS: overdue interviews"),
            "overdue_hr": env._("MUS: overdue interviews (status for HR)"),
            "signature": env._("MUS: development plans to sign"),
            "follow_up": env._("MUS: follow-up due"),
        }[kind]
        states = dict(self.env["mus.interview"].with_env(env)._fields["state"]._description_selection(env))
        lines = []
        for interview, checkpoint in items:
            when = self._format_date(env, partner, checkpoint.date_due if checkpoint else interview.scheduled_date)
            lines.append(env._(
                "%(employee)s (leader %(leader)s): %(state)s, %(date)s",
                employee=interview.employee_id.name, leader=interview.leader_id.name or "–",
                state=states[interview.state], date=when or "–",
            ))
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            intro, Markup("").join(Markup("<li>%s</li>") % escape(line) for line in lines),
        )
        return {
            "subject": subject,
            "body_html": body,
            "recipient_ids": [fields.Command.link(partner.id)],
            "auto_delete": True,
        }

    @api.model
    def _format_date(self, env, partner, value):
        """A checkpoint's day, or the time of an interview in the
        recipient's time zone, in their language."""
        if not value:
            return ""
        if isinstance(value, datetime):
            return format_mus_datetime(env, value, tz=partner.tz or "UTC", lang_code=partner.lang or env.lang)
        return format_mus_date(env, value, lang_code=partner.lang or env.lang)

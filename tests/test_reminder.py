from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SIGNATURE, MusCycleCase


@tagged("post_install", "-at_install", "workflow")
class TestMusReminders(MusCycleCase):
    """The daily reminder cron: what is due, to whom, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Whatever else the database holds is reminded of first: the tests
        # see only their own interviews' reminders.
        cls.env["mus.reminder"]._cron_send_reminders()

    def run_cron(self):
        before = self.env["mail.mail"].search([]).ids
        self.env["mus.reminder"]._cron_send_reminders()
        return self.env["mail.mail"].search([("id", "not in", before)])

    def test_preparation_reminder_once(self):
        self.company.mus_reminder_days = 3
        soon = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        interview = self.create_interview(scheduled_date=soon, year=soon.year)
        self.as_leader(interview).action_invite()
        mails = self.run_cron()
        self.assertEqual(mails.recipient_ids, self.employee.work_contact_id | self.leader.work_contact_id)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"}, "queued")
        employee_mail = mails.filtered(lambda m: self.employee.work_contact_id in m.recipient_ids)
        self.assertIn("Prepare your MUS", employee_mail.subject)
        self.assertEqual(employee_mail.res_id, interview.id)
        self.assertEqual(
            self.env["mus.reminder"].search([("interview_id", "=", interview.id)]).mapped("kind"), ["prepare"],
        )
        self.assertFalse(self.run_cron(), "running it twice sends nothing twice")

    def test_prepared_party_is_not_reminded(self):
        soon = fields.Datetime.now().replace(microsecond=0) + timedelta(days=1)
        interview = self.create_interview(scheduled_date=soon, year=soon.year)
        self.walk_to(interview, "preparation")
        self.as_employee(interview).action_submit_preparation()
        mails = self.run_cron()
        self.assertEqual(mails.recipient_ids, self.leader.work_contact_id)

    def test_overdue_to_leader_then_hr(self):
        self.company.mus_overdue_hr_days = 14
        cycle = self.launch(date_interviews=fields.Date.today() - timedelta(days=5))
        mails = self.run_cron()
        self.assertEqual(mails.recipient_ids, self.leader.work_contact_id, "the leader first")
        self.assertEqual(mails.subject, "MUS: overdue interviews")
        self.assertIn("Erik Medarbejder", mails.body_html)
        self.assertIn("Karen Kollega", mails.body_html)
        self.assertFalse(self.run_cron())
        cycle.date_interviews = fields.Date.today() - timedelta(days=20)
        mails = self.run_cron()
        self.assertEqual(mails.recipient_ids, self.user_hr_officer.partner_id, "then HR")
        self.assertIn("Planned", mails.body_html, "status only")
        self.assertFalse(self.run_cron())
        self.assertEqual(
            sorted(self.env["mus.reminder"].search([("interview_id", "in", cycle.interview_ids.ids)]).mapped("kind")),
            ["overdue_hr", "overdue_hr", "overdue_leader", "overdue_leader"],
        )

    def test_overdue_outside_a_cycle_to_the_company_hr_responsible(self):
        """A MUS a leader planned on their own reaches HR through the
        company's MUS HR responsible; without one, HR is not told."""
        self.company.mus_overdue_hr_days = 14
        with freeze_time(datetime(2026, 1, 5, 9, 0)):
            interview = self.create_interview(scheduled_date=datetime(2026, 1, 12, 9, 0))
            self.as_leader(interview).action_invite()
        self.assertFalse(interview.cycle_id)
        with freeze_time(datetime(2026, 1, 20, 9, 0)):
            mails = self.run_cron()
            self.assertEqual(mails.recipient_ids, self.leader.work_contact_id, "overdue: the leader is told")
        with freeze_time(datetime(2026, 2, 1, 9, 0)):
            self.assertFalse(self.run_cron(), "no HR responsible: HR is not told")
            self.company.mus_hr_user_id = self.user_hr_officer
            mails = self.run_cron()
            self.assertEqual(mails.recipient_ids, self.user_hr_officer.partner_id)
            self.assertEqual(mails.subject, "MUS: overdue interviews (status for HR)")
            self.assertIn("Invited", mails.body_html, "status only")
            self.assertFalse(self.run_cron())

    def test_hr_responsible_who_left_hr_is_not_told(self):
        """Chosen as HR responsible, then out of HR: the overdue status of the
        company's MUS no longer reaches them, and nothing is recorded as sent
        (a new HR responsible is told)."""
        self.company.mus_overdue_hr_days = 14
        with freeze_time(datetime(2026, 1, 5, 9, 0)):
            interview = self.create_interview(scheduled_date=datetime(2026, 1, 12, 9, 0))
            self.as_leader(interview).action_invite()
        self.company.mus_hr_user_id = self.user_hr_officer
        self.user_hr_officer.groups_id -= self.env.ref("mus_odoo.group_mus_officer")
        with freeze_time(datetime(2026, 2, 1, 9, 0)):
            mails = self.run_cron()
            self.assertEqual(mails.recipient_ids, self.leader.work_contact_id, "the leader only")
            self.assertFalse(self.env["mus.reminder"].search([
                ("interview_id", "=", interview.id), ("kind", "=", "overdue_hr"),
            ]))
            self.company.sudo().write({"mus_hr_user_id": self.user_hr_manager.id})
            mails = self.run_cron()
            self.assertEqual(mails.recipient_ids, self.user_hr_manager.partner_id)

    def test_company_hr_responsible_is_an_hr_officer(self):
        with self.assertRaises(ValidationError):
            self.company.mus_hr_user_id = self.user_leader
        self.company.mus_hr_user_id = self.user_hr_officer
        self.assertEqual(self.company.mus_hr_user_id, self.user_hr_officer)

    def test_signature_and_follow_up_reminders(self):
        self.company.mus_follow_up_months = "1"
        with freeze_time(datetime(2026, 1, 5, 9, 0)):
            interview = self.create_interview(scheduled_date=datetime(2026, 1, 12, 9, 0))
            self.walk_to(interview, "signing")
            self.as_leader(interview).action_sign(signature=SIGNATURE)
        mails = self.run_cron()
        self.assertEqual(mails.recipient_ids, self.employee.work_contact_id, "only the one who has not signed")
        self.assertEqual(mails.subject, "Sign your development plan")
        self.assertFalse(self.run_cron())
        with freeze_time(datetime(2026, 1, 20, 9, 0)):
            self.as_employee(interview).action_sign(signature=SIGNATURE)
        self.assertEqual(interview.state, "follow_up")
        self.assertEqual(interview.follow_up_ids.date_due, date(2026, 2, 20))
        mails = self.run_cron()
        self.assertEqual(mails.recipient_ids, self.leader.work_contact_id)
        self.assertEqual(mails.subject, "MUS: follow-up due")
        self.assertFalse(self.run_cron())

    def test_reminder_in_recipient_language(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.employee.work_contact_id.lang = "da_DK"
        soon = fields.Datetime.now().replace(microsecond=0) + timedelta(days=1)
        interview = self.create_interview(scheduled_date=soon, year=soon.year)
        self.as_leader(interview).action_invite()
        mails = self.run_cron()
        employee_mail = mails.filtered(lambda m: self.employee.work_contact_id in m.recipient_ids)
        leader_mail = mails - employee_mail
        self.assertIn("Forbered", employee_mail.subject)
        self.assertIn("prepare", leader_mail.subject)

import base64
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import format_date, html2plaintext

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "workflow")
class TestMusPlanPeriod(MusWorkflowCase):
    """The plan runs from the day the interview is held until the next MUS
    is due (the employee's MUS frequency, else the company's interval):
    planning, postponing and holding the talk move it; the signed plan keeps
    the period it was sealed with, and its PDF prints that one."""

    def period(self, interview):
        plan = interview.sudo().plan_id
        plan.invalidate_recordset(["date_start", "date_end"])
        return plan.date_start, plan.date_end

    def test_period_follows_the_planned_date(self):
        interview = self.create_interview(scheduled_date=datetime(2026, 12, 22, 9, 0))
        self.assertEqual(self.period(interview), (date(2026, 12, 22), date(2027, 12, 21)))
        # Planned again while still a draft: the period moves with it.
        self.as_leader(interview).scheduled_date = datetime(2026, 12, 10, 13, 0)
        self.assertEqual(self.period(interview), (date(2026, 12, 10), date(2027, 12, 9)))

    def test_period_of_a_mus_without_date_starts_when_it_is_planned(self):
        with freeze_time("2026-09-01 08:00"):
            interview = self.create_interview(scheduled_date=False)
        self.assertEqual(self.period(interview), (date(2026, 9, 1), date(2027, 8, 31)))
        self.as_leader(interview).scheduled_date = datetime(2026, 12, 22, 9, 0)
        self.assertEqual(self.period(interview), (date(2026, 12, 22), date(2027, 12, 21)))

    def test_postponed_and_held_earlier_prints_the_day_it_was_held(self):
        """The case of the issue: planned for 22-12, postponed, held on 17-12."""
        with freeze_time("2026-12-01 08:00"):
            interview = self.create_interview(scheduled_date=datetime(2026, 12, 22, 9, 0))
            self.walk_to(interview, "preparation")
            self.as_leader(interview).action_postpone(
                reason="Lederen er på kursus", new_date=datetime(2026, 12, 18, 9, 0),
            )
            self.assertEqual(self.period(interview), (date(2026, 12, 18), date(2027, 12, 17)))
            self.walk_to(interview, "preparation")
        with freeze_time("2026-12-17 09:30"):
            self.walk_to(interview, "interview")
        self.assertEqual(self.period(interview), (date(2026, 12, 17), date(2027, 12, 16)))

    def test_period_day_is_the_local_day(self):
        """Held at 00:30 in Copenhagen, which is still yesterday in UTC."""
        interview = self.walk_to(self.create_interview(), "preparation")
        with freeze_time("2026-12-16 23:30"):
            self.walk_to(interview, "interview")
        self.assertEqual(self.period(interview)[0], date(2026, 12, 17))

    def test_period_runs_until_the_next_mus_is_due(self):
        self.company.mus_interval_months = 6
        interview = self.create_interview(scheduled_date=datetime(2026, 12, 22, 9, 0))
        self.assertEqual(self.period(interview), (date(2026, 12, 22), date(2027, 6, 21)))
        # The employee's own frequency comes first.
        self.colleague.mus_frequency_months = 24
        other = self.walk_to(
            self.create_interview(employee=self.colleague, scheduled_date=datetime(2026, 12, 22, 9, 0)),
            "preparation",
        )
        self.assertEqual(self.period(other), (date(2026, 12, 22), date(2028, 12, 21)))
        with freeze_time("2026-12-21 10:00"):
            self.walk_to(other, "interview")
        self.assertEqual(self.period(other), (date(2026, 12, 21), date(2028, 12, 20)))
        # The next MUS is due the day after the period ends.
        self.colleague.invalidate_recordset(["mus_next_due_date"])
        self.assertEqual(self.colleague.mus_next_due_date, date(2028, 12, 21))

    def test_period_set_by_the_leader_after_the_talk_is_kept(self):
        interview = self.walk_to(self.create_interview(), "interview")
        self.as_leader(interview).plan_id.write({"date_end": "2027-06-30"})
        self.walk_to(interview, "signing")
        self.assertEqual(self.period(interview)[1], date(2027, 6, 30))

    def test_signed_period_is_sealed_and_printed(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.employee.work_contact_id.lang = "da_DK"
        interview = self.walk_to(self.create_interview(scheduled_date=datetime(2026, 12, 22, 9, 0)), "preparation")
        with freeze_time("2026-12-17 09:30"):
            self.walk_to(interview, "follow_up")
        plan = interview.sudo().plan_id
        self.assertEqual(self.period(interview), (date(2026, 12, 17), date(2027, 12, 16)))
        self.assertEqual(plan._mus_hash_content()["period"], ["2026-12-17", "2027-12-16"])
        self.assertFalse(self.env["mus.development.plan"].sudo()._mus_check_integrity())

        # What the employee received is what was sealed.
        attachment = interview.sudo().message_ids.attachment_ids.filtered(lambda a: a.mimetype == "application/pdf")
        self.assertEqual(len(attachment), 1)
        printed = html2plaintext(base64.b64decode(attachment.datas).decode())
        start = format_date(self.env, plan.date_start, lang_code="da_DK")
        end = format_date(self.env, plan.date_end, lang_code="da_DK")
        expected = f"{start} – {end}"
        self.assertIn(expected, printed)
        self.assertNotIn(format_date(self.env, date(2026, 12, 22), lang_code="da_DK"), printed)

        # Nothing moves the sealed period afterwards: not the frequency, not a date.
        self.employee.mus_frequency_months = 6
        interview.sudo().write({"scheduled_date": datetime(2027, 1, 10, 9, 0)})
        self.assertEqual(self.period(interview), (date(2026, 12, 17), date(2027, 12, 16)))
        self.assertFalse(self.env["mus.development.plan"].sudo()._mus_check_integrity())

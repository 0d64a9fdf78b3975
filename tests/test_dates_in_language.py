import re
from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.mus_odoo.mus_odoo.tools import check_user_fields, format_mus_date, format_mus_datetime
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MusWorkflowCase

NOW = datetime(2026, 11, 2, 10, 0)
THURSDAY = datetime(2026, 12, 17, 9, 0)  # 10:00 in Copenhagen
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@tagged("post_install", "-at_install")
class TestMusDatesInLanguage(MusWorkflowCase):
    """Dates and times in mails, messages and to-do titles read as the
    recipient reads them: their language and time zone, no seconds, no
    zone abbreviation, no ISO dates; the model names in errors translated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("da_DK")
        cls.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        (cls.employee | cls.leader).tz = "Europe/Copenhagen"
        cls.user_leader.tz = cls.user_employee.tz = "Europe/Copenhagen"

    def danish_employee(self):
        self.employee.work_contact_id.lang = "da_DK"
        self.user_employee.lang = "da_DK"

    def test_formats_in_danish_and_english(self):
        cases = [
            ("da_DK", "torsdag den 17. december 2026 kl. 10:00", "1. januar 2027"),
            ("en_US", "Thursday, December 17, 2026 at 10:00", "January 1, 2027"),
        ]
        for lang, moment, day in cases:
            with self.subTest(lang=lang):
                self.assertEqual(
                    format_mus_datetime(self.env, THURSDAY, tz="Europe/Copenhagen", lang_code=lang), moment,
                )
                self.assertEqual(format_mus_date(self.env, date(2027, 1, 1), lang_code=lang), day)

    def test_invitation_mail_in_danish(self):
        self.danish_employee()
        interview = self.create_interview(scheduled_date=THURSDAY)
        self.as_leader(interview).action_invite()
        message = self.messages_to_employee(interview, "Sådan forbereder du dig")
        self.assertEqual(len(message), 1)
        self.assertIn("torsdag den 17. december 2026 kl. 10:00", message.body)
        self.assertNotIn("10.00.00", message.body)
        self.assertNotIn("CET", message.body)

    def test_invitation_mail_in_english(self):
        interview = self.create_interview(scheduled_date=THURSDAY)
        self.as_leader(interview).action_invite()
        message = self.messages_to_employee(interview, "How to prepare")
        self.assertIn("Thursday, December 17, 2026 at 10:00", message.body)
        self.assertNotIn("10:00:00", message.body)

    @freeze_time(NOW)
    def test_postpone_message_in_danish(self):
        self.danish_employee()
        interview = self.walk_to(self.create_interview(scheduled_date=THURSDAY), "invited")
        self.as_leader(interview).action_postpone(reason="Kursus", new_date=datetime(2026, 12, 22, 13, 0))
        message = self.messages_to_employee(interview, "Kursus")
        self.assertEqual(len(message), 1)
        self.assertIn("torsdag den 17. december 2026 kl. 10:00", message.body)
        self.assertIn("tirsdag den 22. december 2026 kl. 14:00", message.body)

    @freeze_time(NOW)
    def test_move_request_in_the_leaders_language(self):
        self.user_leader.lang = "da_DK"
        interview = self.walk_to(self.create_interview(scheduled_date=THURSDAY), "invited")
        self.as_employee(interview)._mus_request_move(datetime(2026, 12, 22, 13, 0), "Ferie")
        activity = interview.sudo().activity_ids.filtered(lambda a: a.user_id == self.user_leader and "Ferie" in a.note)
        self.assertIn("tirsdag den 22. december 2026 kl. 14:00", activity.note)

    def test_follow_up_titles_without_iso_dates(self):
        self.user_leader.lang = "da_DK"
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoints = interview.sudo().follow_up_ids
        self.assertTrue(checkpoints)
        for checkpoint in checkpoints:
            summary = checkpoint.activity_id.summary
            with self.subTest(summary=summary):
                self.assertNotRegex(summary, ISO_DATE)
                self.assertIn(format_mus_date(self.env, checkpoint.date_due, lang_code="da_DK"), summary)
                self.assertTrue(summary.startswith("Opfølgning"))
        self.assertNotRegex(checkpoints[0].with_context(lang="en_US").display_name, ISO_DATE)

    def test_model_name_in_errors_translated(self):
        goal = self.add_goal(self.walk_to(self.create_interview(), "interview"))
        for lang, name in (("da_DK", "MUS-udviklingsmål"), ("en_US", "MUS Development Goal")):
            with self.subTest(lang=lang), self.assertRaises(AccessError) as catcher:
                check_user_fields(goal.with_user(self.user_leader).with_context(lang=lang), {"plan_id": 1}, {"name"})
            self.assertIn(f"“{name}”", catcher.exception.args[0])


LATER = datetime(2026, 12, 15, 13, 0)
# The Danish wording of the notices, as in i18n/da.po.
DA_CANCELLED = "Din MUS er blevet aflyst. Årsag:"
DA_POSTPONED = ("Din MUS, der var planlagt til", "er flyttet til")


@tagged("post_install", "-at_install", "access_rights")
class TestMusNoticesInLanguage(MusWorkflowCase):
    """The notices of a cancelled or postponed MUS reach the employee in
    their language, whatever the leader's."""

    def activate_danish_employee(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.employee.work_contact_id.lang = "da_DK"
        self.assertEqual(self.user_leader.lang, "en_US")

    def test_cancel_notice_in_employee_language(self):
        self.activate_danish_employee()
        interview = self.walk_to(self.create_interview(), "invited")
        self.as_leader(interview).action_cancel(reason="Lederen er syg")
        message = self.messages_to_employee(interview, "Lederen er syg")
        self.assertEqual(len(message), 1)
        self.assertIn(DA_CANCELLED, message.body)
        self.assertNotIn("has been cancelled", message.body)

    @freeze_time(NOW)
    def test_postpone_notice_in_employee_language(self):
        self.activate_danish_employee()
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_leader(interview).action_postpone(reason="Lederen er på kursus", new_date=LATER)
        message = self.messages_to_employee(interview, "Lederen er på kursus")
        self.assertEqual(len(message), 1)
        for fragment in DA_POSTPONED:
            self.assertIn(fragment, message.body)
        self.assertNotIn("has been moved", message.body)

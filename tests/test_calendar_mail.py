import re
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.addons.mus_odoo.mus_odoo.tools import format_mus_datetime
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MusWorkflowCase

NOW = datetime(2026, 11, 2, 10, 0)


@tagged("post_install", "-at_install", "workflow")
class TestMusCalendar(MusWorkflowCase):
    """The meeting in both calendars follows the interview."""

    def test_event_created_with_both_parties(self):
        interview = self.create_interview(duration=1.5)
        event = interview.calendar_event_id
        self.assertTrue(event)
        self.assertRecordValues(event, [{
            "start": self.date,
            "stop": self.date + timedelta(hours=1.5),
            "privacy": "private",
            "location": "Mødelokale 2",
            "res_model": "mus.interview",
            "res_id": interview.id,
            "user_id": self.user_leader.id,
        }])
        self.assertEqual(event.partner_ids, self.employee.work_contact_id | self.leader.work_contact_id)
        self.assertEqual(
            event.attendee_ids.partner_id, self.employee.work_contact_id | self.leader.work_contact_id,
        )

    def test_event_default_duration(self):
        interview = self.create_interview()
        self.assertRecordValues(interview.calendar_event_id, [{
            "start": self.date, "stop": self.date + timedelta(hours=1),
        }])

    def test_no_date_no_event(self):
        interview = self.create_interview(scheduled_date=False)
        self.assertFalse(interview.calendar_event_id)
        self.as_leader(interview).scheduled_date = self.date
        self.assertRecordValues(interview.calendar_event_id, [{"start": self.date}])

    def test_event_follows_date_and_place(self):
        interview = self.create_interview()
        event = interview.calendar_event_id
        moved = datetime(2026, 12, 3, 13, 30)
        self.as_leader(interview).write({"scheduled_date": moved})
        self.assertRecordValues(event, [{"start": moved, "stop": moved + timedelta(hours=1)}])
        self.as_leader(interview).write({"location": "Kantinen", "duration": 2.0})
        self.assertRecordValues(event, [{
            "start": moved, "stop": moved + timedelta(hours=2), "location": "Kantinen",
        }])
        self.assertEqual(interview.calendar_event_id, event, "the meeting is moved, not duplicated")

    @freeze_time(NOW)
    def test_postpone_moves_event(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        event = interview.calendar_event_id
        new_date = datetime(2026, 12, 10, 8, 0)
        self.as_leader(interview).action_postpone(reason="Kursus", new_date=new_date)
        self.assertRecordValues(event, [{"start": new_date, "stop": new_date + timedelta(hours=1)}])

    def test_cancel_archives_event(self):
        interview = self.walk_to(self.create_interview(), "invited")
        event = interview.calendar_event_id
        self.assertTrue(event.active)
        self.as_leader(interview).action_cancel(reason="Sygdom")
        self.assertFalse(event.active)
        self.assertFalse(
            self.env["calendar.event"].search([("res_model", "=", "mus.interview"), ("res_id", "=", interview.id)])
        )


@tagged("post_install", "-at_install", "workflow")
class TestMusInvitationMail(MusWorkflowCase):
    """The invitation is a message from the template, queued, never sent at once."""

    def invitation(self, interview):
        before = interview.message_ids
        self.as_leader(interview).action_invite()
        interview.invalidate_recordset(["message_ids"])
        messages = (interview.message_ids - before).filtered(
            lambda m: self.employee.work_contact_id in m.partner_ids
        )
        self.assertEqual(len(messages), 1, "one invitation to the employee")
        return messages

    def test_invitation_queued(self):
        interview = self.create_interview()
        message = self.invitation(interview)
        self.assertRecordValues(message, [{
            "message_type": "comment",
            "subtype_id": self.env.ref("mail.mt_comment").id,
            "subject": "Invitation to your MUS 2026",
        }])
        self.assertIn("Erik Medarbejder", message.body)
        self.assertIn("Lene Leder", message.body)
        self.assertIn("Mødelokale 2", message.body)
        tz = self.employee.tz or "UTC"
        self.assertIn(format_mus_datetime(self.env, self.date, tz=tz, lang_code="en_US"), message.body)

        mails = self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        self.assertTrue(mails, "a mail is queued for the employee")
        self.assertEqual(set(mails.mapped("state")), {"outgoing"}, "never sent synchronously")
        self.assertIn(self.employee.work_contact_id, mails.recipient_ids)

    def test_invitation_from_template(self):
        template = self.env.ref("mus_odoo.mail_template_mus_invitation")
        self.assertEqual(template.model, "mus.interview")
        interview = self.create_interview()
        message = self.invitation(interview)
        rendered = template._render_field("subject", interview.ids)[interview.id]
        self.assertEqual(message.subject, rendered)

    def test_invitation_in_danish(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.employee.work_contact_id.lang = "da_DK"
        template = self.env.ref("mus_odoo.mail_template_mus_invitation").with_context(lang="da_DK")

        interview = self.create_interview(location="Mødelokale 7")
        message = self.invitation(interview)
        expected_subject = re.sub(r"\{\{\s*object\.year\s*\}\}", "2026", template.subject)
        self.assertEqual(message.subject, expected_subject)
        self.assertEqual(message.subject, "Invitation til din MUS 2026")
        self.assertIn("Sådan forbereder du dig", message.body)
        self.assertIn("Mødelokale 7", message.body)
        tz = self.employee.tz or "UTC"
        self.assertIn(format_mus_datetime(self.env, self.date, tz=tz, lang_code="da_DK"), message.body)

    def test_activities_in_the_assignees_language(self):
        """Each party's to-do reads in their own language."""
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.user_employee.lang = "da_DK"
        interview = self.create_interview()
        self.as_leader(interview).action_invite()
        accept = interview.activity_ids.filtered(lambda a: a.user_id == self.user_employee)
        self.assertEqual(
            accept.summary,
            self.env.ref("mus_odoo.mail_act_mus_accept").with_context(lang="da_DK").summary,
        )
        self.assertNotEqual(accept.summary, self.env.ref("mus_odoo.mail_act_mus_accept").summary)


LATER = datetime(2026, 12, 15, 13, 0)


@tagged("post_install", "-at_install", "access_rights")
class TestMusMeetingTimeAndPlace(MusWorkflowCase):
    """The date and duration change only in draft, the place until the
    preparation, later only by postponing; the meeting is moved from the
    interview, never from the calendar, and stays private and attached."""

    def test_date_and_duration_only_in_draft(self):
        interview = self.create_interview()
        moved = datetime(2026, 12, 2, 13, 0)
        self.as_leader(interview).write({"scheduled_date": moved, "duration": 1.5})
        self.assertRecordValues(interview, [{"scheduled_date": moved, "duration": 1.5}])
        interview.with_user(self.user_hr_officer).write({"scheduled_date": self.date, "duration": 2.0})
        self.assertRecordValues(interview, [{"scheduled_date": self.date, "duration": 2.0}])

        for state in ("invited", "preparation"):
            self.walk_to(interview, state)
            for user in (self.user_leader, self.user_hr_officer):
                with self.subTest(state=state, user=user.login), self.assertUserError("Postpone"):
                    interview.with_user(user).write({"scheduled_date": moved})
                with self.subTest(state=state, user=user.login), self.assertUserError():
                    interview.with_user(user).write({"duration": 3.0})
            interview.invalidate_recordset()
            self.assertRecordValues(interview, [{"state": state, "scheduled_date": self.date, "duration": 2.0}])
            self.assertRecordValues(interview.calendar_event_id, [{
                "start": self.date, "stop": self.date + timedelta(hours=2),
            }])

    @freeze_time(NOW)
    def test_postpone_still_moves_the_date(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_leader(interview).action_postpone(reason="Lederen er på kursus", new_date=LATER)
        self.assertRecordValues(interview, [{"state": "invited", "scheduled_date": LATER}])
        self.assertRecordValues(interview.calendar_event_id, [{"start": LATER, "stop": LATER + timedelta(hours=1)}])

    def test_location_until_preparation(self):
        interview = self.create_interview()
        for state, place in (("draft", "Kantinen"), ("invited", "Mødelokale 4"), ("preparation", "Online")):
            self.walk_to(interview, state)
            with self.subTest(state=state):
                self.as_leader(interview).write({"location": place})
                self.assertRecordValues(interview, [{"location": place}])
                self.assertRecordValues(interview.calendar_event_id, [{"location": place}])
        self.walk_to(interview, "interview")
        with self.assertUserError():
            self.as_leader(interview).write({"location": "Et andet sted"})
        interview.invalidate_recordset()
        self.assertEqual(interview.location, "Online")

    @freeze_time(NOW)
    def test_calendar_event_not_moved_from_calendar(self):
        interview = self.walk_to(self.create_interview(), "invited")
        event = interview.calendar_event_id
        for vals in (
            {"start": LATER, "stop": LATER + timedelta(hours=1)},
            {"location": "Kantinen"},
        ):
            with self.subTest(vals=vals):
                with self.assertUserError() as catcher:
                    event.with_user(self.user_leader).write(vals)
                self.assertIn("postpone", catcher.exception.args[0].lower())
        event.invalidate_recordset()
        self.assertRecordValues(event, [{
            "start": self.date, "stop": self.date + timedelta(hours=1), "location": "Mødelokale 2",
        }])

        self.as_leader(interview).action_postpone(reason="Sygdom", new_date=LATER)
        self.assertRecordValues(event, [{"start": LATER, "stop": LATER + timedelta(hours=1)}])
        self.assertEqual(interview.calendar_event_id, event)

    def test_mus_meeting_stays_private_and_linked(self):
        interview = self.walk_to(self.create_interview(), "invited").sudo()
        event = interview.calendar_event_id
        for user in (self.user_leader, self.user_employee):
            for vals in ({"privacy": "public"}, {"res_id": 0}, {"active": False}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    event.with_user(user).write(vals)
            with self.subTest(user=user.login, unlink=True), self.assertRaises(UserError):
                event.with_user(user).unlink()
        event.invalidate_recordset()
        self.assertRecordValues(event, [{
            "privacy": "private", "active": True, "res_model": "mus.interview", "res_id": interview.id,
        }])
        self.assertEqual(interview.calendar_event_id, event)

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SIGNATURE, MusWorkflowCase

SIGNED = datetime(2026, 12, 1, 11, 0)


@tagged("post_install", "-at_install", "workflow")
class TestMusFollowUp(MusWorkflowCase):
    """Checkpoints after signing: an activity each for the leader; the last
    one completed closes the MUS."""

    def follow_up_activities(self, interview):
        interview.invalidate_recordset(["activity_ids"])
        return interview.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mus_odoo.mail_act_mus_follow_up")
        ).sorted("date_deadline")

    @freeze_time(SIGNED)
    def signed_interview(self, **vals):
        return self.walk_to(self.create_interview(**vals), "follow_up")

    def test_default_checkpoints(self):
        interview = self.signed_interview()
        self.assertEqual(self.company.mus_follow_up_months, "1,2,3")
        self.assertRecordValues(interview.follow_up_ids, [
            {"sequence": 1, "date_due": date(2027, 1, 1), "state": "planned"},
            {"sequence": 2, "date_due": date(2027, 2, 1), "state": "planned"},
            {"sequence": 3, "date_due": date(2027, 3, 1), "state": "planned"},
        ])
        activities = self.follow_up_activities(interview)
        self.assertRecordValues(activities, [
            {"user_id": self.user_leader.id, "date_deadline": date(2027, 1, 1)},
            {"user_id": self.user_leader.id, "date_deadline": date(2027, 2, 1)},
            {"user_id": self.user_leader.id, "date_deadline": date(2027, 3, 1)},
        ])
        self.assertEqual(interview.follow_up_ids.activity_id, activities)

    def test_company_setting_changes_checkpoints(self):
        self.company.mus_follow_up_months = "6, 2"
        interview = self.signed_interview()
        self.assertRecordValues(interview.follow_up_ids, [
            {"sequence": 1, "date_due": date(2027, 2, 1)},
            {"sequence": 2, "date_due": date(2027, 6, 1)},
        ])
        self.assertEqual(
            self.follow_up_activities(interview).mapped("date_deadline"), [date(2027, 2, 1), date(2027, 6, 1)],
        )

    def test_settings_form(self):
        settings = Form(self.env["mus.settings"].with_user(self.user_hr_manager))
        settings.mus_follow_up_months = "1,4"
        settings.mus_interval_months = 24
        settings.save().action_save()
        self.assertRecordValues(self.company, [{"mus_follow_up_months": "1,4", "mus_interval_months": 24}])

    def test_invalid_settings(self):
        for value in ("0,a", "0", "a", "1,,x", "25", "-1", "1.5"):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.company.write({"mus_follow_up_months": value})
        for value in (0, 61, -12):
            with self.subTest(interval=value), self.assertRaises(ValidationError):
                self.company.write({"mus_interval_months": value})
        self.assertEqual(self.company.mus_follow_up_months, "1,2,3")

    def test_complete_requires_note(self):
        interview = self.signed_interview()
        checkpoint = interview.follow_up_ids[0].with_user(self.user_leader)
        for note in (None, "", "  "):
            with self.subTest(note=note), self.assertRaises(UserError) as catcher:
                checkpoint.action_complete(note=note)
            self.assertIn("follow-up note", catcher.exception.args[0])
        self.assertEqual(checkpoint.state, "planned")

        # A note written on the checkpoint first counts.
        checkpoint.note = "Kurset er booket"
        checkpoint.action_complete()
        self.assertRecordValues(checkpoint, [{
            "state": "done", "note": "Kurset er booket", "done_by": self.user_leader.id,
        }])
        self.assertEqual(len(self.follow_up_activities(interview)), 2, "its activity is done")
        self.assertEqual(interview.state, "follow_up")

    @freeze_time(datetime(2027, 1, 4, 10, 0))
    def test_complete_records_progress(self):
        interview = self.signed_interview()
        interview.plan_id.goal_ids.with_user(self.user_leader).write({"status": "in_progress", "progress": 50})
        checkpoint = interview.follow_up_ids[0]
        checkpoint.with_user(self.user_leader).action_complete(note="Godt i gang")
        self.assertRecordValues(checkpoint, [{
            "state": "done", "progress": 50, "done_on": datetime(2027, 1, 4, 10, 0),
        }])
        self.assertIn("In progress (50 %)", checkpoint.goal_status)

    def test_only_leader_completes(self):
        interview = self.signed_interview()
        checkpoint = interview.follow_up_ids[0]
        for user in (self.user_employee, self.user_hr_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                checkpoint.with_user(user).action_complete(note="Ikke min opgave")
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                checkpoint.with_user(user).write({"note": "Ikke min opgave"})
        for user in (self.user_colleague, self.user_other_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                checkpoint.with_user(user).action_complete(note="Udefra")
        self.assertEqual(checkpoint.state, "planned")

    def test_completing_all_closes(self):
        interview = self.signed_interview()
        first, second, third = interview.follow_up_ids
        for checkpoint in (third, first):
            checkpoint.with_user(self.user_leader).action_complete(note="Fulgt op")
            self.assertEqual(interview.state, "follow_up")
        with self.assertRaises(UserError):
            self.as_leader(interview).action_done()
        second.with_user(self.user_leader).action_complete(note="Sidste opfølgning")
        self.assertRecordValues(interview, [{"state": "done"}])
        self.assertTrue(interview.closed_on)
        self.assertFalse(self.follow_up_activities(interview))
        with self.assertRaises(UserError):
            first.with_user(self.user_leader).write({"note": "Efter lukning"})

    def test_no_checkpoints_closes_at_signature(self):
        self.company.mus_follow_up_months = ""
        interview = self.walk_to(self.create_interview(), "signing")
        self.as_leader(interview).action_sign(signature=SIGNATURE)
        self.as_employee(interview).action_sign(signature=SIGNATURE)
        self.assertFalse(interview.follow_up_ids)
        self.assertEqual(interview.state, "done")

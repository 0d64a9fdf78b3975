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

    def test_complete_requires_note_given_or_written_first(self):
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


NOW = datetime(2026, 11, 2, 10, 0)


@tagged("post_install", "-at_install", "access_rights")
class TestMusFollowUpWrites(MusWorkflowCase):
    """During follow-up only the leader writes: a checkpoint's note while it
    is planned (one note for several, or each its own), the goals' progress."""

    def test_follow_up_only_note_writable(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoint = interview.follow_up_ids[0]
        before = checkpoint.read(["state", "date_due", "done_on", "done_by", "progress", "note"])[0]
        forbidden = {
            "state": "done", "date_due": "2030-01-01", "done_on": NOW, "progress": 100,
            "done_by": self.user_leader.id, "goal_status": "Alt nået",
        }
        for user in (self.user_employee, self.user_leader, self.user_hr_officer, self.user_hr_manager):
            for field_name, value in forbidden.items():
                with self.subTest(user=user.login, field=field_name), self.assertRaises(AccessError):
                    checkpoint.with_user(user).write({field_name: value})
        checkpoint.invalidate_recordset()
        self.assertEqual(checkpoint.read(list(before))[0], before)
        self.assertEqual(interview.state, "follow_up")

        checkpoint.with_user(self.user_leader).write({"note": "Kurset er booket"})
        self.assertRecordValues(checkpoint, [{"note": "Kurset er booket", "state": "planned"}])
        with self.assertRaises(AccessError):
            checkpoint.with_user(self.user_employee).write({"note": "Min egen note"})
        self.assertEqual(checkpoint.note, "Kurset er booket")

    def test_follow_up_note_only_while_planned(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        first = interview.follow_up_ids[0]
        first.with_user(self.user_leader).action_complete(note="Fulgt op")
        with self.assertUserError():
            first.with_user(self.user_leader).write({"note": "Skrevet om bagefter"})
        first.invalidate_recordset()
        self.assertEqual(first.note, "Fulgt op")

    def test_complete_without_note_is_refused_and_records_nothing(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoint = interview.follow_up_ids[0].with_user(self.user_leader)
        for note in (None, "", "   "):
            with self.subTest(note=note), self.assertUserError("follow-up note"):
                checkpoint.action_complete(note=note)
        checkpoint.invalidate_recordset()
        self.assertRecordValues(checkpoint, [{"state": "planned", "done_on": False}])

    def test_complete_several_with_one_note(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoints = interview.follow_up_ids
        checkpoints[0].with_user(self.user_leader).note = "Egen note"
        checkpoints.with_user(self.user_leader).action_complete(note="Fælles opfølgning")
        self.assertRecordValues(checkpoints, [
            {"state": "done", "note": "Fælles opfølgning"},
            {"state": "done", "note": "Fælles opfølgning"},
            {"state": "done", "note": "Fælles opfølgning"},
        ])
        self.assertEqual(interview.state, "done")

    def test_complete_several_each_own_note(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoints = interview.follow_up_ids
        notes = ["Kurset er booket", "Første workshop holdt", "Anden workshop holdt"]
        for checkpoint, note in zip(checkpoints, notes, strict=True):
            checkpoint.with_user(self.user_leader).note = note
        checkpoints.with_user(self.user_leader).action_complete()
        self.assertRecordValues(checkpoints, [{"state": "done", "note": note} for note in notes])

        # A checkpoint without its own note stops the batch.
        other = self.walk_to(self.create_interview(employee=self.colleague), "follow_up")
        other.follow_up_ids[0].with_user(self.user_leader).note = "Kun den første"
        with self.assertUserError("follow-up note"):
            other.follow_up_ids.with_user(self.user_leader).action_complete()
        other.follow_up_ids.invalidate_recordset()
        self.assertEqual(other.follow_up_ids.mapped("state"), ["planned", "planned", "planned"])

    def test_goal_progress_only_by_leader(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        goal = interview.plan_id.goal_ids
        for user in (self.user_employee, self.user_hr_officer):
            for vals in ({"progress": 90}, {"status": "reached"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    goal.with_user(user).write(vals)
        goal.invalidate_recordset()
        self.assertRecordValues(goal, [{"progress": 0, "status": "not_started"}])
        goal.with_user(self.user_leader).write({"status": "in_progress", "progress": 30})
        self.assertRecordValues(goal, [{"progress": 30, "status": "in_progress"}])

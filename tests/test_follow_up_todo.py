from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import MusWorkflowCase

SIGNED = datetime(2026, 12, 1, 11, 0)
# Checkpoint 1 is due on 2027-01-01 (in 12 days), 2 and 3 more than 30 days later.
TODAY = datetime(2026, 12, 20, 10, 0)


@tagged("post_install", "-at_install", "workflow")
class TestMusFollowUpTodo(MusWorkflowCase):
    """The follow-up to-do and its checkpoint are one thing: marking the to-do
    done (any of Odoo's ways) completes the checkpoint with the feedback as
    its note, completing the checkpoint marks its to-do done, one message
    each time; the Complete dialog asks for the note, and for a
    confirmation long before the due date; Close shows when it can be done."""

    def setUp(self):
        super().setUp()
        with freeze_time(SIGNED):
            self.interview = self.walk_to(self.create_interview(), "follow_up")
        self.first, self.second, self.third = self.interview.follow_up_ids
        self.startPatcher(freeze_time(TODAY))

    def todo(self, checkpoint, user=None):
        return checkpoint.activity_id.with_user(user or self.user_leader)

    def done_messages(self):
        return self.env["mail.message"].search([
            ("model", "=", "mus.interview"), ("res_id", "=", self.interview.id),
            ("subtype_id", "=", self.env.ref("mail.mt_activities").id),
            ("mail_activity_type_id", "=", self.env.ref("mus_odoo.mail_act_mus_follow_up").id),
        ])

    def notes_posted(self):
        return self.env["mail.message"].search([
            ("model", "=", "mus.interview"), ("res_id", "=", self.interview.id),
            ("body", "ilike", "completed by"),
        ])

    # To-do -> checkpoint -----------------------------------------------
    def test_todo_done_with_feedback_completes_checkpoint(self):
        self.todo(self.first).action_feedback(feedback="Kurset er booket\nNæste: workshop")
        self.assertRecordValues(self.first, [{
            "state": "done", "note": "Kurset er booket\nNæste: workshop", "done_by": self.user_leader.id,
            "done_on": TODAY, "activity_id": False,
        }])
        self.assertEqual(len(self.done_messages()), 1)
        self.assertIn("Kurset er booket", str(self.done_messages().body))
        self.assertFalse(self.notes_posted(), "one message: the to-do's")
        self.assertEqual(self.interview.state, "follow_up")
        self.assertEqual((self.second | self.third).mapped("state"), ["planned", "planned"])

    def test_todo_done_without_feedback_keeps_written_note(self):
        self.first.with_user(self.user_leader).note = "Skrevet på forhånd"
        self.todo(self.first).action_done()
        self.assertRecordValues(self.first, [{"state": "done", "note": "Skrevet på forhånd"}])
        self.assertEqual(len(self.done_messages()), 1)

    def test_todo_done_without_any_note_completes(self):
        self.todo(self.first).action_done()
        self.assertRecordValues(self.first, [{"state": "done", "note": False}])

    def test_todo_done_and_schedule_next_completes_checkpoint(self):
        action = self.todo(self.first).action_feedback_schedule_next(feedback="Godt i gang")
        self.assertEqual(action["res_model"], "mail.activity", "Odoo then opens its schedule dialog")
        self.assertRecordValues(self.first, [{"state": "done", "note": "Godt i gang"}])

    def test_last_todo_done_closes_mus(self):
        (self.second | self.third).with_user(self.user_leader).action_complete(note="Fulgt op")
        self.todo(self.first).action_feedback(feedback="Sidste")
        self.assertRecordValues(self.interview, [{"state": "done"}])
        self.assertFalse(self.interview.sudo().activity_ids)

    def test_todo_done_long_before_due_is_refused(self):
        with self.assertUserError("due in 71 days", "Complete"):
            self.todo(self.third).action_feedback(feedback="For tidligt")
        self.assertRecordValues(self.third, [{"state": "planned", "note": False}])
        self.assertTrue(self.third.activity_id)
        self.assertFalse(self.done_messages())

    def test_only_leader_marks_todo_done(self):
        for user in (self.user_employee, self.user_hr_officer, self.user_colleague, self.user_other_leader,
                     self.env.ref("base.user_admin")):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.todo(self.first, user).action_feedback(feedback="Ikke min")
        self.assertRecordValues(self.first, [{"state": "planned", "note": False}])
        # The superuser as ever.
        self.first.activity_id.sudo().action_feedback(feedback="Systemet")
        self.assertEqual(self.first.state, "done")

    def test_feedback_read_like_the_note(self):
        self.todo(self.first).action_feedback(feedback="Fortroligt-feedback")
        message = self.done_messages()
        for user in (self.user_employee, self.user_leader):
            with self.subTest(user=user.login):
                self.assertEqual(self.first.with_user(user).note, "Fortroligt-feedback")
                self.assertIn("Fortroligt-feedback", str(message.with_user(user).read(["body"])[0]["body"]))
        for user in (self.user_hr_officer, self.user_colleague, self.user_other_leader):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.first.with_user(user).read(["note"])
                with self.assertRaises(AccessError):
                    message.with_user(user).read(["body"])
                self.assertFalse(self.env["mail.message"].with_user(user).search(
                    [("body", "ilike", "Fortroligt-feedback")]))
        self.assertFalse(message.notification_ids, "nobody is notified of it")

    # Checkpoint -> to-do -----------------------------------------------
    def test_complete_marks_todo_done_once(self):
        self.first.with_user(self.user_leader).action_complete(note="Fulgt op i dag")
        self.assertRecordValues(self.first, [{"state": "done", "note": "Fulgt op i dag", "activity_id": False}])
        self.assertEqual(len(self.done_messages()), 1)
        self.assertIn("Fulgt op i dag", str(self.done_messages().body))
        self.assertFalse(self.notes_posted())
        self.assertEqual(len(self.interview.sudo().activity_ids), 2)

    def test_complete_without_todo_posts_a_note(self):
        self.first.activity_id.sudo().unlink()
        self.first.with_user(self.user_leader).action_complete(note="Uden to-do")
        self.assertEqual(self.first.state, "done")
        self.assertEqual(len(self.notes_posted()), 1)

    # The Complete dialog -------------------------------------------------
    def open_dialog(self, checkpoint, user=None):
        action = checkpoint.with_user(user or self.user_leader).action_open_complete_wizard()
        self.assertEqual((action["res_model"], action["target"]), ("mus.follow.up.wizard", "new"))
        return Form(self.env[action["res_model"]].with_user(user or self.user_leader).with_context(
            **action["context"]))

    def test_complete_dialog_asks_for_note_prefilled(self):
        self.first.with_user(self.user_leader).note = "Udkast"
        dialog = self.open_dialog(self.first)
        self.assertEqual(dialog.note, "Udkast")
        self.assertFalse(dialog.is_early)
        dialog.note = "Udkast, rettet"
        dialog.save().action_complete()
        self.assertRecordValues(self.first, [{"state": "done", "note": "Udkast, rettet"}])
        self.assertFalse(self.first.activity_id)

    def test_complete_dialog_requires_note(self):
        wizard = self.env["mus.follow.up.wizard"].with_user(self.user_leader).create({
            "follow_up_id": self.first.id, "note": "  ",
        })
        with self.assertUserError("follow-up note"):
            wizard.action_complete()
        self.assertEqual(self.first.state, "planned")

    def test_complete_dialog_only_for_leader(self):
        for user in (self.user_employee, self.user_hr_officer, self.user_colleague):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.first.with_user(user).action_open_complete_wizard()
        wizard = self.env["mus.follow.up.wizard"].with_user(self.user_employee).create({
            "follow_up_id": self.first.id, "note": "Selv",
        })
        with self.assertRaises(AccessError):
            wizard.action_complete()
        self.assertEqual(self.first.state, "planned")

    def test_complete_dialog_confirms_early(self):
        dialog = self.open_dialog(self.third)
        self.assertTrue(dialog.is_early)
        self.assertEqual(dialog.days_early, 71)
        self.assertIn("71", dialog.early_warning)
        dialog.note = "Vi tog den tidligt"
        wizard = dialog.save()
        with self.assertUserError("71"):
            wizard.action_complete()
        self.assertEqual(self.third.state, "planned")
        wizard.action_complete_early()
        self.assertRecordValues(self.third, [{"state": "done", "note": "Vi tog den tidligt"}])

    def test_early_means_more_than_30_days(self):
        with freeze_time(date(2027, 1, 2)):  # checkpoint 2 is due 2027-02-01: in 30 days
            self.assertFalse(self.second._is_early())
            self.todo(self.second).action_feedback(feedback="Lige i tide")
        self.assertEqual(self.second.state, "done")
        with freeze_time(date(2027, 1, 29)):  # checkpoint 3 is due 2027-03-01: in 31 days
            self.assertTrue(self.third._is_early())

    # Close -----------------------------------------------------------------
    def test_close_shows_only_when_possible(self):
        leader = self.as_leader(self.interview)
        self.assertFalse(leader.can_done)
        (self.first | self.second).sudo()._mus_record_done("Fulgt op")
        leader.invalidate_recordset(["can_done"])
        self.assertFalse(leader.can_done)
        self.third.sudo()._mus_record_done("Fulgt op")
        leader.invalidate_recordset(["can_done"])
        self.assertTrue(leader.can_done)
        self.assertFalse(self.as_employee(self.interview).can_done)
        leader.action_done()
        self.assertEqual(self.interview.state, "done")

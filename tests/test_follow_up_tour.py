from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "ui")
class TestMusFollowUpTour(MusWorkflowCase, HttpCase):
    """The leader, in Danish, marks the follow-up to-do done from the
    chatter with feedback (static/tests/tours/mus_follow_up_tour.js); the
    checkpoint is completed with the feedback as its note. The plan was
    signed three weeks ago (the first checkpoint is due in about ten days)."""

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["web", "mail", "mus_odoo"], ["da_DK"], overwrite=True)
        self.user_leader.write({"lang": "da_DK", "tz": "Europe/Copenhagen"})
        with freeze_time(datetime.now() - timedelta(days=21)):
            self.interview = self.walk_to(self.create_interview(scheduled_date=datetime.now()), "follow_up")

    def test_leader_marks_follow_up_todo_done_from_chatter(self):
        first, second, third = self.interview.sudo().follow_up_ids
        self.assertFalse(first._is_early())
        self.start_tour("/odoo", "mus_follow_up_tour", login=self.user_leader.login)
        self.interview.invalidate_recordset()
        first.invalidate_recordset()
        self.assertRecordValues(first, [{
            "state": "done", "note": "Kurset er booket, første workshop i marts",
            "done_by": self.user_leader.id, "activity_id": False,
        }])
        self.assertEqual((second | third).mapped("state"), ["planned", "planned"])
        self.assertEqual(len(self.interview.sudo().activity_ids), 2)
        self.assertEqual(self.interview.state, "follow_up")

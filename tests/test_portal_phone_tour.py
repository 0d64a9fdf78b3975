from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

from .common import SIGNATURE, MusWorkflowCase

NOTE = "Jeg vil gerne lære at holde oplæg for kunder."
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


@tagged("post_install", "-at_install", "ui", "mus_portal")
class TestMusPortalPhoneTour(MusWorkflowCase, HttpCase):
    """A portal-only employee, in Danish, does her part of a MUS on a
    phone (390x844, touch): finds it in the list, backs out of declining,
    is warned before an unsaved answer is lost, saves it, accepts the time,
    lets a started feedback go when warned, and signs a plan that fits the screen
    (static/tests/tours/mus_portal_phone_tour.js)."""

    browser_size = "390x844"
    touch_enabled = True

    def start_tour(self, url_path, tour_name, **kwargs):
        """Headless Chromium opens no window narrower than 500 px, whatever
        ``browser_size`` asks: the phone's screen is emulated as Chrome's
        device mode does it, before the first page loads."""
        navigate_to = ChromeBrowser.navigate_to

        def navigate_on_a_phone(browser, url, wait_stop=False):
            browser._websocket_request("Emulation.setDeviceMetricsOverride", params=PHONE)
            browser._websocket_request("Emulation.setTouchEmulationEnabled", params={"enabled": True})
            return navigate_to(browser, url, wait_stop=wait_stop)

        with patch.object(ChromeBrowser, "navigate_to", navigate_on_a_phone):
            return super().start_tour(url_path, tour_name, **kwargs)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("da_DK")
        cls.env["ir.module.module"]._load_module_terms(["portal", "mus_odoo"], ["da_DK"], overwrite=True)
        cls.user_karin = mail_new_test_user(
            cls.env, login="mus_phone_karin", password="mus_phone_karin", name="Karin Telefon",
            email="karin@example.com", groups="base.group_portal", tz="Europe/Copenhagen", lang="da_DK",
        )
        cls.karin = cls.env["hr.employee"].create({
            "name": "Karin Telefon", "user_id": cls.user_karin.id, "parent_id": cls.leader.id,
            "tz": "Europe/Copenhagen",
        })

    def test_portal_employee_on_a_phone(self):
        date = fields.Datetime.now().replace(second=0, microsecond=0) + timedelta(days=7)
        interview = self.create_interview(employee=self.karin, scheduled_date=date, year=date.year)
        self.as_leader(interview).action_invite()
        sudo = interview.sudo()
        answer = sudo._mus_portal_answers()[:1]

        # 1. Find the MUS, back out of declining, type, be warned, save, accept.
        self.start_tour("/my", "mus_portal_phone_prepare", login="mus_phone_karin")
        sudo.invalidate_recordset()
        answer.invalidate_recordset()
        self.assertEqual(sudo.state, "preparation", "accepted, not declined")
        self.assertFalse(sudo.decline_reason)
        self.assertEqual(answer.employee_note, NOTE)
        self.assertFalse(sudo.employee_feedback, "the feedback she chose to let go is not saved")

        # 2. The leader holds the talk, writes a plan with long texts and signs.
        self.as_leader(interview).action_start_interview()
        self.add_goal(
            interview,
            name="Blive tryg ved at præsentere projektresultater for kunder og ledelse",
            actions="Kursus i præsentationsteknik; to oplæg på kundemøder; sparring med en erfaren kollega",
            budget=4500,
        )
        self.as_leader(interview).action_request_signatures()
        self.as_leader(interview).action_sign(signature=SIGNATURE)
        self.assertEqual(sudo.state, "signing")

        # 3. Karin signs on the phone.
        self.start_tour(f"/my/mus/{interview.id}", "mus_portal_phone_sign", login="mus_phone_karin")
        sudo.invalidate_recordset()
        plan = sudo.plan_id
        plan.invalidate_recordset()
        self.assertEqual(sudo.state, "follow_up")
        self.assertRecordValues(plan, [{
            "employee_signed_by": self.user_karin.id,
            "leader_signed_by": self.user_leader.id,
            "is_signed": True,
        }])
        self.assertTrue(plan.employee_signature, "the signature image is stored")
        self.assertTrue(plan.employee_signed_on)

import re
from datetime import timedelta

from odoo import fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date, mute_logger

from .common import EMPLOYEE_NOTE, LEADER_NOTE, PLAN_REPORT, pdf_text


@tagged("post_install", "-at_install", "ui")
class TestMusPortalTour(HttpCase):
    """A portal-only employee does their whole part of a MUS, in Danish,
    from the invitation link to the signed PDF in their inbox
    (static/tests/tours/mus_portal_tour.js); the leader holds the interview
    and signs in the backend (tour ``mus_tour_leader_hold``)."""

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["portal", "mus_odoo"], ["da_DK"], overwrite=True)
        self.env.company.mus_follow_up_months = "3"
        self.user_leader = mail_new_test_user(
            self.env, login="mus_tour_leader", password="mus_tour_leader",
            name="Lis Tourleder", groups="base.group_user", tz="Europe/Copenhagen", lang="en_US",
        )
        self.user_portal = mail_new_test_user(
            self.env, login="mus_tour_portal", password="mus_tour_portal", email="emil@example.com",
            name="Emil Tourmedarbejder", groups="base.group_portal", tz="Europe/Copenhagen", lang="da_DK",
        )
        Employee = self.env["hr.employee"]
        self.leader = Employee.create({"name": "Lis Tourleder", "user_id": self.user_leader.id})
        self.employee = Employee.create({
            "name": "Emil Tourmedarbejder", "user_id": self.user_portal.id, "parent_id": self.leader.id,
            "tz": "Europe/Copenhagen",
        })
        date = fields.Datetime.now().replace(second=0, microsecond=0) + timedelta(days=7)
        self.interview = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": self.employee.id,
            "template_id": self.env.ref("mus_odoo.template_mus_interview").id,
            "year": date.year,
            "scheduled_date": date,
            "location": "Mødelokale 2",
        })

    def invitation_link(self):
        # The email to the employee (the token is never in the chatter).
        mail = self.env["mail.mail"].sudo().search([
            ("mail_message_id", "in", self.interview.sudo().message_ids.ids), ("body_html", "like", "access_token"),
        ], limit=1)
        match = re.search(r'href="https?://[^/"]+(/my/mus/\d+\?access_token=[^"]+)"', mail.body_html or "")
        self.assertTrue(match, "the invitation mail links to the portal page with its token")
        return match.group(1)

    def test_portal_employee_journey(self):
        interview = self.interview.sudo()
        answer = interview.answer_ids[:1]
        self.interview.action_invite()
        self.assertEqual(self.employee.work_contact_id, self.user_portal.partner_id)

        # 1. From the invitation link, not logged in: accept, prepare, submit.
        self.start_tour(self.invitation_link(), "mus_portal_prepare")
        interview.invalidate_recordset()
        answer.invalidate_recordset()
        self.assertEqual(interview.state, "preparation")
        self.assertTrue(interview.accepted_on)
        self.assertTrue(interview.employee_prepared_on)
        self.assertEqual(answer.employee_note, EMPLOYEE_NOTE)

        # 2. The leader prepares, holds the interview, writes the plan and
        # signs, in the backend.
        self.start_tour("/odoo", "mus_tour_leader_hold", login="mus_tour_leader")
        interview.invalidate_recordset()
        answer.invalidate_recordset()
        self.assertEqual(answer.leader_note, LEADER_NOTE)
        self.assertEqual(interview.state, "signing")
        self.assertEqual(interview.plan_id.leader_signed_by, self.user_leader)

        # 3. The employee signs in the portal, logged in.
        self.start_tour("/my", "mus_portal_sign", login="mus_tour_portal")
        interview.invalidate_recordset()
        plan = interview.plan_id
        plan.invalidate_recordset()
        self.assertEqual(interview.state, "follow_up")
        self.assertRecordValues(plan, [{
            "employee_signed_by": self.user_portal.id,
            "leader_signed_by": self.user_leader.id,
            "is_signed": True,
        }])

        # 4. The signed plan: attached to the interview, mailed to the employee.
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "mus.interview"), ("res_id", "=", interview.id),
            ("mimetype", "=", "application/pdf"),
        ])
        self.assertEqual(len(attachment), 1)
        mail = self.env["mail.mail"].search([
            ("model", "=", "mus.interview"), ("res_id", "=", interview.id),
            ("attachment_ids", "in", attachment.ids),
        ])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.recipient_ids, self.user_portal.partner_id)
        self.assertIn("Din udviklingsplan", mail.subject)

        # 5. The PDF, as the employee prints it from the portal.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, _kind = self.env["ir.actions.report"].with_context(
                force_report_rendering=True,
            )._render_qweb_pdf(PLAN_REPORT, interview.ids)
        text = pdf_text(pdf)
        self.assertIn("Personlig udviklingsplan", text)
        self.assertIn("Lære at facilitere workshops", text)
        self.assertIn("Kursus i facilitering; to workshops i teamet", text)
        self.assertIn("Emil Tourmedarbejder", text)
        self.assertIn("Lis Tourleder", text)
        for signed_on in (plan.employee_signed_on, plan.leader_signed_on):
            local = fields.Datetime.context_timestamp(self.env.user.with_context(tz="Europe/Copenhagen"), signed_on)
            self.assertIn(format_date(self.env, local.date(), lang_code="da_DK"), text)

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date, mute_logger

from .common import PLAN_REPORT, SIGNATURE, SUMMARY_REPORT, MusWorkflowCase, pdf_text


@tagged("post_install", "-at_install", "mus_report")
class TestMusReport(MusWorkflowCase, HttpCase):
    """The plan and the summary as PDF, printed by the parties only, in the
    employee's language; the signed plan mailed to the employee.

    An HttpCase: wkhtmltopdf fetches the report's styles from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("da_DK")
        cls.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        cls.employee.work_contact_id.write({"lang": "da_DK", "email": "erik@example.com"})
        cls.employee.tz = "Europe/Copenhagen"

    def signed_interview(self, **goal_vals):
        interview = self.create_interview()
        self.walk_to(interview, "interview")
        self.add_goal(interview, **goal_vals)
        self.add_goal(interview, name="Blive bedre til mundtlig formidling", budget=0)
        self.walk_to(interview, "follow_up")
        return interview

    def render(self, report, interview, user):
        # wkhtmltopdf without patched Qt warns that it ignores the header.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = self.env["ir.actions.report"].with_user(user).with_context(
                force_report_rendering=True,
            )._render_qweb_pdf(report, interview.ids)
        self.assertEqual(kind, "pdf")
        return pdf_text(pdf)

    def signature_date(self, value):
        """The date of a signature as the Danish employee reads it: their
        time zone, Danish date format."""
        local = fields.Datetime.context_timestamp(self.env.user.with_context(tz="Europe/Copenhagen"), value)
        return format_date(self.env, local.date(), lang_code="da_DK")

    def test_plan_pdf_like_the_paper_form(self):
        interview = self.signed_interview()
        plan = interview.sudo().plan_id
        for user in (self.user_employee, self.user_leader):
            text = self.render(PLAN_REPORT, interview, user)
            self.assertIn("Personlig udviklingsplan", text)
            self.assertIn("Hvad vil du gerne opnå?", text)
            self.assertIn("Lære at facilitere workshops", text)
            self.assertIn("Blive bedre til mundtlig formidling", text)
            self.assertIn("Kursus i facilitering", text)
            self.assertIn("Erik Medarbejder", text)
            self.assertIn("Lene Leder", text)
            self.assertIn("4.500,00", text, "the budget, formatted in Danish")
            for signed_on in (plan.employee_signed_on, plan.leader_signed_on):
                self.assertIn(self.signature_date(signed_on), text)
            self.assertNotIn("Not signed yet", text)
            self.assertNotIn("Ikke underskrevet", text)

    def test_plan_pdf_without_budget_has_no_budget_column(self):
        interview = self.signed_interview(budget=0)
        text = self.render(PLAN_REPORT, interview, self.user_employee)
        self.assertNotIn("Budget", text)

    def test_plan_pdf_in_english_for_an_english_employee(self):
        self.employee.work_contact_id.lang = "en_US"
        interview = self.signed_interview()
        text = self.render(PLAN_REPORT, interview, self.user_leader)
        self.assertIn("Personal development plan", text)
        self.assertIn("What do you want to achieve?", text)

    def test_summary_pdf(self):
        interview = self.create_interview()
        self.walk_to(interview, "preparation")
        answers = interview.sudo().answer_ids
        self.as_employee(interview).answer_ids[:1].employee_note = "Min private forberedelse"
        self.as_leader(interview).answer_ids[:1].leader_note = "Lederens private note"
        self.walk_to(interview, "interview")
        self.as_leader(interview).answer_ids[:1].agreed_note = "Vi aftalte mere ansvar"
        self.as_leader(interview).summary = "<p>En god samtale om trivsel</p>"
        self.walk_to(interview, "signing")
        text = self.render(SUMMARY_REPORT, interview, self.user_employee)
        self.assertIn(answers[:1].theme_id.with_context(lang="da_DK").name, text)
        self.assertIn("Vi aftalte mere ansvar", text)
        self.assertIn("En god samtale om trivsel", text)
        self.assertIn("Lære at facilitere workshops", text)
        self.assertNotIn("Lederens private note", text)
        self.assertNotIn("Min private forberedelse", text)

    def test_only_parties_print(self):
        interview = self.signed_interview()
        for user in (self.user_hr_officer, self.user_hr_manager):
            # HR reads the status of the MUS, not its content: no PDF.
            with self.assertRaises(AccessError):
                self.render(PLAN_REPORT, interview, user)
            with self.assertRaises(AccessError):
                self.render(SUMMARY_REPORT, interview, user)
            with self.assertRaises(AccessError):
                interview.with_user(user).action_print_plan()
        with self.assertRaises(AccessError):
            self.render(PLAN_REPORT, interview, self.user_colleague)
        action = self.as_employee(interview).action_print_plan()
        self.assertEqual(action["report_name"], "mus_odoo.report_mus_development_plan")
        action = self.as_leader(interview).action_print_summary()
        self.assertEqual(action["report_name"], "mus_odoo.report_mus_interview_summary")

    def test_reports_are_not_in_the_print_menu(self):
        for xmlid in (PLAN_REPORT, SUMMARY_REPORT):
            self.assertFalse(self.env.ref(xmlid).binding_model_id)

    # The signed plan goes to the employee ----------------------------------
    def assert_plan_mailed(self, interview):
        attachment = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", "mus.interview"), ("res_id", "=", interview.id),
            ("mimetype", "=", "application/pdf"),
        ])
        self.assertEqual(len(attachment), 1)
        self.assertIn("Udviklingsplan 2026", attachment.name)
        mail = self.env["mail.mail"].sudo().search([
            ("model", "=", "mus.interview"), ("res_id", "=", interview.id),
            ("attachment_ids", "in", attachment.ids),
        ])
        self.assertEqual(len(mail), 1)
        self.assertRecordValues(mail, [{"state": "outgoing", "subject": "Din udviklingsplan 2026"}])
        self.assertEqual(mail.recipient_ids, self.employee.work_contact_id)
        self.assertIn("Erik Medarbejder", mail.body_html)
        return attachment

    def test_second_signature_by_the_employee_mails_the_plan(self):
        interview = self.create_interview()
        self.walk_to(interview, "signing")
        self.as_leader(interview).action_sign(signature=SIGNATURE)
        self.assertFalse(self.env["mail.mail"].sudo().search([
            ("model", "=", "mus.interview"), ("res_id", "=", interview.id), ("attachment_ids", "!=", False),
        ]), "nothing is sent before both have signed")
        self.as_employee(interview).action_sign(signature=SIGNATURE)
        self.assert_plan_mailed(interview)

    def test_second_signature_by_the_leader_mails_the_plan(self):
        interview = self.create_interview()
        self.walk_to(interview, "signing")
        self.as_employee(interview).action_sign(signature=SIGNATURE)
        self.as_leader(interview).action_sign(signature=SIGNATURE)
        attachment = self.assert_plan_mailed(interview)
        # The parties open the copy on the interview; HR, who reads the
        # status of the MUS, does not, nor does a colleague.
        for user in (self.user_employee, self.user_leader):
            self.assertTrue(attachment.with_user(user).datas)
        for user in (self.user_hr_officer, self.user_hr_manager, self.user_colleague):
            with self.assertRaises(AccessError):
                attachment.with_user(user).read(["datas"])
            self.assertFalse(self.env["ir.attachment"].with_user(user).search([("id", "=", attachment.id)]))
            with self.assertRaises(AccessError):
                self.env["ir.attachment"].with_user(user).create({
                    "name": "x.txt", "raw": b"x", "res_model": "mus.interview", "res_id": interview.id,
                })

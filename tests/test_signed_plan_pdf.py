import base64
import json
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL, mute_logger

from .common import MusWorkflowCase, load_migration

# AccessError (a MUS's files are its parties') or UserError (the signed PDF).
REFUSED = UserError


@tagged("post_install", "-at_install", "access_rights")
class TestMusSignedPlanPdf(MusWorkflowCase, HttpCase):
    """The signed plan's PDF on the MUS is the employee's copy of what both
    signed (it is also in the mail queued to them): nobody but the superuser
    deletes or replaces it, neither its parties nor an Odoo administrator,
    by the ORM, the chatter's delete button or an emptied message. The
    parties' other files are theirs as before."""

    def setUp(self):
        super().setUp()
        self.interview = self.walk_to(self.create_interview(), "follow_up")
        self.pdf = self.interview.sudo().plan_id.signed_pdf_id
        self.message = self.env["mail.message"].search([
            ("model", "=", "mus.interview"), ("res_id", "=", self.interview.id),
            ("attachment_ids", "in", self.pdf.ids), ("subtype_id", "=", self.env.ref("mail.mt_note").id),
        ])
        self.raw = self.pdf.raw

    def assertPdfIntact(self):
        self.pdf.invalidate_recordset()
        self.assertTrue(self.pdf.exists())
        self.assertRecordValues(self.pdf, [{
            "res_model": "mus.interview", "res_id": self.interview.id, "mimetype": "application/pdf",
        }])
        self.assertEqual(self.pdf.raw, self.raw)
        self.assertIn(self.pdf, self.message.attachment_ids)
        mail = self.env["mail.mail"].search([("attachment_ids", "in", self.pdf.ids)])
        self.assertTrue(mail, "the queued mail to the employee still has its copy")

    def test_pdf_is_the_plan_sent(self):
        self.assertTrue(self.pdf)
        self.assertTrue(self.raw)  # HTML in tests: Odoo renders no PDF there
        self.assertTrue(self.message)
        self.assertPdfIntact()

    def test_nobody_but_superuser_deletes_or_replaces_it(self):
        other = self.create_interview(employee=self.colleague)
        admin = self.env.ref("base.user_admin")
        for user in (self.user_employee, self.user_leader, self.user_hr_officer, self.user_hr_manager,
                     self.user_colleague, admin):
            pdf = self.pdf.with_user(user)
            for name, attempt in {
                "unlink": pdf.unlink,
                "datas": lambda pdf=pdf: pdf.write({"datas": base64.b64encode(b"%PDF-1.4 forged")}),
                "raw": lambda pdf=pdf: pdf.write({"raw": b"%PDF-1.4 forged"}),
                "name": lambda pdf=pdf: pdf.write({"name": "Ingen plan.pdf"}),
                "res_id": lambda pdf=pdf: pdf.write({"res_id": other.id}),
                "res_model": lambda pdf=pdf: pdf.write({"res_model": "res.partner"}),
            }.items():
                with self.subTest(user=user.login, attempt=name), self.assertRaises(REFUSED):
                    attempt()
        self.assertPdfIntact()
        self.pdf.sudo().write({"name": "Omdøbt af systemet.pdf"})
        self.pdf.sudo().unlink()
        self.assertFalse(self.pdf.exists())

    def test_parties_are_told_why(self):
        for user in (self.user_employee, self.user_leader):
            with self.subTest(user=user.login), self.assertUserError("signed development plan", "cannot be deleted"):
                self.pdf.with_user(user).unlink()

    def test_chatter_delete_refused(self):
        """The chatter's delete button and an emptied message, as the
        employee over HTTP; Odoo's path for portal users deletes in sudo."""
        self.authenticate(self.user_employee.login, self.user_employee.login)
        for route, params in (
            ("/mail/attachment/delete", {"attachment_id": self.pdf.id}),
            ("/mail/message/update_content", {"message_id": self.message.id, "body": "", "attachment_ids": []}),
        ):
            with self.subTest(route=route), mute_logger("odoo.http"):
                response = self.url_open(route, data=json.dumps({
                    "jsonrpc": "2.0", "method": "call", "id": 1, "params": params,
                }), headers={"Content-Type": "application/json"})
                error = response.json().get("error")
                self.assertTrue(error, response.text)
                if route == "/mail/attachment/delete":
                    self.assertIn("cannot be deleted", error["data"]["message"])
        self.assertPdfIntact()
        with self.assertUserError("cannot be deleted"):
            self.pdf.with_user(self.user_employee).sudo()._delete_and_notify(self.message)
        self.assertPdfIntact()

    def test_chatter_offers_no_delete_button(self):
        """The chatter's data marks the signed PDF sealed (the web client then
        shows no delete button on it); the parties' other files are not."""
        own = self.env["ir.attachment"].with_user(self.user_employee).create({
            "name": "Kursusbevis.pdf", "raw": b"%PDF-1.4 mine", "res_model": "mus.interview",
            "res_id": self.interview.id,
        })
        self.authenticate(self.user_employee.login, self.user_employee.login)
        response = self.url_open("/mail/thread/data", data=json.dumps({
            "jsonrpc": "2.0", "method": "call", "id": 1, "params": {
                "thread_model": "mus.interview", "thread_id": self.interview.id, "request_list": ["attachments"],
            },
        }), headers={"Content-Type": "application/json"})
        attachments = {row["id"]: row for row in response.json()["result"]["ir.attachment"]}
        self.assertIs(attachments[self.pdf.id].get("mus_sealed"), True)
        self.assertNotIn("mus_sealed", attachments[own.id])

    def test_other_files_stay_the_parties(self):
        own = self.env["ir.attachment"].with_user(self.user_employee).create({
            "name": "Kursusbevis.pdf", "raw": b"%PDF-1.4 mine", "res_model": "mus.interview",
            "res_id": self.interview.id,
        })
        own.write({"name": "Kursusbevis 2.pdf"})
        own.unlink()
        self.assertFalse(own.exists())

    def test_files_of_other_records_cost_no_query(self):
        partner = self.env["res.partner"].create({"name": "Ikke en MUS"})
        attachment = self.env["ir.attachment"].create({
            "name": "Andet.pdf", "raw": b"x", "res_model": "res.partner", "res_id": partner.id,
        }).with_user(self.user_employee)
        attachment.mapped("res_model")
        with self.assertQueryCount(0):
            self.assertFalse(attachment._mus_sealed())
            attachment._mus_check_not_sealed()

    def test_migration_records_pdf_of_plans_signed_before(self):
        """18.0.1.3.0 finds the PDF of a plan signed before the plan recorded it."""
        plan = self.interview.sudo().plan_id
        plan.signed_pdf_id = False
        # The parties' own PDFs, one uploaded before the talk, one after signing.
        before, after = self.env["ir.attachment"].create([{
            "name": name, "raw": b"%PDF-1.4 own", "mimetype": "application/pdf",
            "res_model": "mus.interview", "res_id": self.interview.id,
        } for name in ("Før.pdf", "Efter.pdf")])
        self.env.flush_all()
        for attachment, days in ((before, -30), (after, 30)):
            self.env.cr.execute(SQL(
                "UPDATE ir_attachment SET create_date = %s WHERE id = %s",
                plan.signed_on + timedelta(days=days), attachment.id,
            ))
        self.env.invalidate_all()
        load_migration("18.0.1.3.0", "post-signed_plan_pdf").migrate(self.env.cr, "18.0.1.2.0")
        plan.invalidate_recordset()
        self.assertEqual(plan.signed_pdf_id, self.pdf)
        with self.assertUserError("cannot be deleted"):
            self.pdf.with_user(self.user_employee).unlink()

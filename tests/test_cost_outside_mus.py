from unittest.mock import patch

from odoo.tests import tagged

from .common import MusCommon


@tagged("post_install", "-at_install")
class TestRecordsOnNoMusCostNothing(MusCommon):
    """The addon's overrides of Odoo's messages and files do no work for
    records that lie on no MUS, nor for the superuser (Odoo's own sudo()
    mailing): HR's exception on a MUS's messages (what HR wrote there),
    which reads the user's partner, is not even asked. Odoo's test_mail
    and test_mail_full performance classes, with their own budgets, run on
    a database with the addon (scripts/test_odoo_suites.sh)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create({"name": "Leverandør A/S"})
        cls.messages = cls.env["mail.message"].browse([
            cls.contact.message_post(body=f"besked {index}", message_type="comment").id for index in range(3)
        ])

    def refuse_hr_exception(self):
        return patch.object(
            type(self.env["mail.message"]), "_mus_readable_also",
            side_effect=AssertionError("HR's exception asked for messages on no MUS"),
        )

    def test_access_check_of_messages_on_no_mus_asks_nothing_of_hr(self):
        messages = self.messages.with_user(self.user_hr_officer)
        messages.mapped("model")  # as a list of messages has them in hand
        with self.refuse_hr_exception():
            self.assertFalse(messages._get_forbidden_access("read"))
            self.assertEqual(messages.read(["body"])[0]["id"], messages[0].id)

    def test_superuser_search_of_messages_asks_nothing_of_hr(self):
        with self.refuse_hr_exception():
            found = self.env["mail.message"].with_user(self.user_hr_officer).sudo().search([
                ("id", "in", self.messages.ids),
            ])
        self.assertEqual(found, self.messages)

    def test_renaming_a_file_on_no_mus_looks_up_no_signed_plan(self):
        attachment = self.env["ir.attachment"].with_user(self.user_hr_officer).create({
            "name": "faktura.txt", "raw": b"x",
        })
        attachment.mapped("res_model")
        plans = type(self.env["mus.development.plan"])
        with patch.object(plans, "search_fetch", side_effect=AssertionError("signed plans looked up")):
            attachment.check("read")
            attachment.write({"name": "faktura-2.txt"})
        self.assertEqual(attachment.name, "faktura-2.txt")

from odoo.tests import tagged

from .common import MusCommon


@tagged("post_install", "-at_install")
class TestSearchPagesStayFull(MusCommon):
    """What lies on a MUS one is no party of is left out inside the search's
    own query, before its limit: a page of files, to-dos or messages comes
    back full while later rows exist (a short page tells the web client it
    reached the last one). HR reads the MUS (its status) and the contacts,
    so Odoo's own checks let all of them through: only the MUS filter
    removes the MUS's rows."""

    PAGE = 3

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.env["mus.interview"].with_user(cls.user_leader).create({
            "employee_id": cls.employee.id, "template_id": cls.template.id, "year": 2026,
        }).sudo()
        cls.contact = cls.env["res.partner"].create({"name": "Leverandør A/S"})
        cls.hr = cls.user_hr_officer

    def assertPagesFull(self, Model, domain, on_mus, elsewhere):
        """The first page holds PAGE records of ``elsewhere``, although the
        rows of ``on_mus`` come first in the order; so does the next one."""
        found = Model.with_user(self.hr).search(domain, limit=self.PAGE, order="id")
        self.assertEqual(found.ids, elsewhere[:self.PAGE].ids)
        page_2 = Model.with_user(self.hr).search(domain, offset=self.PAGE, limit=self.PAGE, order="id")
        self.assertEqual(page_2.ids, elsewhere[self.PAGE:2 * self.PAGE].ids)
        self.assertEqual(Model.with_user(self.hr).search_count(domain), len(elsewhere))
        # Without the filter, the MUS's rows would fill the first page.
        self.assertEqual(Model.sudo().search(domain, limit=self.PAGE, order="id").ids, on_mus[:self.PAGE].ids)

    def test_a_page_of_files_is_full_when_files_of_a_mus_come_first(self):
        Attachment = self.env["ir.attachment"]
        on_mus = Attachment.create([
            {"name": f"side-{index}.txt", "raw": b"x", "res_model": "mus.interview", "res_id": self.interview.id}
            for index in range(self.PAGE)
        ])
        elsewhere = Attachment.create([
            {"name": f"side-{index}.txt", "raw": b"x", "res_model": "res.partner", "res_id": self.contact.id}
            for index in range(2 * self.PAGE)
        ])
        self.assertPagesFull(Attachment, [("name", "=like", "side-%")], on_mus, elsewhere)

    def test_a_page_of_todos_is_full_when_todos_of_a_mus_come_first(self):
        Activity = self.env["mail.activity"]

        def todos(record, count, user):
            return Activity.browse([
                record.activity_schedule("mail.mail_activity_data_todo", summary=f"side-{index}", user_id=user.id).id
                for index in range(count)
            ])

        # The leader's to-dos on the MUS; HR's own on the contact (Odoo lets
        # only the assignee, or who may write the contact, read those).
        on_mus = todos(self.interview, self.PAGE, self.user_leader)
        elsewhere = todos(self.contact, 2 * self.PAGE, self.hr)
        self.assertPagesFull(Activity, [("summary", "=like", "side-%")], on_mus, elsewhere)

    def test_a_page_of_messages_is_full_when_messages_of_a_mus_come_first(self):
        Message = self.env["mail.message"]
        on_mus = Message.browse([
            self.interview.message_post(body=f"side-{index}", message_type="comment").id
            for index in range(self.PAGE)
        ])
        elsewhere = Message.browse([
            self.contact.message_post(body=f"side-{index}", message_type="comment").id
            for index in range(2 * self.PAGE)
        ])
        self.assertPagesFull(Message, [("body", "=like", "%side-%")], on_mus, elsewhere)

from datetime import timedelta

from odoo import fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged

EMPLOYEE_NOTE = "Jeg vil gerne have mere ansvar for kunderne."
LEADER_NOTES = ["Emma er klar til egne kunder.", "Tal om kursus i forhandling."]
AGREED_NOTES = ["Emma overtager to kunder i foråret.", "Kursus i forhandling inden sommer."]


@tagged("post_install", "-at_install", "ui")
class TestMusAnswerSheetTour(HttpCase):
    """The interview screen in the browser, in Danish
    (static/tests/tours/mus_answer_sheet_tour.js): the leader writes her
    preparation and then the agreed notes in place, question after question
    with the keyboard, and saves once; the employee reads her own texts and
    the agreed notes but not the leader's. After each tour the stored texts
    are checked.

    No demo data is used; the workflow steps between the tours are the
    parties' own actions, called as them.
    """

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.user_leader = mail_new_test_user(
            self.env, login="mus_sheet_leader", password="mus_sheet_leader",
            name="Lea Arkleder", groups="base.group_user", tz="Europe/Copenhagen", lang="da_DK",
        )
        self.user_employee = mail_new_test_user(
            self.env, login="mus_sheet_employee", password="mus_sheet_employee",
            name="Emma Arkmedarbejder", groups="base.group_user", tz="Europe/Copenhagen", lang="da_DK",
        )
        Employee = self.env["hr.employee"]
        leader = Employee.create({"name": "Lea Arkleder", "user_id": self.user_leader.id})
        employee = Employee.create({
            "name": "Emma Arkmedarbejder", "user_id": self.user_employee.id, "parent_id": leader.id,
        })
        date = fields.Datetime.now().replace(second=0, microsecond=0) + timedelta(days=7)
        self.as_leader = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": employee.id,
            "template_id": self.env.ref("mus_odoo.template_mus_interview").id,
            "year": date.year,
            "scheduled_date": date,
        })
        self.as_employee = self.as_leader.with_user(self.user_employee)
        self.as_leader.action_invite()
        self.as_employee.action_accept()
        self.as_employee.answer_ids[0].employee_note = EMPLOYEE_NOTE
        self.as_employee.action_submit_preparation()

    def stored(self, field_name):
        answers = self.as_leader.sudo().answer_ids
        answers.invalidate_recordset()
        return answers.mapped(field_name)

    def test_leader_writes_in_place_and_employee_cannot_read_her_preparation(self):
        self.assertEqual(self.as_leader.state, "preparation")
        self.assertGreaterEqual(len(self.as_leader.answer_ids), 3, "the template gives several questions")

        # The leader prepares: two questions, Tab and Ctrl+Enter, one save.
        self.start_tour("/odoo", "mus_answer_sheet_leader_prepare", login="mus_sheet_leader")
        leader_notes = self.stored("leader_note")
        self.assertEqual(leader_notes[:2], LEADER_NOTES)
        self.assertFalse(any(leader_notes[2:]), "the question moved to was not written")
        self.assertEqual(self.stored("employee_note")[0], EMPLOYEE_NOTE, "the employee's text is untouched")

        # She submits and holds the interview; she notes what is agreed.
        self.as_leader.action_submit_preparation()
        self.as_leader.action_start_interview()
        self.assertEqual(self.as_leader.state, "interview")
        self.start_tour("/odoo", "mus_answer_sheet_leader_interview", login="mus_sheet_leader")
        agreed_notes = self.stored("agreed_note")
        self.assertEqual(agreed_notes[:2], AGREED_NOTES)
        self.assertFalse(any(agreed_notes[2:]))
        self.assertEqual(self.stored("leader_note")[:2], LEADER_NOTES, "her preparation is untouched")

        # The employee reads her text and the agreed notes, not the leader's.
        self.start_tour("/odoo", "mus_answer_sheet_employee", login="mus_sheet_employee")
        self.assertEqual(self.stored("agreed_note")[:2], AGREED_NOTES, "reading changes nothing")

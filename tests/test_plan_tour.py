from datetime import timedelta

from odoo import Command, fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged

from .common import SIGNATURE


@tagged("post_install", "-at_install", "ui")
class TestMusPlanTour(HttpCase):
    """The Danish leader edits the plan in the MUS form and saves
    (static/tests/tours/mus_plan_tour.js); after the employee's signature
    only, edits again and sees it cleared; in follow-up records status and
    progress. Checked server-side after each tour. No demo data is used."""

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.user_leader = mail_new_test_user(
            self.env, login="mus_plan_leader", password="mus_plan_leader",
            name="Lene Planleder", groups="base.group_user", tz="Europe/Copenhagen", lang="da_DK",
        )
        self.user_employee = mail_new_test_user(
            self.env, login="mus_plan_employee", password="mus_plan_employee",
            name="Anna Planmedarbejder", groups="base.group_user", tz="Europe/Copenhagen", lang="da_DK",
        )
        Employee = self.env["hr.employee"]
        leader = Employee.create({"name": "Lene Planleder", "user_id": self.user_leader.id})
        employee = Employee.create({
            "name": "Anna Planmedarbejder", "user_id": self.user_employee.id, "parent_id": leader.id,
        })
        date = fields.Datetime.now().replace(second=0, microsecond=0) + timedelta(days=7)
        interview = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": employee.id,
            "template_id": self.env.ref("mus_odoo.template_mus_interview").id,
            "year": date.year,
            "scheduled_date": date,
        })
        as_leader = interview.with_user(self.user_leader)
        as_leader.action_invite()
        interview.with_user(self.user_employee).action_accept()
        as_leader.action_start_interview()
        as_leader.plan_id.write({"goal_ids": [Command.create({
            "name": "Lære at facilitere workshops",
            "actions": "Kursus i facilitering",
            "deadline": fields.Date.today() + timedelta(days=180),
            "responsible_id": employee.id,
        })]})
        as_leader.action_request_signatures()
        self.interview = interview.sudo()
        self.plan = self.interview.plan_id

    def test_leader_edits_the_plan_in_the_mus_form(self):
        url = f"/odoo/mus.interview/{self.interview.id}"
        self.start_tour(url, "mus_plan_tour_leader_edit", login="mus_plan_leader")
        self.plan.invalidate_recordset()
        self.assertEqual(self.plan.goal_ids.name, "Lære at lede workshops")
        self.assertEqual(self.interview.state, "signing")

        self.interview.with_user(self.user_employee).action_sign(signature=SIGNATURE)
        self.assertEqual(self.plan.employee_signed_by, self.user_employee)
        self.start_tour(url, "mus_plan_tour_leader_edit_signed", login="mus_plan_leader")
        self.plan.invalidate_recordset()
        self.assertEqual(self.plan.goal_ids.name, "Lære at lede store workshops")
        self.assertRecordValues(self.plan, [{
            "employee_signed_by": False, "employee_signed_on": False, "is_signed": False,
        }])
        self.assertFalse(self.plan.employee_signature)
        self.assertEqual(self.interview.state, "signing")
        note = self.interview.message_ids.filtered(lambda m: self.user_employee.name in (m.body or "")
                                                   and self.user_leader.name in (m.body or ""))
        self.assertTrue(note, "the chatter says who changed the plan and whose signature was cleared")

    def test_leader_records_progress_in_the_mus_form(self):
        self.interview.with_user(self.user_employee).action_sign(signature=SIGNATURE)
        self.interview.with_user(self.user_leader).action_sign(signature=SIGNATURE)
        self.assertEqual(self.interview.state, "follow_up")
        seal = self.plan.signed_hash
        self.start_tour(
            f"/odoo/mus.interview/{self.interview.id}", "mus_plan_tour_leader_follow_up", login="mus_plan_leader",
        )
        self.plan.invalidate_recordset()
        self.assertRecordValues(self.plan.goal_ids, [{
            "name": "Lære at facilitere workshops", "status": "in_progress", "progress": 40,
        }])
        self.assertRecordValues(self.plan, [{"is_signed": True, "signed_hash": seal}])

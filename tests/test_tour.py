from datetime import timedelta

from odoo import fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged

from .common import EMPLOYEE_NOTE, LEADER_NOTE


@tagged("post_install", "-at_install", "ui")
class TestMusTour(HttpCase):
    """The main MUS journey in the browser, one tour per party and step
    (static/tests/tours/mus_tour.js): the leader invites; the employee accepts
    and prepares; the leader prepares, holds the interview, writes the plan
    and signs; the employee signs. After each tour the interview is checked.

    The browser runs in real time (nothing is frozen there), so the interview
    is scheduled a week ahead. No demo data is used.
    """

    def setUp(self):
        super().setUp()
        self.env.company.mus_follow_up_months = "1,2,3"
        self.user_leader = mail_new_test_user(
            self.env, login="mus_tour_leader", password="mus_tour_leader",
            name="Lis Tourleder", groups="base.group_user", tz="Europe/Copenhagen", lang="en_US",
        )
        self.user_employee = mail_new_test_user(
            self.env, login="mus_tour_employee", password="mus_tour_employee",
            name="Emil Tourmedarbejder", groups="base.group_user", tz="Europe/Copenhagen", lang="en_US",
        )
        Employee = self.env["hr.employee"]
        self.leader = Employee.create({"name": "Lis Tourleder", "user_id": self.user_leader.id})
        self.employee = Employee.create({
            "name": "Emil Tourmedarbejder", "user_id": self.user_employee.id, "parent_id": self.leader.id,
        })
        date = fields.Datetime.now().replace(second=0, microsecond=0) + timedelta(days=7)
        self.interview = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": self.employee.id,
            "template_id": self.env.ref("mus_odoo.template_mus_interview").id,
            "year": date.year,
            "scheduled_date": date,
            "location": "Mødelokale 2",
        }).sudo()

    def test_mus_journey(self):
        interview = self.interview
        self.assertEqual(interview.state, "draft")
        first_answer = interview.answer_ids[:1]
        self.assertTrue(first_answer, "The template gives the interview its questions.")

        # 1. The leader invites.
        self.start_tour("/odoo", "mus_tour_leader_invite", login="mus_tour_leader")
        interview.invalidate_recordset()
        self.assertEqual(interview.state, "invited")
        self.assertTrue(interview.calendar_event_id)

        # 2. The employee accepts the time and prepares.
        self.start_tour("/odoo", "mus_tour_employee_prepare", login="mus_tour_employee")
        interview.invalidate_recordset()
        first_answer.invalidate_recordset()
        self.assertEqual(interview.state, "preparation")
        self.assertTrue(interview.accepted_on)
        self.assertTrue(interview.employee_prepared_on)
        self.assertFalse(interview.leader_prepared_on)
        self.assertEqual(first_answer.employee_note, EMPLOYEE_NOTE)

        # 3. The leader prepares, holds the interview, writes the plan and signs.
        self.start_tour("/odoo", "mus_tour_leader_hold", login="mus_tour_leader")
        interview.invalidate_recordset()
        first_answer.invalidate_recordset()
        plan = interview.plan_id
        plan.invalidate_recordset()
        self.assertEqual(first_answer.leader_note, LEADER_NOTE)
        self.assertTrue(interview.leader_prepared_on)
        self.assertTrue(interview.held_on)
        self.assertEqual(interview.state, "signing")
        self.assertRecordValues(plan.goal_ids, [{
            "name": "Lære at facilitere workshops",
            "actions": "Kursus i facilitering; to workshops i teamet",
            "supporters": "Kollega med erfaring",
            "deadline": fields.Date.to_date("2027-06-30"),
            "responsible_id": self.employee.id,
            "is_complete": True,
        }])
        self.assertRecordValues(plan, [{
            "leader_signed_by": self.user_leader.id,
            "employee_signed_by": False,
            "is_signed": False,
        }])
        self.assertTrue(plan.leader_signature)
        self.assertTrue(plan.leader_signed_on)

        # 4. The employee signs: follow-up starts.
        self.start_tour("/odoo", "mus_tour_employee_sign", login="mus_tour_employee")
        interview.invalidate_recordset()
        plan.invalidate_recordset()
        self.assertEqual(interview.state, "follow_up")
        self.assertRecordValues(plan, [{
            "leader_signed_by": self.user_leader.id,
            "employee_signed_by": self.user_employee.id,
            "is_signed": True,
        }])
        self.assertTrue(plan.employee_signature)
        self.assertTrue(plan.leader_signature)
        self.assertEqual(len(interview.follow_up_ids), 3)

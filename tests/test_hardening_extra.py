from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "access_rights")
class TestMusHardeningExtra(MusWorkflowCase):
    """The fields that decide who is a party and which plan is shown are
    never written by users; the MUS meeting stays private and attached."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_other_employee = mail_new_test_user(
            cls.env, login="mus_other_employee", name="Olga Medarbejder", groups="base.group_user",
        )
        cls.other_employee = cls.env["hr.employee"].create({
            "name": "Olga Medarbejder", "parent_id": cls.other_leader.id, "user_id": cls.user_other_employee.id,
        })

    def test_party_and_plan_fields_not_writable(self):
        """``plan_id``, ``employee_user_id`` and ``leader_user_id`` follow the
        plan, the employee and the leader: writing them would show another
        employee's plan, or make anybody a party."""
        other = self.create_interview(employee=self.other_employee, user=self.user_other_leader)
        self.walk_to(other, "interview")
        self.add_goal(other, name="Hemmeligt mål")
        interview = self.create_interview()
        own_plan = interview.plan_id
        for user in (self.user_employee, self.user_leader):
            for field_name, value in (
                ("plan_id", other.sudo().plan_id.id),
                ("leader_user_id", self.user_colleague.id),
                ("leader_user_id", self.user_employee.id),
                ("employee_user_id", self.user_colleague.id),
            ):
                with self.subTest(user=user.login, field=field_name, value=value), self.assertRaises(AccessError):
                    interview.with_user(user).write({field_name: value})
        interview.invalidate_recordset()
        self.assertRecordValues(interview.sudo(), [{
            "plan_id": own_plan.id, "leader_user_id": self.user_leader.id, "employee_user_id": self.user_employee.id,
        }])
        self.assertNotIn("Hemmeligt mål", self.as_employee(interview).goal_ids.mapped("name"))
        with self.assertRaises(AccessError):
            interview.with_user(self.user_colleague).read(["name"])

    def test_leader_cannot_move_draft_to_another_team(self):
        interview = self.create_interview()
        with self.assertRaises(AccessError):
            self.as_leader(interview).write({"employee_id": self.other_employee.id, "leader_id": self.leader.id})
        interview.invalidate_recordset()
        self.assertRecordValues(interview.sudo(), [{"employee_id": self.employee.id, "leader_id": self.leader.id}])

    def test_create_respects_the_field_rules(self):
        """What only the employee writes (their feedback to the leader) is not
        written by the leader on creation either."""
        with self.assertRaises(AccessError):
            self.create_interview(employee_feedback="<p>Min leder er fantastisk</p>")
        with self.assertRaises(UserError):
            self.create_interview(summary="<p>Resumé før samtalen</p>")
        self.assertFalse(self.env["mus.interview"].sudo().search([("employee_id", "=", self.employee.id)]))

    def test_mus_meeting_stays_private_and_linked(self):
        interview = self.walk_to(self.create_interview(), "invited").sudo()
        event = interview.calendar_event_id
        for user in (self.user_leader, self.user_employee):
            for vals in ({"privacy": "public"}, {"res_id": 0}, {"active": False}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    event.with_user(user).write(vals)
            with self.subTest(user=user.login, unlink=True), self.assertRaises(UserError):
                event.with_user(user).unlink()
        event.invalidate_recordset()
        self.assertRecordValues(event, [{
            "privacy": "private", "active": True, "res_model": "mus.interview", "res_id": interview.id,
        }])
        self.assertEqual(interview.calendar_event_id, event)

    def test_outsider_learns_nothing_from_create(self):
        """A refused creation does not tell a colleague whether the employee
        already has a MUS this year."""
        self.create_interview()
        with self.assertRaises(AccessError):
            self.env["mus.interview"].with_user(self.user_colleague).create({
                "employee_id": self.employee.id, "template_id": self.template.id, "year": 2026,
            })

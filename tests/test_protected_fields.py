"""Fields no user writes, whatever their role: what only the workflow
writes, what decides who is a party and which plan is shown, and what is
computed or follows a related record."""
from datetime import datetime, timedelta

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MusWorkflowCase

NOW = datetime(2026, 11, 2, 10, 0)


@tagged("post_install", "-at_install", "access_rights")
class TestMusProtectedFields(MusWorkflowCase):
    """Workflow-owned, party, plan, computed and related fields: refused on
    write and on create, for every role, with or without the old
    ``mus_transition`` context."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_other_employee = mail_new_test_user(
            cls.env, login="mus_other_employee", name="Olga Medarbejder", groups="base.group_user",
        )
        cls.other_employee = cls.env["hr.employee"].create({
            "name": "Olga Medarbejder", "parent_id": cls.other_leader.id, "user_id": cls.user_other_employee.id,
        })

    def workflow_values(self, interview):
        """A value for each workflow-owned field that differs from ``interview``'s."""
        other = self.create_interview(year=2020, scheduled_date=False)
        event = self.env["calendar.event"].create({
            "name": "Et andet møde", "start": self.date, "stop": self.date + timedelta(hours=1),
        })
        return {
            "state": "done",
            "employee_prepared_on": NOW,
            "leader_prepared_on": NOW,
            "accepted_on": NOW,
            "held_on": NOW,
            "closed_on": NOW,
            "cancel_reason": "Ingen grund",
            "previous_interview_id": other.id,
            "calendar_event_id": event.id,
        }

    def interview_snapshot(self, interview, field_names):
        interview.invalidate_recordset()
        return interview.sudo().read(list(field_names))[0]

    def test_workflow_fields_not_writable(self):
        interview = self.create_interview()
        values = self.workflow_values(interview)
        before = self.interview_snapshot(interview, values)
        users = (self.user_employee, self.user_leader, self.user_hr_officer, self.user_hr_manager)
        for user in users:
            for context in ({}, {"mus_transition": True}):
                for field_name, value in values.items():
                    with self.subTest(user=user.login, context=context, field=field_name), \
                            self.assertRaises(AccessError):
                        interview.with_user(user).with_context(**context).write({field_name: value})
        self.assertEqual(self.interview_snapshot(interview, values), before)
        self.assertEqual(interview.state, "draft")

    def test_transition_context_does_not_unlock_workflow_fields(self):
        """``mus_transition`` in the context was a way round the workflow."""
        interview = self.walk_to(self.create_interview(), "preparation")
        for user in (self.user_employee, self.user_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).with_context(mus_transition=True).write({"state": "done"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).with_context(mus_transition=True).write({
                    "state": "follow_up", "held_on": NOW,
                })
        interview.invalidate_recordset()
        self.assertRecordValues(interview, [{"state": "preparation", "held_on": False, "closed_on": False}])

    def test_workflow_fields_not_creatable(self):
        values = self.workflow_values(self.env["mus.interview"])
        Interview = self.env["mus.interview"].sudo()
        for user in (self.user_leader, self.user_hr_officer):
            for context in ({}, {"mus_transition": True}):
                for field_name, value in values.items():
                    with self.subTest(user=user.login, context=context, field=field_name), \
                            self.assertRaises(AccessError):
                        self.env["mus.interview"].with_user(user).with_context(**context).create({
                            "employee_id": self.employee.id, "template_id": self.template.id,
                            "year": 2026, field_name: value,
                        })
        self.assertFalse(Interview.search([("employee_id", "=", self.employee.id), ("year", "=", 2026)]))

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

    def test_plan_computed_fields_not_writable(self):
        """Whether and when the plan was signed, and its parties, are
        computed: the employee, the leader and HR cannot forge them."""
        interview = self.walk_to(self.create_interview(), "follow_up")
        plan = interview.sudo().plan_id
        before = plan.read(["is_signed", "signed_on", "employee_id", "leader_id"])[0]
        for user in (self.user_employee, self.user_leader, self.user_hr_officer):
            for vals in (
                {"is_signed": False}, {"signed_on": datetime(2020, 1, 1)},
                {"employee_id": self.colleague.id}, {"leader_id": self.other_leader.id},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    plan.with_user(user).write(vals)
        plan.invalidate_recordset()
        self.assertEqual(plan.read(list(before))[0], before)

    def test_goal_completeness_not_writable(self):
        """Completeness is computed: marking an incomplete goal complete
        (to request signatures) is refused."""
        interview = self.walk_to(self.create_interview(), "interview")
        goal = self.add_goal(interview, actions=False, deadline=False)
        self.assertFalse(goal.is_complete)
        with self.assertRaises(AccessError):
            goal.with_user(self.user_employee).write({"is_complete": True})
        goal.invalidate_recordset()
        self.assertFalse(goal.is_complete)

    def test_answer_related_fields_not_writable(self):
        """An answer's theme and order come from its question: the employee
        cannot rewrite them, even on a closed MUS."""
        interview = self.walk_to(self.create_interview(), "done")
        answer = interview.sudo().answer_ids[0]
        before = answer.read(["theme_id", "question_sequence"])[0]
        other_theme = interview.sudo().answer_ids.theme_id - answer.theme_id
        for vals in ({"theme_id": other_theme[:1].id}, {"question_sequence": 999}):
            with self.assertRaises(AccessError):
                answer.with_user(self.user_employee).write(vals)
        answer.invalidate_recordset()
        self.assertEqual(answer.read(list(before))[0], before)

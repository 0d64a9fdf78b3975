"""Who creates a MUS for whom: a leader for their own team, HR for anyone
with one of the employee's managers as leader, nobody in a later state, and
a refused creation tells nothing."""
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "access_rights")
class TestMusCreation(MusWorkflowCase):
    """Creating a MUS, as each role, from code and from the form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_other_employee = mail_new_test_user(
            cls.env, login="mus_other_employee", name="Olga Medarbejder", groups="base.group_user",
        )
        cls.other_employee = cls.env["hr.employee"].create({
            "name": "Olga Medarbejder", "parent_id": cls.other_leader.id, "user_id": cls.user_other_employee.id,
        })

    def test_colleague_cannot_make_themself_leader(self):
        last = self.held_interview(2025, state="follow_up")
        goal = last.plan_id.goal_ids
        Interview = self.env["mus.interview"]
        vals = {"employee_id": self.employee.id, "template_id": self.template.id, "year": 2026}
        for user, leader in (
            (self.user_colleague, self.colleague),
            (self.user_colleague, None),
            (self.user_other_leader, self.other_leader),
            (self.user_leader, self.other_leader),
        ):
            create_vals = dict(vals, leader_id=leader.id) if leader else vals
            with self.subTest(user=user.login, leader=leader and leader.name), self.assertRaises(AccessError):
                Interview.with_user(user).create(create_vals)
        self.assertFalse(Interview.sudo().search([("employee_id", "=", self.employee.id), ("year", "=", 2026)]))
        # Nor did the attempt show the colleague last year's goals.
        self.assertFalse(self.env["mus.goal.review"].with_user(self.user_colleague).search([]))
        self.assertFalse(self.env["mus.development.goal"].with_user(self.user_colleague).search([]))
        with self.assertRaises(AccessError):
            goal.with_user(self.user_colleague).read(["name"])

    def test_leader_creates_for_own_team(self):
        interview = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": self.employee.id, "template_id": self.template.id, "year": 2026,
            "leader_id": self.leader.id,
        })
        self.assertRecordValues(interview, [{"state": "draft", "leader_id": self.leader.id}])
        other = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": self.colleague.id, "template_id": self.template.id, "year": 2026,
        })
        self.assertRecordValues(other, [{"state": "draft", "leader_id": self.leader.id}])

    def test_leader_creates_from_the_form(self):
        """What the web client sends on creation passes."""
        form = Form(self.env["mus.interview"].with_user(self.user_leader))
        form.employee_id = self.employee
        form.year = 2026
        form.scheduled_date = self.date
        form.location = "Mødelokale 3"
        interview = form.save()
        self.assertRecordValues(interview, [{
            "state": "draft", "employee_id": self.employee.id, "leader_id": self.leader.id,
            "location": "Mødelokale 3", "accepted_on": False, "closed_on": False,
        }])
        self.assertTrue(interview.calendar_event_id)

    def test_leader_cannot_create_done(self):
        for state in ("done", "follow_up", "cancelled"):
            with self.subTest(state=state), self.assertRaises(AccessError):
                self.create_interview(state=state)
        self.assertFalse(self.env["mus.interview"].sudo().search([("employee_id", "=", self.employee.id)]))

    def test_hr_officer_plans_anyone_with_one_of_their_managers(self):
        """HR plans anyone's MUS, held by one of the employee's managers:
        never by someone else, HR included (the leader reads what is said)."""
        loner = self.env["hr.employee"].create({
            "name": "Lone Uden Leder",
            "user_id": mail_new_test_user(self.env, login="mus_lone", groups="base.group_portal").id,
        })
        Interview = self.env["mus.interview"].with_user(self.user_hr_officer)
        vals = {"employee_id": self.employee.id, "template_id": self.template.id, "year": 2026}
        hr_employee = self.env["hr.employee"].create({"name": "Ole HR", "user_id": self.user_hr_officer.id})
        for leader in (self.other_leader, hr_employee):
            with self.subTest(leader=leader.name), self.assertRaises(AccessError):
                Interview.create(dict(vals, leader_id=leader.id))
        self.leader.parent_id = self.other_leader  # Ove leads Lene: a manager above Erik
        interview = Interview.create(dict(vals, leader_id=self.other_leader.id))
        self.assertRecordValues(interview, [{"state": "draft", "leader_id": self.other_leader.id}])
        with self.assertRaises(AccessError):
            Interview.create({"employee_id": loner.id, "template_id": self.template.id, "year": 2026,
                              "leader_id": self.leader.id})
        interview = Interview.create({"employee_id": loner.id, "template_id": self.template.id, "year": 2026})
        self.assertRecordValues(interview, [{"state": "draft", "leader_id": False}])

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

    def test_outsider_learns_nothing_from_create(self):
        """A refused creation does not tell a colleague whether the employee
        already has a MUS this year."""
        self.create_interview()
        with self.assertRaises(AccessError):
            self.env["mus.interview"].with_user(self.user_colleague).create({
                "employee_id": self.employee.id, "template_id": self.template.id, "year": 2026,
            })

import json
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "access_rights")
class TestMusOwnTodos(MusWorkflowCase, HttpCase):
    """A MUS to-do is its assignee's own: the other party, a colleague and an
    Odoo administrator neither mark it done nor change nor cancel it; HR
    officers and the superuser as on any record. To-dos of other records
    follow Odoo's rules."""

    def setUp(self):
        super().setUp()
        self.interview = self.walk_to(self.create_interview(scheduled_date=datetime.now() + timedelta(days=3)),
                                      "preparation")
        todos = self.interview.sudo().activity_ids
        self.employee_todo = todos.filtered(lambda a: a.user_id == self.user_employee)
        self.leader_todo = todos.filtered(lambda a: a.user_id == self.user_leader)
        self.assertEqual(len(self.employee_todo), 1)
        self.assertEqual(len(self.leader_todo), 1)

    def attempts(self, todo, user):
        """Every way to complete, change or cancel ``todo`` as ``user``."""
        todo = todo.with_user(user)
        return {
            "action_done": todo.action_done,
            "action_feedback": lambda: todo.action_feedback(feedback="Klaret"),
            "action_feedback_schedule_next": lambda: todo.action_feedback_schedule_next(feedback="Klaret"),
            "action_done_redirect_to_other": todo.action_done_redirect_to_other,
            "write": lambda: todo.write({"date_deadline": date(2027, 5, 1)}),
            "reassign": lambda: todo.write({"user_id": user.id}),
            "action_snooze": todo.action_snooze,
            "action_cancel": todo.action_cancel,
            "unlink": todo.unlink,
        }

    def assertRefused(self, todo, user, exception=AccessError):
        for name, attempt in self.attempts(todo, user).items():
            with self.subTest(user=user.login, attempt=name), self.assertRaises(exception):
                attempt()
        self.assertTrue(todo.sudo().exists())
        self.assertRecordValues(todo.sudo(), [{"date_deadline": todo.sudo().date_deadline, "active": True}])

    def test_employee_only_own_todos(self):
        self.assertRefused(self.leader_todo, self.user_employee)
        self.employee_todo.with_user(self.user_employee).write({"date_deadline": date(2027, 5, 1)})
        self.employee_todo.with_user(self.user_employee).action_feedback(feedback="Forberedt")
        self.assertFalse(self.employee_todo.exists())

    def test_leader_only_own_todos(self):
        self.assertRefused(self.employee_todo, self.user_leader)
        self.leader_todo.with_user(self.user_leader).action_done()
        self.assertFalse(self.leader_todo.exists())

    def test_outsiders_no_todos(self):
        for user in (self.user_colleague, self.user_other_leader):
            for todo in (self.employee_todo, self.leader_todo):
                # Refused, or not found: they do not read it either.
                self.assertRefused(todo, user, UserError)

    def test_hr_and_superuser_as_before(self):
        """HR officers (the Odoo administrator is a MUS manager) may still
        move or close a party's to-do, as before."""
        self.leader_todo.with_user(self.user_hr_officer).write({"date_deadline": date(2027, 5, 1)})
        self.assertEqual(self.leader_todo.date_deadline, date(2027, 5, 1))
        self.leader_todo.with_user(self.user_hr_officer).action_done()
        self.assertFalse(self.leader_todo.exists())
        self.employee_todo.with_user(self.env.ref("base.user_admin")).write({"date_deadline": date(2027, 5, 1)})
        self.assertEqual(self.employee_todo.date_deadline, date(2027, 5, 1))
        self.employee_todo.sudo().action_done()
        self.assertFalse(self.employee_todo.exists())

    def test_own_todo_assigned_by_the_other_party(self):
        """A to-do the leader gives the employee is the employee's."""
        todo = self.as_leader(self.interview).activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_employee.id, summary="Læs kursusbeskrivelsen",
        )
        self.assertRefused(todo, self.user_leader)
        todo.with_user(self.user_employee).action_done()
        self.assertFalse(todo.exists())

    def test_other_records_follow_odoo(self):
        partner = self.env["res.partner"].create({"name": "Ikke en MUS"})
        # Created by the employee for the leader: Odoo lets its creator change it.
        todo = self.env["mail.activity"].with_user(self.user_employee).sudo().create({
            "res_model_id": self.env["ir.model"]._get_id("res.partner"), "res_id": partner.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id, "user_id": self.user_leader.id,
        })
        todo.with_user(self.user_employee).write({"summary": "Odoo tillader det"})
        todo.with_user(self.user_employee).action_done()
        self.assertFalse(todo.exists())

    def test_employee_over_http(self):
        """The web client's calls (the chatter's Mark Done, the activity
        views, a forged call_kw) as the employee, with a session."""
        self.authenticate(self.user_employee.login, self.user_employee.login)
        for method, kwargs in (
            ("action_feedback", {"feedback": "Klaret"}), ("action_done", {}),
            ("action_feedback_schedule_next", {}), ("write", {"values": {"date_deadline": "2027-05-01"}}),
            ("action_cancel", {}), ("unlink", {}),
        ):
            with self.subTest(method=method), mute_logger("odoo.http"):
                response = self.url_open(f"/web/dataset/call_kw/mail.activity/{method}", data=json.dumps({
                    "jsonrpc": "2.0", "method": "call", "id": 1, "params": {
                        "model": "mail.activity", "method": method, "args": [self.leader_todo.ids],
                        "kwargs": kwargs,
                    },
                }), headers={"Content-Type": "application/json"})
                error = response.json().get("error")
                self.assertTrue(error)
                self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")
                self.assertIn("Lene Leder", error["data"]["message"])
        self.assertTrue(self.leader_todo.exists())
        self.assertEqual(self.activities(self.interview), {
            ("mus_odoo.mail_act_mus_prepare", self.user_employee),
            ("mus_odoo.mail_act_mus_prepare", self.user_leader),
        })

    def test_todos_of_other_records_cost_no_query(self):
        """The checks of done, write and unlink add no query for to-dos that
        are not on a MUS (their rows are in the cache once Odoo read them)."""
        partner = self.env["res.partner"].create({"name": "Ikke en MUS"})
        todo = partner.activity_schedule("mail.mail_activity_data_todo", user_id=self.user_leader.id)
        todo = todo.with_user(self.user_employee)
        todo.mapped("res_model")
        with self.assertQueryCount(0):
            self.assertFalse(todo._mus_others_todos(todo))
            self.assertFalse(todo._mus_open_checkpoints())

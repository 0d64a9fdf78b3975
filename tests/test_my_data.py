import json

from odoo.tests import HttpCase, tagged

from .common import MusWorkflowCase

MINE = "Q7XMYOWNNOTEZ9"
THEIRS = "Q7XCOLLEAGUENOTEZ9"
LEADERS = "Q7XLEADERPRIVATEZ9"


@tagged("post_install", "-at_install", "access_rights")
class TestMusMyData(HttpCase, MusWorkflowCase):
    """An employee downloads their own MUS data; nobody else's is in it."""

    def setUp(self):
        super().setUp()
        self.mine = self.walk_to(self.create_interview(), "preparation")
        answer = self.mine.sudo().answer_ids[0]
        answer.with_user(self.user_employee).employee_note = f"Min forberedelse {MINE}"
        answer.with_user(self.user_leader).leader_note = f"Lederens egen note {LEADERS}"
        self.as_employee(self.mine).action_submit_preparation()
        self.as_leader(self.mine).action_start_interview()
        answer.with_user(self.user_leader).agreed_note = f"Aftalt {MINE}"
        self.add_goal(self.mine, name=f"Mit mål {MINE}")
        theirs = self.walk_to(self.create_interview(employee=self.colleague), "preparation")
        theirs.sudo().answer_ids[0].with_user(self.user_colleague).employee_note = f"Kollegas note {THEIRS}"

    def test_employee_downloads_own_data(self):
        self.authenticate("mus_employee", "mus_employee")
        response = self.url_open("/mus/my_data")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn("mus_data.json", response.headers["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual([interview["name"] for interview in data["interviews"]], [self.mine.sudo().name])
        interview = data["interviews"][0]
        self.assertEqual(interview["state"], "Interview held")
        self.assertEqual(interview["leader"], "Lene Leder")
        self.assertEqual(interview["answers"][0]["my_preparation"], f"Min forberedelse {MINE}")
        self.assertEqual(interview["answers"][0]["agreed"], f"Aftalt {MINE}")
        self.assertEqual(interview["development_plan"]["goals"][0]["learning_goal"], f"Mit mål {MINE}")
        self.assertNotIn(THEIRS, response.text)
        self.assertNotIn(LEADERS, response.text)

    def test_leader_gets_only_their_own_mus(self):
        """A leader's file holds the MUS where they are the employee, not the
        ones they lead."""
        self.authenticate("mus_leader", "mus_leader")
        data = self.url_open("/mus/my_data").json()
        self.assertEqual(data["interviews"], [])

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open("/mus/my_data", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_menu_entry(self):
        action = self.env.ref("mus_odoo.mus_my_data_action")
        self.assertRecordValues(action, [{"url": "/mus/my_data", "target": "download"}])
        self.assertEqual(self.env.ref("mus_odoo.mus_my_data_menu").action, action)

"""The leaks an outside probe found (JSON-RPC and Odoo's own mail, discuss,
portal and calendar routes, as colleagues and HR), one regression test per
cause, each run over HTTP as the client would run it. The systematic attack
of every method and route is ``test_confidentiality_http.py``."""
import json
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import MusWorkflowCase, csrf_token

SECRET = "Hemmelig-besked-fra-Erik"


@tagged("post_install", "-at_install", "access_rights", "confidentiality")
class TestMusConfidentialityRoutes(MusWorkflowCase, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_outsider = mail_new_test_user(
            cls.env, login="mus_outsider", name="Otto Udefra", groups="base.group_portal",
        )
        # HR in Odoo HR too (it edits the organisation), with an employee record.
        cls.user_hr_officer.groups_id = [Command.link(cls.env.ref("hr.group_hr_user").id)]
        cls.hr_employee = cls.env["hr.employee"].create({"name": "Ole HR", "user_id": cls.user_hr_officer.id})

    def setUp(self):
        super().setUp()
        self.interview = self.walk_to(self.create_interview(scheduled_date=datetime.now() + timedelta(days=3)),
                                      "preparation")
        self.message = self.as_employee(self.interview).message_post(
            body=SECRET, message_type="comment", subtype_xmlid="mail.mt_comment",
        )

    # Helpers -------------------------------------------------------------
    def login(self, user):
        if user:
            self.authenticate(user.login, user.login)
        else:
            self.authenticate(None, None)

    def json(self, route, **params):
        """``route`` called as the web client calls it: the response body
        (result or error) as text, and the result."""
        response = self.url_open(route, data=json.dumps({
            "jsonrpc": "2.0", "method": "call", "id": 1, "params": params,
        }), headers={"Content-Type": "application/json"})
        body = response.json() if response.status_code == 200 else {}
        return response.text, body.get("result"), body.get("error")

    def call(self, model, method, *args, **kwargs):
        with mute_logger("odoo.http"):
            return self.json(f"/web/dataset/call_kw/{model}/{method}",
                             model=model, method=method, args=list(args), kwargs=kwargs)

    def token(self):
        return self.interview.sudo()._portal_ensure_token()

    # 1. The access token ---------------------------------------------------
    def test_portal_url_gives_no_token(self):
        """``get_portal_url`` over RPC gives nobody the token, not even the
        employee or the administrator; sharing a MUS gives no token either:
        the token is in the employee's invitation mail only."""
        token = self.token()
        for user in (self.user_employee, self.user_leader, self.user_hr_officer, self.user_colleague,
                     self.user_outsider, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login):
                self.login(user)
                text, _result, _error = self.call("mus.interview", "get_portal_url", [self.interview.id])
                self.assertNotIn(token, text)
                text, _result, _error = self.call(
                    "portal.share", "default_get", ["share_link"],
                    context={"active_model": "mus.interview", "active_id": self.interview.id},
                )
                self.assertNotIn(token, text)
        self.login(self.user_leader)
        _text, url, _error = self.call("mus.interview", "get_portal_url", [self.interview.id])
        self.assertEqual(url, f"/my/mus/{self.interview.id}")
        invitation = self.env["mail.mail"].sudo().search([
            ("model", "=", "mus.interview"), ("res_id", "=", self.interview.id), ("body_html", "like", token),
        ])
        self.assertEqual(invitation.recipient_ids, self.employee.work_contact_id,
                         "the token is in the employee's own invitation mail only")

    def test_colleague_cannot_use_the_portal_as_the_employee(self):
        """Without the token a colleague neither reads the portal page nor
        writes the employee's feedback there."""
        self.login(self.user_colleague)
        self.assertEqual(self.url_open(f"/my/mus/{self.interview.id}").status_code, 404)
        self.url_open(f"/my/mus/{self.interview.id}/feedback", data={
            "feedback": "Skrevet af en kollega", "csrf_token": self.csrf_token(),
        })
        self.assertFalse(self.interview.sudo().with_user(self.user_employee).employee_feedback)

    # 2. The portal chatter with a token ---------------------------------------
    def test_chatter_fetch_needs_the_real_token(self):
        """``/mail/chatter_fetch`` reads in sudo when given a token: any
        string is not enough for HR; the employee's real token is."""
        self.login(self.user_hr_officer)
        text, _result, error = self.json("/mail/chatter_fetch", thread_model="mus.interview",
                                         thread_id=self.interview.id, token="whatever")
        self.assertNotIn(SECRET, text)
        self.assertTrue(error)
        text, _result, _error = self.json("/mail/chatter_fetch", thread_model="mus.interview",
                                          thread_id=self.interview.id)
        self.assertNotIn(SECRET, text)
        self.login(None)
        text, _result, _error = self.json("/mail/chatter_fetch", thread_model="mus.interview",
                                          thread_id=self.interview.id, token=self.token())
        self.assertIn(SECRET, text, "the employee's link opens the chatter")

    # 3. Scheduled messages ---------------------------------------------------
    def test_scheduled_messages_are_the_parties(self):
        scheduled = self.env["mail.scheduled.message"].with_user(self.user_leader).create({
            "model": "mus.interview", "res_id": self.interview.id, "body": f"<p>{SECRET}-planlagt</p>",
            "author_id": self.user_leader.partner_id.id,
            "scheduled_date": fields.Datetime.now() + timedelta(days=2),
        })
        self.login(self.user_hr_officer)
        for method, args, kwargs in (
            ("search_read", [[("body", "ilike", SECRET)]], {"fields": ["body"]}),
            ("search_read", [[("model", "=", "mus.interview")]], {"fields": ["body"]}),
            ("read", [scheduled.ids, ["body"]], {}),
            ("search_count", [[("body", "ilike", SECRET)]], {}),
            ("write", [scheduled.ids, {"body": "<p>Ændret af HR</p>"}], {}),
        ):
            with self.subTest(method=method, args=args):
                text, result, _error = self.call("mail.scheduled.message", method, *args, **kwargs)
                self.assertNotIn(SECRET, text)
                self.assertFalse(result)
        text, _result, _error = self.json("/mail/thread/data", thread_model="mus.interview",
                                          thread_id=self.interview.id, request_list=["scheduledMessages"])
        self.assertNotIn(SECRET, text)
        self.assertIn(SECRET, scheduled.sudo().body)
        self.login(self.user_leader)
        text, _result, _error = self.json("/mail/thread/data", thread_model="mus.interview",
                                          thread_id=self.interview.id, request_list=["scheduledMessages"])
        self.assertIn(SECRET, text, "the author reads their scheduled message")

    # 4. Changing the parties' messages ---------------------------------------
    def test_hr_cannot_change_the_parties_messages(self):
        self.login(self.user_hr_officer)
        hr_partner = self.user_hr_officer.partner_id.id
        for method, args in (
            ("write", [self.message.ids, {"partner_ids": [Command.link(hr_partner)]}]),
            ("write", [self.message.ids, {"body": "<p>Ændret af HR</p>"}]),
            ("unlink", [self.message.ids]),
        ):
            with self.subTest(method=method, args=args):
                _text, result, error = self.call("mail.message", method, *args)
                self.assertFalse(result)
                self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")
        text, _result, _error = self.json("/mail/message/update_content", message_id=self.message.id,
                                          body="Ændret af HR", attachment_ids=[])
        self.assertNotIn(SECRET, text)
        self.assertIn(SECRET, self.message.sudo().body)
        self.assertNotIn(self.user_hr_officer.partner_id, self.message.sudo().partner_ids)
        text, _result, _error = self.call("mail.message", "read", self.message.ids, ["body"])
        self.assertNotIn(SECRET, text)

    # 5. Files ----------------------------------------------------------------
    def test_hr_cannot_attach_files_to_a_mus(self):
        Attachment = self.env["ir.attachment"].sudo()
        before = Attachment.search_count([("res_model", "=", "mus.interview"), ("res_id", "=", self.interview.id)])
        self.login(self.user_hr_officer)
        with mute_logger("odoo.http"):
            response = self.url_open("/mail/attachment/upload", data={
                "thread_id": self.interview.id, "thread_model": "mus.interview", "csrf_token": self.csrf_token(),
            }, files={"ufile": ("hr.txt", b"Fra HR", "text/plain")})
        self.assertEqual(response.status_code, 404)
        _text, result, error = self.call("mus.interview", "message_post", [self.interview.id],
                                         body="Til parterne", attachments=[["hr.txt", "Fra HR"]])
        self.assertFalse(result)
        self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")
        self.assertEqual(
            Attachment.search_count([("res_model", "=", "mus.interview"), ("res_id", "=", self.interview.id)]),
            before,
        )
        self.login(self.user_employee)
        response = self.url_open("/mail/attachment/upload", data={
            "thread_id": self.interview.id, "thread_model": "mus.interview", "csrf_token": self.csrf_token(),
        }, files={"ufile": ("mine.txt", b"Min fil", "text/plain")})
        self.assertEqual(response.status_code, 200, "the employee attaches files to their own MUS")

    def csrf_token(self):
        return csrf_token(self.env, self.session)

    # 6. Addressed to someone else --------------------------------------------
    def test_message_addressed_to_a_colleague_does_not_reach_her(self):
        addressed = self.as_leader(self.interview).message_post(
            body=f"{SECRET}-til-Karen", message_type="comment", subtype_xmlid="mail.mt_comment",
            partner_ids=self.user_colleague.partner_id.ids,
        )
        self.login(self.user_colleague)
        text, result, _error = self.call("mail.message", "search_read", [("body", "ilike", SECRET)], fields=["body"])
        self.assertEqual(result, [])
        text, _result, _error = self.call("mail.message", "read", addressed.ids, ["body"])
        self.assertNotIn(SECRET, text)
        text, _result, _error = self.json("/mail/thread/messages", thread_model="mus.interview",
                                          thread_id=self.interview.id)
        self.assertNotIn(SECRET, text)
        self.assertNotIn(self.user_colleague.partner_id, addressed.sudo().notification_ids.res_partner_id)

    # 7. HR through the org chart -----------------------------------------------
    def test_hr_cannot_lead_a_mus_through_the_org_chart(self):
        self.login(self.user_hr_officer)
        _text, result, error = self.call("hr.employee", "write", self.employee.ids, {"parent_id": self.hr_employee.id})
        self.assertFalse(result)
        self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")
        self.assertEqual(self.interview.sudo().leader_id, self.leader)
        self.assertEqual(self.employee.parent_id, self.leader)
        # Another manager of the organisation is a hand-over HR may make.
        _text, result, error = self.call("hr.employee", "write", self.employee.ids,
                                         {"parent_id": self.other_leader.id})
        self.assertTrue(result, error)
        self.assertEqual(self.interview.sudo().leader_id, self.other_leader)

    # 8. The former leader ------------------------------------------------------
    def test_former_leader_keeps_no_chatter(self):
        self.as_leader(self.interview).message_post(body=f"{SECRET}-fra-Lene", message_type="comment",
                                                    subtype_xmlid="mail.mt_comment")
        self.as_employee(self.interview).message_post(body=f"{SECRET}-til-Lene", message_type="comment",
                                                      subtype_xmlid="mail.mt_comment")
        self.employee.parent_id = self.other_leader
        self.login(self.user_leader)
        text, _result, _error = self.json("/mail/thread/messages", thread_model="mus.interview",
                                          thread_id=self.interview.id)
        self.assertNotIn(SECRET, text)
        text, result, _error = self.call("mail.message", "search_read",
                                         [("model", "=", "mus.interview"), ("res_id", "=", self.interview.id)],
                                         fields=["body"])
        self.assertEqual(result, [])
        _text, result, _error = self.call("mail.notification", "search_count",
                                          [("mail_message_id.model", "=", "mus.interview"),
                                           ("mail_message_id.res_id", "=", self.interview.id)])
        self.assertEqual(result, 0)
        self.login(self.user_other_leader)
        text, _result, _error = self.json("/mail/thread/messages", thread_model="mus.interview",
                                          thread_id=self.interview.id)
        self.assertIn(SECRET, text, "the new leader reads the chatter")

    # 9. Who has a MUS with whom, and when ---------------------------------------
    def test_nobody_else_finds_who_has_a_mus_with_whom(self):
        event = self.interview.sudo().calendar_event_id
        self.assertTrue(event)
        queries = (
            ("mail.followers", [("res_model", "=", "mus.interview")]),
            ("mail.followers", [("res_id", "=", self.interview.id), ("res_model", "=", "mus.interview")]),
            ("calendar.event", [("res_model", "=", "mus.interview")]),
            ("calendar.event", [("res_id", "=", self.interview.id)]),
            ("calendar.event", [("name", "ilike", "MUS")]),
            ("calendar.event", [("description", "ilike", "MUS")]),
            ("calendar.attendee", [("event_id", "=", event.id)]),
            ("mail.notification", [("mail_message_id", "=", self.message.id)]),
        )
        for user in (self.user_colleague, self.user_other_leader, self.user_outsider):
            self.login(user)
            for model, domain in queries:
                with self.subTest(user=user.login, model=model, domain=domain):
                    _text, result, _error = self.call(model, "search_count", domain)
                    self.assertFalse(result)
            text, _result, _error = self.call("mus.interview", "message_get_followers", [self.interview.id])
            self.assertNotIn(self.employee.name, text)
        # The calendar still shows the colleague that Lene is busy then.
        self.login(self.user_colleague)
        _text, result, _error = self.call("calendar.event", "search_count", [
            ("partner_ids", "in", self.user_leader.partner_id.ids),
            ("start", "<=", fields.Datetime.to_string(event.stop)),
            ("stop", ">=", fields.Datetime.to_string(event.start)),
        ])
        self.assertEqual(result, 1)
        _text, result, _error = self.call("calendar.event", "read", event.ids, ["name", "res_model", "res_id"])
        self.assertEqual(result[0]["name"], "Busy")
        self.assertFalse(result[0]["res_model"])
        # The parties find their own.
        self.login(self.user_employee)
        for model, domain in queries[:4]:
            with self.subTest(user="employee", model=model, domain=domain):
                _text, result, _error = self.call(model, "search_count", domain)
                self.assertTrue(result)

    # 10. The administrator ---------------------------------------------------
    def test_administrator_gets_no_token_from_a_method(self):
        """The administrator may read the token field (Odoo gives its
        administrators everything, see the README); no method hands it out."""
        token = self.token()
        self.login(self.env.ref("base.user_admin"))
        for method in ("get_portal_url", "get_mus_open_url", "get_access_action"):
            with self.subTest(method=method):
                text, _result, _error = self.call("mus.interview", method, [self.interview.id])
                self.assertNotIn(token, text)

    # 11. Searching through the plan ---------------------------------------------
    def test_search_through_the_goals_answers_every_role(self):
        self.walk_to(self.interview, "interview")
        self.add_goal(self.interview, name="Lære tysk")
        # HR learns that the plan has goals (a count is status), not what they say.
        for user, found, has_goals in ((self.user_employee, 1, 1), (self.user_leader, 1, 1),
                                       (self.user_hr_officer, 0, 1), (self.user_colleague, 0, 0)):
            self.login(user)
            for domain, expected in (([("goal_ids.name", "ilike", "tysk")], found),
                                     ([("goal_ids.status", "=", "not_started")], found),
                                     ([("goal_ids", "!=", False)], has_goals)):
                with self.subTest(user=user.login, domain=domain):
                    _text, result, error = self.call("mus.interview", "search_count",
                                                     [("id", "=", self.interview.id), *domain])
                    self.assertFalse(error)
                    self.assertEqual(result, expected)

    # 12. My data as a portal employee ------------------------------------------
    def test_portal_employee_downloads_own_data(self):
        user_portal = mail_new_test_user(self.env, login="mus_karin", name="Karin Portal", groups="base.group_portal")
        karin = self.env["hr.employee"].create({
            "name": "Karin Portal", "user_id": user_portal.id, "parent_id": self.leader.id,
        })
        own = self.walk_to(self.create_interview(employee=karin), "preparation")
        own.sudo().answer_ids[:1].with_user(user_portal).sudo().employee_note = "Karins forberedelse"
        own.sudo().answer_ids[:1].with_user(self.user_leader).leader_note = "Lenes forberedelse om Karin"
        self.login(user_portal)
        response = self.url_open("/mus/my_data")
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual([interview["name"] for interview in data["interviews"]], [own.name])
        self.assertIn("Karins forberedelse", response.text)
        self.assertNotIn("Lenes forberedelse", response.text)
        self.assertNotIn(SECRET, response.text)


@tagged("post_install", "-at_install", "access_rights")
class TestMusEmployeeFields(HttpCase):
    """Odoo's hr test ``test_employee_fields_groups``: an internal user
    without HR rights reads every field of the employees they may see."""

    def test_internal_user_reads_all_employee_fields(self):
        user = new_test_user(self.env, login="mus_plain", groups="base.group_user", name="Almindelig Bruger")
        self.env["hr.employee"].create([{"name": "Almindelig Bruger", "user_id": user.id}, {"name": "En kollega"}])
        employees = self.env["hr.employee"].with_user(user).search([])
        self.assertTrue(employees.read([]))

import html
import json
import re
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mus_odoo.mus_odoo.controllers.portal import MusPortal
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SIGNATURE, MusWorkflowCase, csrf_token

LEADER_PRIVATE = "Lederens private forberedelse om Pia"


@tagged("post_install", "-at_install", "access_rights", "mus_portal")
class TestMusPortal(MusWorkflowCase, HttpCase):
    """Every route of "My MUS" (mus_odoo/controllers/portal.py), for the
    employee's own portal user, with and without the token of the
    invitation, with a wrong one or another interview's, for other users,
    and after cancellation: whatever is not the employee's is the same 404."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = mail_new_test_user(
            cls.env, login="mus_portal_pia", password="mus_portal_pia", name="Pia Portal",
            groups="base.group_portal", tz="Europe/Copenhagen",
        )
        cls.portal_employee = cls.env["hr.employee"].create({
            "name": "Pia Portal", "user_id": cls.user_portal.id, "parent_id": cls.leader.id,
            "tz": "Europe/Copenhagen",
        })

    def setUp(self):
        super().setUp()
        self.date = fields.Datetime.now().replace(microsecond=0) + timedelta(days=7)
        self.interview = self.create_interview(employee=self.portal_employee, scheduled_date=self.date)
        self.as_leader(self.interview).action_invite()
        self.other = self.create_interview(scheduled_date=self.date)
        self.as_leader(self.other).action_invite()
        self.interview.sudo().answer_ids[:1].with_user(self.user_leader).leader_note = LEADER_PRIVATE

    # Helpers -------------------------------------------------------------
    def token(self, interview):
        return interview.sudo()._portal_ensure_token()

    def page(self, interview, token=None, suffix=""):
        url = f"/my/mus/{interview.id}{suffix}"
        if token:
            url += f"?access_token={token}"
        return self.url_open(url, allow_redirects=False)

    def csrf(self):
        return csrf_token(self.env, self.session)

    def post(self, interview, action, token=None, **data):
        url = f"/my/mus/{interview.id}/{action}"
        if token:
            url += f"?access_token={token}"
        return self.url_open(url, data={"csrf_token": self.csrf(), **data}, allow_redirects=False)

    def sign(self, interview, token=None):
        url = f"/my/mus/{interview.id}/sign"
        if token:
            url += f"?access_token={token}"
        response = self.url_open(url, data=json.dumps({
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": {"name": "Pia Portal", "signature": SIGNATURE.decode()},
        }), headers={"Content-Type": "application/json"})
        self.assertEqual(response.status_code, 200)
        return response.json()["result"]

    def as_pia(self, interview):
        """The portal user has no access rights of its own: the portal acts
        for them in sudo (see the controller)."""
        return interview.with_user(self.user_portal).sudo()

    def anonymous(self):
        self.authenticate(None, None)

    def as_portal(self):
        self.authenticate("mus_portal_pia", "mus_portal_pia")

    def assertNotFound(self, response):
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Mødelokale", response.text)
        self.assertNotIn("MUS 2026", response.text)

    # The workflow knows the portal user ---------------------------------------
    def test_portal_user_is_the_employee(self):
        interview = self.interview.sudo().with_user(self.user_portal)
        self.assertEqual(interview._mus_roles(), {"employee"})
        self.assertEqual(interview._mus_party(), "employee")

    def test_token_is_for_the_superuser_only(self):
        self.token(self.interview)
        for user in (self.user_hr_officer, self.user_leader, self.user_portal):
            with self.assertRaises(AccessError):
                self.interview.with_user(user).read(["access_token"])
        with self.assertRaises(AccessError):
            self.as_leader(self.interview).write({"access_token": "known"})

    def test_invitation_mail_has_the_portal_link(self):
        """The token is in the employee's own email, never in a message the
        chatter keeps (the leader, or HR who invited, reads those)."""
        messages = self.interview.sudo().message_ids
        self.assertFalse(messages.filtered(lambda m: "access_token" in (m.body or "")))
        link = f"/my/mus/{self.interview.id}?access_token={self.token(self.interview)}"
        mails = self.env["mail.mail"].sudo().search([("mail_message_id", "in", messages.ids)])
        to_employee = mails.filtered(lambda mail: link in (mail.body_html or ""))
        self.assertTrue(to_employee)
        self.assertEqual(to_employee.recipient_ids, self.user_portal.partner_id)

    # Reading ----------------------------------------------------------------
    def test_home_and_list(self):
        self.as_portal()
        home = self.url_open("/my/home")
        self.assertIn("/my/mus", home.text)
        counters = self.url_open("/my/counters", data=json.dumps({
            "jsonrpc": "2.0", "method": "call", "id": 1, "params": {"counters": ["mus_count"]},
        }), headers={"Content-Type": "application/json"}).json()["result"]
        self.assertEqual(counters["mus_count"], 1)
        listing = self.url_open("/my/mus")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(f"/my/mus/{self.interview.id}", listing.text)
        self.assertNotIn(f"/my/mus/{self.other.id}", listing.text)

    def test_list_keeps_the_status_and_shows_minutes(self):
        """On a phone the leader's column goes (the name is under the MUS),
        the status stays; the date is in Pia's format, without seconds."""
        self.as_portal()
        listing = self.url_open("/my/mus").text
        self.assertIn('<th class="text-end">Status</th>', listing)
        self.assertIn("o_mus_portal_row_state", listing)
        dates = re.findall(r'<span class="o_mus_portal_row_date"[^>]*>([^<]+)</span>', listing)
        local = fields.Datetime.context_timestamp(self.env.user.with_context(tz="Europe/Copenhagen"), self.date)
        self.assertEqual(dates, [local.strftime("%m/%d/%Y %H:%M")], "English (US) format, no seconds")

    # The meeting in one's own calendar ----------------------------------------
    def ics(self, interview, token=None):
        return self.page(interview, token, suffix="/meeting.ics")

    @staticmethod
    def ics_lines(response):
        """The content lines of an .ics file, unfolded (RFC 5545, 3.1)."""
        return response.content.decode().replace("\r\n ", "").split("\r\n")

    def test_meeting_ics_holds_the_meeting_only(self):
        """What the employee imports into their calendar: one VEVENT with
        the time in UTC, the place and the leader, nothing of the talk."""
        answer = self.interview.sudo().answer_ids[:1]
        self.as_pia(self.interview)._mus_portal_save_preparation({answer.id: "Min hemmelige forberedelse"})
        self.interview.sudo().duration = 1.5
        self.as_portal()
        page = self.page(self.interview).text
        self.assertIn(f'href="/my/mus/{self.interview.id}/meeting.ics"', page)
        response = self.ics(self.interview)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "text/calendar; charset=utf-8")
        self.assertIn("attachment;", response.headers["Content-Disposition"])
        self.assertIn(".ics", response.headers["Content-Disposition"])
        raw = response.content
        self.assertTrue(raw.endswith(b"\r\n"))
        self.assertFalse(re.search(rb"[^\r]\n", raw), "every line ends with CRLF")
        self.assertTrue(all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets")
        lines = self.ics_lines(response)
        self.assertEqual(lines[:2], ["BEGIN:VCALENDAR", "VERSION:2.0"])
        self.assertEqual(lines.count("BEGIN:VEVENT"), 1)
        self.assertEqual(lines[-3:], ["END:VEVENT", "END:VCALENDAR", ""])
        props = dict(line.split(":", 1) for line in lines if ":" in line)
        self.assertTrue(props["PRODID"])
        self.assertEqual(props["DTSTART"], self.date.strftime("%Y%m%dT%H%M%SZ"))
        self.assertEqual(props["DTEND"], (self.date + timedelta(hours=1.5)).strftime("%Y%m%dT%H%M%SZ"))
        self.assertRegex(props["DTSTAMP"], r"^\d{8}T\d{6}Z$")
        self.assertEqual(props["SUMMARY"], "MUS with Lene Leder")
        self.assertEqual(props["LOCATION"], "Mødelokale 2")
        self.assertTrue(props["URL"].endswith(f"/my/mus/{self.interview.id}"))
        again = dict(line.split(":", 1) for line in self.ics_lines(self.ics(self.interview)) if ":" in line)
        self.assertEqual(again["UID"], props["UID"], "the same UID every time: a calendar updates the meeting")
        text = raw.decode()
        for secret in ("Min hemmelige forberedelse", LEADER_PRIVATE, answer.question_id.name,
                       self.token(self.interview), "access_token"):
            self.assertNotIn(secret, text)

    def test_meeting_ics_escapes_and_folds(self):
        """A long place with commas, semicolons and Danish letters comes back
        whole once unfolded; no line is longer than 75 octets."""
        place = "Mødelokale 2, 1. sal; bygning Ø – indgang fra gården\nRing på hos receptionen " * 2
        self.interview.sudo().location = place
        self.as_portal()
        response = self.ics(self.interview)
        self.assertTrue(all(len(line) <= 75 for line in response.content.split(b"\r\n")))
        location = next(line for line in self.ics_lines(response) if line.startswith("LOCATION:"))[9:]
        unescaped = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), location)
        self.assertEqual(unescaped, place)

    def test_meeting_ics_is_for_the_employee_only(self):
        """The .ics answers exactly whom the page answers: Pia, or her
        token when logged out; everyone else gets the page's 404."""
        token = self.token(self.interview)
        other_portal = mail_new_test_user(
            self.env, login="mus_portal_other", password="mus_portal_other", name="Otto Portal",
            groups="base.group_portal",
        )
        self.anonymous()
        self.assertNotFound(self.ics(self.interview))
        self.assertNotFound(self.ics(self.interview, "wrong"))
        self.assertNotFound(self.ics(self.interview, self.token(self.other)))
        self.assertEqual(self.ics(self.interview, token).status_code, 200)
        self.assertIn(f"/my/mus/{self.interview.id}/meeting.ics?access_token={token}",
                      self.page(self.interview, token).text, "the link keeps the token")
        for user in (self.user_colleague, self.user_leader, self.user_hr_officer, self.user_employee, other_portal):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                self.assertNotFound(self.ics(self.interview))
                self.assertNotFound(self.ics(self.interview, token))
        self.as_portal()
        self.assertNotFound(self.ics(self.other))
        self.assertEqual(self.ics(self.interview).status_code, 200)

    def test_meeting_ics_only_before_the_talk(self):
        self.as_portal()
        self.post(self.interview, "accept")
        self.assertEqual(self.ics(self.interview).status_code, 200)
        self.as_leader(self.interview).action_start_interview()
        self.assertNotFound(self.ics(self.interview))
        self.assertNotIn("meeting.ics", self.page(self.interview).text)
        offered = self.offered()
        self.assertNotFound(self.ics(offered))  # no time yet
        self.assertNotIn("meeting.ics", self.page(offered).text)
        self.as_leader(self.other).action_cancel(reason="Sygdom")
        self.anonymous()
        self.assertNotFound(self.ics(self.other, self.token(self.other)))

    def offered(self):
        """Pia's MUS of 2027, offered by HR's cycle: planned, no time yet."""
        cycle = self.env["mus.cycle"].with_user(self.user_hr_officer).create({
            "name": "MUS 2027", "date_from": "2027-01-01", "date_to": "2027-12-31",
            "employee_domain": f"[('id', '=', {self.portal_employee.id})]", "template_id": self.template.id,
        })
        cycle.with_user(self.user_hr_officer).action_launch()
        self.assertRecordValues(cycle.interview_ids, [{"state": "draft", "employee_id": self.portal_employee.id}])
        return cycle.interview_ids

    def test_list_is_paged(self):
        self.as_portal()
        offered = self.offered()
        with patch.object(MusPortal, "_items_per_page", 1):
            first = self.url_open("/my/mus")
            second = self.url_open("/my/mus/page/2")
        self.assertEqual(first.status_code, 200)
        self.assertIn("/my/mus/page/2", first.text, "a pager")
        pages = [
            [interview for interview in (self.interview, offered) if f'href="/my/mus/{interview.id}"' in page.text]
            for page in (first, second)
        ]
        self.assertEqual(len(pages[0]) + len(pages[1]), 2)
        self.assertEqual((len(pages[0]), len(pages[1])), (1, 1), "one interview per page, none twice")

    def test_offered_mus_is_declined_in_the_portal(self):
        """HR's cycle offered Pia her MUS before any time was set: she finds
        it in the portal and declines it, with a reason."""
        offered = self.offered()
        self.as_portal()
        self.assertIn(f"/my/mus/{offered.id}", self.url_open("/my/mus").text)
        page = self.page(offered)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Your leader will agree a time with you.", page.text)
        self.assertIn("mus_decline_form", page.text)
        self.assertNotIn("o_mus_portal_preparation", page.text, "nothing to prepare before the invitation")
        self.assertNotIn(LEADER_PRIVATE, page.text)
        response = self.post(offered, "decline", reason="Jeg går på pension i foråret")
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=declined", response.headers["Location"])
        self.assertRecordValues(offered.sudo(), [
            {"state": "declined", "decline_reason": "Jeg går på pension i foråret"},
        ])
        page = self.page(offered)
        self.assertIn("o_mus_portal_declined", page.text)
        self.assertNotIn("mus_decline_form", page.text)
        response = self.post(offered, "decline")
        self.assertIn("o_mus_portal_error", response.text, "declining twice is refused")

    def test_offer_mail_link_leads_through_the_login(self):
        offered = self.offered()
        mail = self.env["mail.mail"].search([("model", "=", "mus.interview"), ("res_id", "=", offered.id)])
        link = re.search(r'href="([^"]+)"', mail.body_html).group(1)
        path = link[link.index("/web/login"):]
        self.anonymous()
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 200, "the login page, not a 404")
        self.assertIn('name="redirect"', response.text)
        self.as_portal()
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"/my/mus/{offered.id}"))
        self.assertEqual(self.page(offered).status_code, 200)

    def test_home_counts_the_offered_mus(self):
        self.offered()
        self.as_portal()
        counters = self.url_open("/my/counters", data=json.dumps({
            "jsonrpc": "2.0", "method": "call", "id": 1, "params": {"counters": ["mus_count"]},
        }), headers={"Content-Type": "application/json"}).json()["result"]
        self.assertEqual(counters["mus_count"], 2)

    def test_invited_mus_is_declined_without_reason_with_the_token(self):
        token = self.token(self.interview)
        self.anonymous()
        self.assertNotFound(self.post(self.interview, "decline", "wrong"))
        self.assertEqual(self.interview.sudo().state, "invited")
        response = self.post(self.interview, "decline", token)
        self.assertEqual(response.status_code, 303)
        self.assertRecordValues(self.interview.sudo(), [{"state": "declined", "decline_reason": False}])

    def test_others_cannot_decline(self):
        token = self.token(self.interview)
        for login in ("mus_colleague", "mus_leader", "mus_hr_officer"):
            self.authenticate(login, login)
            self.assertNotFound(self.post(self.interview, "decline", token))
        self.as_portal()
        self.assertNotFound(self.post(self.other, "decline"))
        self.assertEqual((self.interview | self.other).sudo().mapped("state"), ["invited", "invited"])

    def test_feedback_to_the_leader(self):
        self.as_portal()
        self.assertNotIn("o_mus_portal_feedback", self.page(self.interview).text, "not before the time is accepted")
        response = self.post(self.interview, "feedback", feedback="For tidligt")
        self.assertIn("o_mus_portal_error", response.text)
        self.assertFalse(self.interview.sudo().employee_feedback)
        self.post(self.interview, "accept")
        self.assertIn("o_mus_portal_feedback", self.page(self.interview).text)
        feedback = "Du lytter godt.\nMere sparring om <b>planlægning</b>, tak."
        response = self.post(self.interview, "feedback", feedback=feedback)
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=feedback_saved", response.headers["Location"])
        interview = self.interview.sudo()
        self.assertIn("Du lytter godt.", interview.employee_feedback)
        self.assertIn("&lt;b&gt;planlægning&lt;/b&gt;", interview.employee_feedback, "plain text, escaped")
        self.assertEqual(interview._mus_portal_feedback_text(), feedback, "shown again as it was written")
        self.assertEqual(
            self.as_leader(self.interview).employee_feedback, interview.employee_feedback, "the leader reads it",
        )
        self.assertFalse(self.interview.with_user(self.user_hr_officer).employee_feedback, "HR does not")
        self.assertIn("Du lytter godt.", self.page(self.interview).text)
        response = self.post(self.interview, "feedback")
        self.assertEqual(response.status_code, 303)
        self.assertIn("Du lytter godt.", interview.employee_feedback, "a post without the field erases nothing")
        # Once the MUS is closed, the feedback is read only.
        self.as_leader(self.interview).action_start_interview()
        self.add_goal(self.interview)
        self.as_leader(self.interview).action_request_signatures()
        self.as_leader(self.interview).action_sign(signature=SIGNATURE)
        self.as_pia(self.interview).action_sign(signature=SIGNATURE)
        for checkpoint in interview.follow_up_ids:
            checkpoint.with_user(self.user_leader).action_complete(note="Fulgt op")
        self.assertEqual(interview.state, "done")
        page = self.page(self.interview)
        self.assertIn("Du lytter godt.", page.text)
        self.assertNotIn("o_mus_portal_feedback_save", page.text)
        response = self.post(self.interview, "feedback", feedback="Ændret")
        self.assertIn("o_mus_portal_error", response.text)
        self.assertIn("Du lytter godt.", interview.employee_feedback)

    def test_list_needs_a_login(self):
        self.anonymous()
        response = self.url_open("/my/mus", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_own_interview(self):
        self.as_portal()
        response = self.page(self.interview)
        self.assertEqual(response.status_code, 200)
        question = self.interview.sudo().answer_ids[:1].question_id
        self.assertIn(question.name, html.unescape(response.text))
        self.assertIn("Mødelokale 2", response.text)
        self.assertIn("o_mus_portal_accept", response.text)
        self.assertNotIn(LEADER_PRIVATE, response.text)

    def test_own_interview_with_token_when_logged_out(self):
        self.anonymous()
        response = self.page(self.interview, self.token(self.interview))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Pia Portal", response.text)
        self.assertNotIn(LEADER_PRIVATE, response.text)

    def test_without_token_when_logged_out(self):
        self.anonymous()
        self.assertNotFound(self.page(self.interview))

    def test_wrong_token(self):
        self.anonymous()
        token = self.token(self.interview)
        self.assertNotFound(self.page(self.interview, token[:-1] + ("0" if token[-1] != "0" else "1")))
        self.assertNotFound(self.page(self.interview, "x"))
        self.as_portal()
        self.assertNotFound(self.page(self.interview, "wrong"))

    def test_another_interviews_token(self):
        self.anonymous()
        self.assertNotFound(self.page(self.interview, self.token(self.other)))
        self.assertNotFound(self.page(self.other, self.token(self.interview)))

    def test_another_employees_interview(self):
        self.as_portal()
        self.assertNotFound(self.page(self.other))
        self.assertNotFound(self.page(self.other, suffix="/report/plan"))
        self.assertNotFound(self.post(self.other, "accept"))
        self.assertEqual(self.other.sudo().state, "invited")

    def test_token_is_not_for_someone_else_logged_in(self):
        """A forwarded link does not let a colleague, the leader or HR act
        as the employee."""
        token = self.token(self.interview)
        for login in ("mus_colleague", "mus_leader", "mus_hr_officer"):
            self.authenticate(login, login)
            self.assertNotFound(self.page(self.interview, token))
            self.assertNotFound(self.post(self.interview, "accept", token))
        self.assertEqual(self.interview.sudo().state, "invited")

    def test_unknown_and_draft_interviews(self):
        self.as_portal()
        self.assertNotFound(self.url_open("/my/mus/999999", allow_redirects=False))
        draft = self.create_interview(employee=self.portal_employee, year=2027)
        self.assertNotFound(self.page(draft))
        self.anonymous()
        self.assertNotFound(self.page(draft, self.token(draft)))

    def test_cancelled_interview(self):
        token = self.token(self.interview)
        self.as_leader(self.interview).action_cancel(reason="Sygdom")
        self.as_portal()
        self.assertNotFound(self.page(self.interview))
        self.assertNotFound(self.post(self.interview, "prepare", note_1="x"))
        self.anonymous()
        self.assertNotFound(self.page(self.interview, token))
        self.assertNotFound(self.post(self.interview, "accept", token))

    # Acting -----------------------------------------------------------------
    def test_accept_prepare_submit(self):
        self.as_portal()
        answer = self.interview.sudo().answer_ids[:1]
        # Before accepting, a draft can be saved but not submitted.
        response = self.post(self.interview, "prepare", **{f"note_{answer.id}": "Første tanker"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(answer.employee_note, "Første tanker")
        self.assertFalse(self.interview.sudo().employee_prepared_on)

        response = self.post(self.interview, "accept")
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=accepted", response.headers["Location"])
        self.assertRecordValues(self.interview.sudo(), [{"state": "preparation"}])
        self.assertTrue(self.interview.sudo().accepted_on)

        response = self.post(self.interview, "prepare", submit="1", **{f"note_{answer.id}": "Jeg trives"})
        self.assertEqual(response.status_code, 303)
        answer.invalidate_recordset()
        self.assertEqual(answer.employee_note, "Jeg trives")
        self.assertTrue(self.interview.sudo().employee_prepared_on)
        self.assertFalse(answer.leader_note != LEADER_PRIVATE, "the leader's note is untouched")

        # Submitted: no more changes; the refusal is shown, nothing is written.
        response = self.post(self.interview, "prepare", **{f"note_{answer.id}": "Ændret"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_mus_portal_error", response.text)
        answer.invalidate_recordset()
        self.assertEqual(answer.employee_note, "Jeg trives")

    def test_portal_cannot_write_the_leaders_note(self):
        self.as_portal()
        self.post(self.interview, "accept")
        leader_answer = self.interview.sudo().answer_ids[:1]
        other_answer = self.other.sudo().answer_ids[:1]
        self.post(self.interview, "prepare", leader_note="hack", **{f"note_{other_answer.id}": "hack"})
        self.assertEqual(leader_answer.leader_note, LEADER_PRIVATE)
        self.assertFalse(other_answer.employee_note)

    def test_accept_with_token_when_logged_out(self):
        self.anonymous()
        token = self.token(self.interview)
        self.assertNotFound(self.post(self.interview, "accept", "wrong"))
        self.assertNotFound(self.post(self.interview, "accept"))
        self.assertEqual(self.interview.sudo().state, "invited")
        response = self.post(self.interview, "accept", token)
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"access_token={token}", response.headers["Location"])
        interview = self.interview.sudo()
        self.assertEqual(interview.state, "preparation")
        message = interview.message_ids.filtered(lambda m: m.tracking_value_ids)[:1]
        self.assertEqual(message.author_id, self.user_portal.partner_id, "acted as the employee")

    def test_ask_to_move(self):
        self.as_portal()
        proposed = (self.date + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
        response = self.post(self.interview, "move", proposed_date=proposed, note="Jeg er på kursus")
        self.assertEqual(response.status_code, 303)
        todo = self.env.ref("mail.mail_activity_data_todo")
        activity = self.interview.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.user_leader and a.activity_type_id == todo
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("Jeg er på kursus", activity.note)
        self.assertIn("Pia Portal", activity.note)
        self.assertEqual(self.interview.sudo().state, "invited", "only the leader moves the time")
        # A time in the past is refused.
        response = self.post(self.interview, "move", proposed_date="2020-01-01T10:00")
        self.assertIn("o_mus_portal_error", response.text)

    def test_sign_in_the_portal(self):
        interview = self.interview.sudo()
        self.as_pia(self.interview).action_accept()
        self.as_leader(self.interview).action_start_interview()
        self.add_goal(self.interview, name="Lære at bruge portalen")
        self.as_leader(self.interview).action_request_signatures()
        self.as_leader(self.interview).action_sign(signature=SIGNATURE)

        self.anonymous()
        self.assertIn("error", self.sign(self.interview, "wrong"))
        self.assertIn("error", self.sign(self.interview))
        self.assertFalse(interview.plan_id.employee_signed_on)

        self.as_portal()
        page = self.page(self.interview)
        self.assertIn("Lære at bruge portalen", page.text)
        self.assertIn("mus_modal_sign", page.text)
        self.assertNotIn(LEADER_PRIVATE, page.text)
        result = self.sign(self.interview)
        self.assertTrue(result.get("force_refresh"), result)
        interview.invalidate_recordset()
        self.assertEqual(interview.state, "follow_up")
        self.assertEqual(interview.plan_id.employee_signed_by, self.user_portal)
        self.assertIn("error", self.sign(self.interview), "signing twice is refused")
        mail = self.env["mail.mail"].sudo().search([
            ("model", "=", "mus.interview"), ("res_id", "=", interview.id), ("attachment_ids", "!=", False),
        ])
        self.assertEqual(mail.recipient_ids, self.user_portal.partner_id)
        self.assertEqual(mail.state, "outgoing")

    def test_report_route(self):
        self.as_pia(self.interview).action_accept()
        self.as_leader(self.interview).action_start_interview()
        self.as_portal()
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            response = self.page(self.interview, suffix="/report/summary")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertNotFound(self.page(self.interview, suffix="/report/other"))
        self.anonymous()
        self.assertNotFound(self.page(self.interview, suffix="/report/summary"))
        self.assertNotFound(self.page(self.interview, "wrong", suffix="/report/summary"))

"""Who sees what in a MUS: the access table of ``mus.interview``'s docstring,
cell by cell.

Rows: every role (the employee, their leader, another leader, a colleague,
HR officer, HR manager, a portal user, the public user, HR of another
company). Columns: every confidential field of every model that holds one,
times every way to get at it (read, search, search_count, read_group,
export), and per model write, create and unlink, and the chatter. A cell is
either *allowed* (the text comes out) or *denied*: an ``AccessError``, or
the operation runs but the text does not come out (HR opens a MUS and sees
its status, with the confidential fields empty).
"""
from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mus_odoo.mus_odoo.models.mus_interview import MusInterview
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SIGNATURE, MusWorkflowCase

EMPLOYEE, LEADER = "employee", "leader"
BOTH = {EMPLOYEE, LEADER}
PARTY_ROLES = (EMPLOYEE, LEADER)
OTHER_ROLES = ("other_leader", "colleague", "hr_officer", "hr_manager", "portal", "public", "other_company")

# (model, field, who reads it); the fixture writes "SECRET-<field>" into
# each text, and the signatures are SIGNATURE.
CONFIDENTIAL = (
    ("mus.interview", "summary", BOTH),
    ("mus.interview", "employee_feedback", BOTH),
    ("mus.interview", "leader_private_note", {LEADER}),
    ("mus.interview", "plan_employee_signature", BOTH),
    ("mus.interview", "plan_leader_signature", BOTH),
    ("mus.interview.answer", "employee_note", BOTH),
    ("mus.interview.answer", "leader_note", {LEADER}),
    ("mus.interview.answer", "agreed_note", BOTH),
    ("mus.development.plan", "employee_signature", BOTH),
    ("mus.development.plan", "leader_signature", BOTH),
    ("mus.development.goal", "name", BOTH),
    ("mus.development.goal", "actions", BOTH),
    ("mus.development.goal", "supporters", BOTH),
    ("mus.goal.review", "what_led", BOTH),
    ("mus.goal.review", "effect", BOTH),
    ("mus.goal.review", "goal", BOTH),
    ("mus.follow.up", "note", BOTH),
    ("mus.interview.content", "text", BOTH),
)
BINARY = {"plan_employee_signature", "plan_leader_signature", "employee_signature", "leader_signature"}


def secret(field_name):
    return f"SECRET-{field_name}"


@tagged("post_install", "-at_install", "access_rights", "confidentiality")
class TestMusConfidentiality(MusWorkflowCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = mail_new_test_user(
            cls.env, login="mus_portal", name="Poul Portal", groups="base.group_portal",
        )
        cls.user_public = cls.env.ref("base.public_user")
        cls.company_b = cls.env["res.company"].create({"name": "Anden Kommune"})
        cls.user_other_company = mail_new_test_user(
            cls.env, login="mus_hr_b", name="Bente HR B", company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
            groups="base.group_user,mus_odoo.group_mus_manager",
        )
        # Those who could export, to prove that exporting leaks nothing.
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.user_employee, cls.user_leader, cls.user_other_leader, cls.user_colleague,
                     cls.user_hr_officer, cls.user_hr_manager, cls.user_other_company):
            user.groups_id = [Command.link(export.id)]
        # The public user gets as far as the access checks.
        cls.user_public.partner_id.email = "public@example.com"
        cls.users = {
            EMPLOYEE: cls.user_employee, LEADER: cls.user_leader,
            "other_leader": cls.user_other_leader, "colleague": cls.user_colleague,
            "hr_officer": cls.user_hr_officer, "hr_manager": cls.user_hr_manager,
            "portal": cls.user_portal, "public": cls.user_public, "other_company": cls.user_other_company,
        }

    def setUp(self):
        super().setUp()
        # Last year's MUS, followed up, so that this year's reviews its plan.
        last_year = self.walk_to(self.create_interview(year=2025), "interview")
        self.add_goal(last_year, name=secret("goal"))
        self.walk_to(last_year, "follow_up")
        checkpoint = last_year.sudo().follow_up_ids[0]
        checkpoint.with_user(self.user_leader).action_complete(note=secret("note"))
        self.last_year = last_year

        interview = self.walk_to(self.create_interview(), "preparation")
        employee, leader = self.as_employee(interview), self.as_leader(interview)
        employee.answer_ids.write({"employee_note": secret("employee_note")})
        employee.employee_feedback = f"<p>{secret('employee_feedback')}</p>"
        leader.answer_ids.write({"leader_note": secret("leader_note")})
        leader.leader_private_note = f"<p>{secret('leader_private_note')}</p>"
        employee.action_submit_preparation()
        self.walk_to(interview, "interview")
        leader.answer_ids.write({"agreed_note": secret("agreed_note")})
        leader.summary = f"<p>{secret('summary')}</p>"
        leader.review_ids.write({"what_led": secret("what_led"), "effect": secret("effect"), "reached": "yes"})
        self.add_goal(interview, name=secret("name"), actions=secret("actions"), supporters=secret("supporters"))
        self.walk_to(interview, "follow_up")
        self.interview = interview
        self.message = employee.message_post(body=secret("message"), message_type="comment")

        sudo = interview.sudo()
        self.records = {
            "mus.interview": sudo,
            "mus.interview.answer": sudo.answer_ids,
            "mus.development.plan": sudo.plan_id,
            "mus.development.goal": sudo.plan_id.goal_ids,
            "mus.goal.review": sudo.review_ids,
            "mus.follow.up": last_year.sudo().follow_up_ids,
            "mus.interview.content": self.env["mus.interview.content"].search([
                ("interview_id", "=", interview.id), ("kind", "=", "agreed_note"),
            ]),
        }
        for model, records in self.records.items():
            self.assertTrue(records, f"the fixture has {model} records")
        self.env.invalidate_all()

    # Helpers -------------------------------------------------------------
    def shown(self, field_name, value):
        """Whether ``value`` (a read value, an export, …) shows the secret."""
        if field_name in BINARY:
            return SIGNATURE.decode() in str(value)
        return secret(field_name) in str(value)

    def leaks(self, operation, user, model, field_name):
        """Run ``operation`` as ``user``: does the secret of ``field_name`` come out?"""
        Model = self.env[model].with_user(user)
        records = Model.browse(self.records[model].ids)
        needle = secret(field_name)
        if model == "mus.interview.content":
            needle, field_name = secret("agreed_note"), "agreed_note"
            records_field = "text"
        else:
            records_field = field_name
        if operation == "read":
            values = records.read([records_field])
            return any(self.shown(field_name, row[records_field]) for row in values)
        if operation == "search":
            return bool(Model.search([(records_field, "ilike", needle)]))
        if operation == "search_count":
            return Model.search_count([(records_field, "ilike", needle)]) > 0
        if operation == "read_group":
            groups = Model.read_group([(records_field, "ilike", needle)], ["__count"], [])
            return any(group["__count"] for group in groups)
        if operation == "export":
            return self.shown(field_name, records.export_data([records_field])["datas"])
        raise ValueError(operation)

    def assertCell(self, allowed, operation, role, model, field_name):
        with self.subTest(role=role, model=model, field=field_name, operation=operation):
            try:
                leaked = self.leaks(operation, self.users[role], model, field_name)
            except AccessError:
                self.assertFalse(allowed, f"{role} is refused {operation} of {model}.{field_name}")
                return
            except UserError as error:
                # Portal and public users may not export at all.
                self.assertEqual(operation, "export", error)
                self.assertFalse(allowed, f"{role} is refused {operation} of {model}.{field_name}")
                return
            self.assertEqual(leaked, allowed, f"{role}: {operation} of {model}.{field_name}")

    # The matrix ------------------------------------------------------------
    def test_read_search_group_export(self):
        for model, field_name, readers in CONFIDENTIAL:
            operations = ("read", "export") if field_name in BINARY else (
                "read", "search", "search_count", "read_group", "export")
            for role in PARTY_ROLES + OTHER_ROLES:
                for operation in operations:
                    self.assertCell(role in readers, operation, role, model, field_name)

    def test_write_create_unlink_denied_to_others(self):
        """Nobody but the parties writes, creates or deletes anything of a MUS
        (what the parties may write in which state: test_workflow,
        test_plan_signing, test_follow_up)."""
        writable = {
            "mus.interview": ("summary", "employee_feedback", "leader_private_note", "plan_shared_with_hr"),
            "mus.interview.answer": ("employee_note", "leader_note", "agreed_note"),
            "mus.development.plan": ("employee_signature", "date_start"),
            "mus.development.goal": ("name", "status"),
            "mus.goal.review": ("what_led",),
            "mus.follow.up": ("note",),
            "mus.interview.content": ("text",),
        }
        create_vals = {
            "mus.interview.answer": {"interview_id": self.interview.id,
                                     "question_id": self.records["mus.interview.answer"][0].question_id.id},
            "mus.development.goal": {"plan_id": self.interview.sudo().plan_id.id, "name": "Indsmuglet mål"},
            "mus.goal.review": {"interview_id": self.interview.id, "goal": "Indsmuglet"},
            "mus.follow.up": {"interview_id": self.interview.id, "sequence": 9, "date_due": "2027-01-01"},
            "mus.interview.content": {"interview_id": self.interview.id, "kind": "summary", "html": "<p>x</p>"},
        }
        for role in OTHER_ROLES:
            user = self.users[role]
            for model, field_names in writable.items():
                records = self.env[model].with_user(user).browse(self.records[model].ids)
                for field_name in field_names:
                    with self.subTest(role=role, model=model, field=field_name, operation="write"), \
                            self.assertRaises(AccessError):
                        records.write({field_name: SIGNATURE if field_name in BINARY else "Overskrevet"})
                if model in create_vals:
                    with self.subTest(role=role, model=model, operation="create"), self.assertRaises(AccessError):
                        self.env[model].with_user(user).create(create_vals[model])
                if model != "mus.interview":
                    with self.subTest(role=role, model=model, operation="unlink"), self.assertRaises(AccessError):
                        records.unlink()
        # Nothing changed.
        self.assertEqual(self.interview.sudo().summary, f"<p>{secret('summary')}</p>")
        self.assertEqual(self.records["mus.development.goal"].name, secret("name"))

    def test_chatter(self):
        """A MUS's messages: its parties read them; HR, who reads the status,
        does not; outsiders neither read nor post."""
        for role in PARTY_ROLES + OTHER_ROLES:
            user = self.users[role]
            message = self.message.with_user(user)
            with self.subTest(role=role, operation="message read"):
                if role in PARTY_ROLES:
                    self.assertIn(secret("message"), str(message.read(["body"])[0]["body"]))
                else:
                    with self.assertRaises(AccessError):
                        message.read(["body"])
            with self.subTest(role=role, operation="message search"):
                found = self.env["mail.message"].with_user(user).search([
                    ("model", "=", "mus.interview"), ("res_id", "=", self.interview.id),
                ]) if role not in ("portal", "public") else self.env["mail.message"]
                self.assertEqual(self.message in found, role in PARTY_ROLES)
            with self.subTest(role=role, operation="message_post"):
                interview = self.interview.with_user(user)
                if role in (*PARTY_ROLES, "hr_officer", "hr_manager"):
                    # HR may write to the parties (a cancellation, say); they
                    # read what they wrote, nothing else.
                    posted = interview.message_post(body=f"Til parterne fra {role}", message_type="comment")
                    self.assertTrue(posted.with_user(user).read(["body"]))
                else:
                    with self.assertRaises(AccessError):
                        interview.message_post(body="Udefra", message_type="comment")

    def test_followers_and_notifications(self):
        """Only the parties follow a MUS and are notified of its messages."""
        parties = self.employee.work_contact_id | self.leader.work_contact_id
        self.assertEqual(self.interview.sudo().message_partner_ids, parties)
        # HR created last year's MUS? No matter: the creator does not follow.
        hr_made = self.create_interview(employee=self.colleague, user=self.user_hr_officer)
        self.assertNotIn(self.user_hr_officer.partner_id, hr_made.sudo().message_partner_ids)
        with self.assertRaises(UserError):
            self.as_leader(self.interview).message_subscribe(partner_ids=self.user_colleague.partner_id.ids)
        # A message addressed to an outsider does not reach them.
        message = self.as_leader(self.interview).message_post(
            body="Kun til parterne", message_type="comment",
            partner_ids=(self.user_colleague.partner_id | self.user_employee.partner_id).ids,
        )
        notified = self.env["mail.notification"].search([("mail_message_id", "=", message.id)]).res_partner_id
        self.assertNotIn(self.user_colleague.partner_id, notified)
        self.assertIn(self.user_employee.partner_id, notified)
        with self.assertRaises(AccessError):
            message.with_user(self.user_colleague).read(["body"])

    def test_former_parties_stop_following(self):
        """Whoever stops being a party stops following: the first employee
        of a draft moved to another, the employee's former user account; and
        who the parties are is not told to those who cannot read the MUS."""
        draft = self.create_interview(employee=self.colleague, year=2027)
        self.as_leader(draft).employee_id = self.employee
        self.assertEqual(
            draft.sudo().message_partner_ids, self.employee.work_contact_id | self.leader.work_contact_id,
        )
        old_partner = self.user_employee.partner_id
        new_user = mail_new_test_user(self.env, login="mus_erik_ny", name="Erik Ny")
        self.employee.user_id = new_user
        for interview in (draft, self.interview, self.last_year):
            with self.subTest(interview=interview.sudo().display_name):
                followers = interview.sudo().message_partner_ids
                self.assertNotIn(old_partner, followers)
                self.assertEqual(followers, new_user.partner_id | self.leader.work_contact_id)
        for partner in (self.leader.work_contact_id, self.user_hr_officer.partner_id):
            with self.subTest(partner=partner.name), self.assertRaises(AccessError):
                self.interview.with_user(self.user_colleague).with_context(
                    mus_parties_subscribed=True,
                ).message_subscribe(partner_ids=partner.ids)

    def test_attachments(self):
        attachment = self.env["ir.attachment"].with_user(self.user_employee).create({
            "name": "min-cv.txt", "raw": secret("attachment").encode(),
            "res_model": "mus.interview", "res_id": self.interview.id,
        })
        for role in PARTY_ROLES + OTHER_ROLES:
            user = self.users[role]
            with self.subTest(role=role):
                found = self.env["ir.attachment"].with_user(user).search([
                    ("res_model", "=", "mus.interview"), ("res_id", "=", self.interview.id),
                ]) if role not in ("portal", "public") else self.env["ir.attachment"]
                self.assertEqual(attachment in found, role in PARTY_ROLES)
                if role in PARTY_ROLES:
                    self.assertEqual(attachment.with_user(user).raw, secret("attachment").encode())
                else:
                    with self.assertRaises(AccessError):
                        attachment.with_user(user).read(["raw"])
        # HR does not attach files to a MUS either.
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.user_hr_officer).create({
                "name": "x.txt", "raw": b"x", "res_model": "mus.interview", "res_id": self.interview.id,
            })

    def test_activities(self):
        """The MUS's to-dos: the parties and the assignee read them, nobody else."""
        activity = self.interview.sudo().activity_ids[:1]
        self.assertTrue(activity, "the MUS in follow-up has a to-do for the leader")
        for role in PARTY_ROLES + OTHER_ROLES:
            user = self.users[role]
            with self.subTest(role=role):
                if role in ("portal", "public"):
                    with self.assertRaises(AccessError):
                        activity.with_user(user).read(["summary"])
                    continue
                found = self.env["mail.activity"].with_user(user).search([
                    ("res_model", "=", "mus.interview"), ("res_id", "=", self.interview.id),
                ])
                self.assertEqual(activity in found, role in PARTY_ROLES)
                if role in PARTY_ROLES:
                    self.assertTrue(activity.with_user(user).read(["summary"]))
                else:
                    with self.assertRaises(AccessError):
                        activity.with_user(user).read(["summary"])
        # Assigned to HR (a reminder, say), HR reads that one.
        reminder = self.interview.sudo().activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_hr_officer.id, summary="Rykker",
        )
        self.assertTrue(reminder.with_user(self.user_hr_officer).read(["summary"]))

    def test_status_for_hr(self):
        """HR reads what it needs for the yearly cycle: parties, period,
        state, dates, the plan's signature dates."""
        for role in ("hr_officer", "hr_manager"):
            interview = self.interview.with_user(self.users[role])
            values = interview.read([
                "employee_id", "leader_id", "year", "state", "scheduled_date", "accepted_on", "held_on",
                "employee_prepared_on", "plan_employee_signed_on", "plan_leader_signed_on",
                "summary", "goal_ids", "answer_ids", "review_ids", "follow_up_ids",
            ])[0]
            self.assertEqual(values["state"], "follow_up")
            self.assertTrue(values["plan_employee_signed_on"] and values["plan_leader_signed_on"])
            self.assertFalse(values["summary"] or values["goal_ids"] or values["answer_ids"]
                             or values["review_ids"] or values["follow_up_ids"])
            self.assertFalse(interview.can_read_content)

    def test_outsiders_find_nothing(self):
        for role in ("other_leader", "colleague", "other_company"):
            Interview = self.env["mus.interview"].with_user(self.users[role])
            with self.subTest(role=role):
                self.assertFalse(Interview.search([("id", "=", self.interview.id)]))
                self.assertFalse(Interview.name_search(self.employee.name))
                with self.assertRaises(AccessError):
                    self.interview.with_user(self.users[role]).read(["state"])

    def test_calendar_shows_busy_time_only(self):
        event = self.interview.sudo().calendar_event_id
        self.assertEqual(event.privacy, "private")
        self.env.invalidate_all()
        as_colleague = event.with_user(self.user_colleague)
        self.assertNotIn(self.employee.name, as_colleague.read(["name"])[0]["name"])
        self.assertFalse(as_colleague.read(["description"])[0]["description"])


@tagged("post_install", "-at_install", "access_rights", "confidentiality")
class TestMusConfidentialityRules(MusWorkflowCase):
    """The rules that change who reads what during a MUS's life."""

    def test_preparation_private_until_submitted(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_employee(interview).answer_ids[0].employee_note = "Mine tanker"
        self.as_leader(interview).answer_ids[0].leader_note = "Lederens tanker"
        answer = interview.sudo().answer_ids[0]
        self.assertFalse(answer.with_user(self.user_leader).employee_note)
        self.assertFalse(answer.with_user(self.user_employee).leader_note)
        self.assertFalse(self.env["mus.interview.answer"].with_user(self.user_leader).search(
            [("employee_note", "ilike", "Mine tanker")]))
        self.as_employee(interview).action_submit_preparation()
        self.assertEqual(answer.with_user(self.user_leader).employee_note, "Mine tanker")
        self.assertEqual(self.env["mus.interview.answer"].with_user(self.user_leader).search(
            [("employee_note", "ilike", "Mine tanker")]), answer)
        # The leader's preparation stays the leader's, after the talk too.
        self.walk_to(interview, "interview")
        self.assertFalse(answer.with_user(self.user_employee).leader_note)

    def test_leader_change_hands_over(self):
        """The new leader takes over an open MUS; the former keeps nothing."""
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_leader(interview).leader_private_note = "<p>Noter om Erik</p>"
        self.as_employee(interview).employee_feedback = "<p>Tak for sidst</p>"
        self.employee.parent_id = self.other_leader  # Erik moves to Ove's team
        interview.with_user(self.user_hr_officer).leader_id = self.other_leader
        former = interview.with_user(self.user_leader)
        with self.assertRaises(AccessError):
            former.read(["summary"])
        with self.assertRaises(AccessError):
            self.env["mus.interview.answer"].with_user(self.user_leader).browse(
                interview.sudo().answer_ids.ids).read(["agreed_note"])
        self.assertFalse(self.env["mus.interview.content"].with_user(self.user_leader).search([]))
        self.assertNotIn(self.user_leader.partner_id, interview.sudo().message_partner_ids)
        new = interview.with_user(self.user_other_leader)
        self.assertEqual(new.employee_feedback, "<p>Tak for sidst</p>")
        self.assertEqual(new.leader_private_note, "<p>Noter om Erik</p>")
        self.assertIn(self.other_leader.work_contact_id, interview.sudo().message_partner_ids)

    def test_new_manager_takes_over(self):
        """When the employee gets a new manager, the new leader takes over the
        open MUS; the former leader keeps nothing. A closed one stays."""
        done = self.walk_to(self.create_interview(year=2025), "done")
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_employee(interview).employee_feedback = "<p>Til lederen</p>"
        self.employee.parent_id = self.other_leader
        self.assertEqual(interview.sudo().leader_id, self.other_leader)
        self.assertEqual(done.sudo().leader_id, self.leader)
        with self.assertRaises(AccessError):
            interview.with_user(self.user_leader).read(["state"])
        self.assertEqual(interview.with_user(self.user_other_leader).employee_feedback, "<p>Til lederen</p>")
        self.assertIn(self.user_other_leader, {user for _xmlid, user in self.activities(interview)})
        self.assertNotIn(self.user_leader, {user for _xmlid, user in self.activities(interview)})

    def test_hr_cannot_make_itself_leader(self):
        """HR hands a MUS over to one of the employee's managers only: never
        to itself (or anyone else) to read what was said, nor to read last
        year's plan through a new MUS."""
        last = self.walk_to(self.create_interview(year=2025), "follow_up")
        interview = self.walk_to(self.create_interview(), "interview")
        self.as_leader(interview).leader_private_note = "<p>Privat</p>"
        hr_employee = self.env["hr.employee"].create({"name": "Ole HR", "user_id": self.user_hr_officer.id})
        with self.assertRaises(AccessError):
            interview.with_user(self.user_hr_officer).leader_id = hr_employee
        self.assertEqual(interview.sudo().leader_id, self.leader)
        self.assertFalse(interview.with_user(self.user_hr_officer).leader_private_note)
        with self.assertRaises(AccessError):
            self.env["mus.interview"].with_user(self.user_hr_officer).create({
                "employee_id": self.employee.id, "year": 2027, "template_id": self.template.id,
                "leader_id": hr_employee.id,
            })
        self.assertTrue(last.sudo().plan_id.goal_ids)

    def test_cycle_filter_is_no_oracle(self):
        """A cycle's employee filter looks at the organisation only: it is
        searched as superuser, so it must not reach a MUS or a private file."""
        Cycle = self.env["mus.cycle"].with_user(self.user_hr_officer)
        vals = {"name": "Runde", "date_from": "2026-01-01", "date_to": "2026-12-31",
                "date_invitations": "2026-03-01"}
        for domain in ("[('mus_interview_ids.summary', 'ilike', 'x')]", "[('message_ids.body', 'ilike', 'x')]",
                       "[('user_id.login', '=', 'x')]", "['|', ('id', '=', 1), ('private_email', 'ilike', 'x')]"):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                Cycle.create(dict(vals, employee_domain=domain))
        cycle = Cycle.create(dict(vals, employee_domain="[('department_id.name', 'ilike', 'Skole')]"))
        self.assertTrue(cycle)

    def test_no_blind_erasure(self):
        """What one may not read, one may not erase either."""
        interview = self.walk_to(self.create_interview(), "preparation")
        answer = interview.sudo().answer_ids[0]
        answer.with_user(self.user_employee).employee_note = "Ikke afleveret"
        self.as_leader(interview).leader_private_note = "<p>Privat</p>"
        with self.assertRaises(AccessError):
            answer.with_user(self.user_leader).employee_note = False
        with self.assertRaises(AccessError):
            interview.with_user(self.user_hr_officer).leader_private_note = False
        self.assertEqual(answer.employee_note, "Ikke afleveret")
        self.assertEqual(interview.sudo().leader_private_note, "<p>Privat</p>")

    def test_no_oracle_through_chatter_or_todos(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_employee(interview).message_post(body="CHATTER-HEMMELIG", message_type="comment")
        interview.sudo().activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_leader.id, summary="TODO-HEMMELIG",
        )
        Interview = self.env["mus.interview"].with_user(self.user_hr_officer)
        self.assertFalse(Interview.search([("message_ids.body", "ilike", "CHATTER-HEMMELIG")]))
        self.assertFalse(Interview.search([("activity_ids.summary", "ilike", "TODO-HEMMELIG")]))
        self.assertFalse(Interview.search([("activity_summary", "ilike", "TODO-HEMMELIG")]))
        self.assertNotIn("TODO-HEMMELIG", str(interview.with_user(self.user_hr_officer).read(
            ["activity_summary", "activity_type_id"])))
        self.assertEqual(
            self.env["mus.interview"].with_user(self.user_leader).search(
                [("message_ids.body", "ilike", "CHATTER-HEMMELIG")]), interview)

    def test_consent_shares_the_plan_only(self):
        interview = self.walk_to(self.create_interview(), "signing")
        goal = interview.sudo().plan_id.goal_ids
        Goal = self.env["mus.development.goal"].with_user(self.user_hr_officer)
        with self.assertRaises(AccessError):
            Goal.browse(goal.ids).read(["name"])
        # Only the employee gives (or takes back) the consent.
        for user in (self.user_leader, self.user_hr_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).plan_shared_with_hr = True
        self.as_employee(interview).plan_shared_with_hr = True
        self.assertEqual(Goal.browse(goal.ids).read(["name"])[0]["name"], goal.name)
        self.assertEqual(interview.with_user(self.user_hr_officer).goal_ids, goal)
        # The plan only: the rest stays between the parties.
        self.assertFalse(interview.with_user(self.user_hr_officer).plan_employee_signature)
        with self.assertRaises(AccessError):
            self.env["mus.interview.answer"].with_user(self.user_hr_officer).browse(
                interview.sudo().answer_ids.ids).read(["agreed_note"])
        # HR reads, never writes the shared plan.
        with self.assertRaises(AccessError):
            Goal.browse(goal.ids).write({"name": "Ændret af HR"})
        self.as_employee(interview).plan_shared_with_hr = False
        with self.assertRaises(AccessError):
            Goal.browse(goal.ids).read(["name"])

    def test_html_is_sanitised(self):
        interview = self.walk_to(self.create_interview(), "interview")
        self.as_leader(interview).summary = '<p>Godt møde</p><script>alert("x")</script><img src=x onerror="alert(1)">'
        summary = str(interview.sudo().summary)
        self.assertIn("Godt møde", summary)
        self.assertNotIn("<script", summary)
        self.assertNotIn("onerror", summary)
        # Plain-text notes stay text: stored as written, shown escaped.
        answer = self.as_leader(interview).answer_ids[0]
        answer.agreed_note = "<b>fed</b>"
        self.assertEqual(answer.agreed_note, "<b>fed</b>")
        self.assertEqual(interview.sudo().answer_ids[0]._fields["agreed_note"].type, "text")


@tagged("post_install", "-at_install", "confidentiality")
class TestMusConfidentialityDeclared(MusWorkflowCase):
    """The table in mus.interview's docstring and the matrix above say the same."""

    def test_docstring_names_what_the_matrix_checks(self):
        doc = MusInterview.__doc__
        for role in ("Employee", "Leader", "HR officer", "HR manager", "Others"):
            self.assertIn(role, doc)
        for field_name in ("leader_note", "leader_private_note", "employee_note", "plan_shared_with_hr"):
            self.assertIn(f"``{field_name}``", doc)
        # The fields only the leader reads are the ones the docstring keeps from the employee.
        leader_only = {field for _model, field, readers in CONFIDENTIAL if readers == {LEADER}}
        self.assertEqual(leader_only, {"leader_note", "leader_private_note"})
        self.assertIn("Never ``leader_note`` nor", doc)
        self.assertIn("``leader_private_note``", doc)
        # What HR never reads is every confidential model of the matrix.
        for words in ("answers", "notes", "summary", "feedback", "goal reviews", "follow-up notes",
                      "signatures", "chatter", "files", "to-dos"):
            self.assertIn(words, " ".join(doc.split()))


@tagged("post_install", "-at_install", "confidentiality")
class TestMusConfidentialityOverHttp(HttpCase):
    """The same rules through the web client's JSON-RPC (the external API
    goes through the same ORM calls)."""

    def test_hr_reads_status_over_rpc(self):
        env = self.env
        mail_new_test_user(env, login="mus_rpc_hr", groups="base.group_user,mus_odoo.group_mus_officer")
        leader_user = mail_new_test_user(env, login="mus_rpc_leader", groups="base.group_user")
        employee_user = mail_new_test_user(env, login="mus_rpc_employee", groups="base.group_user")
        leader = env["hr.employee"].create({"name": "RPC Leder", "user_id": leader_user.id})
        employee = env["hr.employee"].create({
            "name": "RPC Medarbejder", "user_id": employee_user.id, "parent_id": leader.id,
        })
        interview = env["mus.interview"].with_user(leader_user).create({
            "employee_id": employee.id, "template_id": env.ref("mus_odoo.template_mus_interview").id,
            "year": 2026, "scheduled_date": "2026-12-01 09:00:00",
        })
        interview.with_user(leader_user).answer_ids[0].leader_note = "RPC-HEMMELIGHED"
        self.authenticate("mus_rpc_hr", "mus_rpc_hr")
        result = self.make_jsonrpc_request("/web/dataset/call_kw/mus.interview/web_read", {
            "model": "mus.interview", "method": "web_read", "args": [interview.ids],
            "kwargs": {"specification": {"state": {}, "employee_id": {"fields": {"display_name": {}}},
                                         "answer_ids": {"fields": {"leader_note": {}}}}},
        })
        self.assertEqual(result[0]["state"], "draft")
        self.assertEqual(result[0]["answer_ids"], [])
        with self.assertRaises(Exception) as catcher, mute_logger("odoo.http"):
            self.make_jsonrpc_request("/web/dataset/call_kw/mus.interview.answer/read", {
                "model": "mus.interview.answer", "method": "read",
                "args": [interview.sudo().answer_ids[:1].ids, ["leader_note"]], "kwargs": {},
            })
        self.assertIn("AccessError", str(catcher.exception))
        found = self.make_jsonrpc_request("/web/dataset/call_kw/mus.interview.answer/search_count", {
            "model": "mus.interview.content", "method": "search_count",
            "args": [[("text", "ilike", "RPC-HEMMELIGHED")]], "kwargs": {},
        })
        self.assertEqual(found, 0)

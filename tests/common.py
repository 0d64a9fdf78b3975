"""What the MUS tests share: the users and employees of every role, the
helpers that drive a MUS through its workflow, and the constants and
functions more than one test module needs. Test modules import from here
only, never from each other.

The base classes: ``MusCommon`` (the people, a MUS, a goal, ``walk_to``),
``MusWorkflowCase`` (assertions and look-ups on a MUS, last year's MUS) and
``MusCycleCase`` (a department to launch a MUS cycle on).
"""
import base64
import hashlib
import hmac
import importlib.util
import subprocess
from collections import deque
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mus_odoo.mus_odoo.workflow import MUS_WORKFLOW, TRANSITIONS
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase

# Every to-do of the workflow, as it declares them.
ACTIVITY_TYPES = (*MUS_WORKFLOW.all_activity_types(), *MUS_WORKFLOW.discard_types)

# A tiny valid PNG, as the signature widget would send.
SIGNATURE = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082"
))


# The reports, and what the tours write in the answer sheet.
PLAN_REPORT = "mus_odoo.action_report_mus_development_plan"
SUMMARY_REPORT = "mus_odoo.action_report_mus_interview_summary"
EMPLOYEE_NOTE = "Jeg vil gerne lære at facilitere workshops."
LEADER_NOTE = "Emil er klar til mere ansvar."


def pdf_text(pdf):
    """The text of ``pdf`` as poppler's pdftotext reads it, in reading order,
    with every run of whitespace made one space (a table cell wraps its
    lines)."""
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(text.decode().split())


def load_migration(version, script="post-migrate"):
    """A migration script as Odoo runs it (its folder is not a package)."""
    path = Path(__file__).parents[1] / "migrations" / version / f"{script}.py"
    spec = importlib.util.spec_from_file_location(f"mus_migration_{version.replace('.', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def csrf_token(env, session):
    """The CSRF token of ``session`` for a form posted over HTTP in a test,
    as ``request.csrf_token()`` makes it (without expiry)."""
    secret = env["ir.config_parameter"].sudo().get_param("database.secret")
    return hmac.new(secret.encode("ascii"), session.sid.encode(), hashlib.sha1).hexdigest() + "o"


class MusCommon(TransactionCase):
    """One user per role, as in STYLE.md: an HR manager and officer, a leader
    with two team members, a second leader, and a colleague.

    No test depends on demo data: everything is created here.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Copenhagen", tracking_disable=False))
        cls.company = cls.env.company
        cls.user_hr_manager = mail_new_test_user(
            cls.env, login="mus_hr_manager", name="Hanne HR-chef",
            groups="base.group_user,mus_odoo.group_mus_manager",
        )
        cls.user_hr_officer = mail_new_test_user(
            cls.env, login="mus_hr_officer", name="Ole HR",
            groups="base.group_user,mus_odoo.group_mus_officer",
        )
        cls.user_leader = mail_new_test_user(cls.env, login="mus_leader", name="Lene Leder", groups="base.group_user")
        cls.user_employee = mail_new_test_user(
            cls.env, login="mus_employee", name="Erik Medarbejder", groups="base.group_user",
        )
        cls.user_colleague = mail_new_test_user(
            cls.env, login="mus_colleague", name="Karen Kollega", groups="base.group_user",
        )
        cls.user_other_leader = mail_new_test_user(
            cls.env, login="mus_other_leader", name="Ove Leder", groups="base.group_user",
        )
        Employee = cls.env["hr.employee"]
        cls.leader = Employee.create({"name": "Lene Leder", "user_id": cls.user_leader.id})
        cls.other_leader = Employee.create({"name": "Ove Leder", "user_id": cls.user_other_leader.id})
        cls.employee = Employee.create({
            "name": "Erik Medarbejder", "user_id": cls.user_employee.id, "parent_id": cls.leader.id,
        })
        cls.colleague = Employee.create({
            "name": "Karen Kollega", "user_id": cls.user_colleague.id, "parent_id": cls.leader.id,
        })
        cls.template = cls.env.ref("mus_odoo.template_mus_interview")
        cls.date = datetime(2026, 12, 1, 9, 0)

    # Helpers -------------------------------------------------------------
    def create_interview(self, employee=None, user=None, **vals):
        return self.env["mus.interview"].with_user(user or self.user_leader).create({
            "employee_id": (employee or self.employee).id,
            "template_id": self.template.id,
            "year": 2026,
            "scheduled_date": self.date,
            "location": "Mødelokale 2",
            **vals,
        })

    def as_leader(self, interview):
        return interview.with_user(self.user_leader)

    def as_employee(self, interview):
        return interview.with_user(self.user_employee)

    def add_goal(self, interview, **vals):
        leader_user = interview.sudo().leader_user_id
        interview.with_user(leader_user).plan_id.write({"goal_ids": [Command.create({
            "name": "Lære at facilitere workshops",
            "actions": "Kursus i facilitering; holde to workshops i teamet",
            "supporters": "Kollega med erfaring",
            "deadline": "2027-06-30",
            "responsible_id": interview.sudo().employee_id.id,
            "budget": 4500,
            **vals,
        })]})
        return interview.plan_id.goal_ids[-1:]

    def walk_to(self, interview, state):
        """Drive ``interview`` through the real workflow up to ``state``, from
        wherever it is: along the primary transitions of the declaration
        (``workflow_path``), each fired by its actor (a joint one by each of
        its actors), the interview's own employee and leader acting, with the
        inputs the step needs (``STEP_INPUTS``)."""
        sudo = interview.sudo()
        for transition in workflow_path(sudo.state, state):
            kwargs = {}
            for name in (transition.name, *(req.name for req in transition.requires)):
                if name in STEP_INPUTS:
                    kwargs.update(STEP_INPUTS[name](self, interview) or {})
            # An input can itself make the step (the last checkpoint done closes the MUS).
            if sudo.state != transition.target:
                for actor in step_actors(transition):
                    user = self.actor_user(interview, actor)
                    getattr(interview.with_user(user), transition.method)(**kwargs)
            self.assertEqual(sudo.state, transition.target)
        self.assertEqual(sudo.state, state)
        return interview

    def actor_user(self, interview, actor):
        """The user who acts as ``actor`` (a workflow role) on ``interview``."""
        sudo = interview.sudo()
        return {
            "employee": sudo.employee_user_id, "leader": sudo.leader_user_id, "hr": self.user_hr_officer,
        }[actor]

    def complete_follow_up(self, interview):
        """Every open follow-up checkpoint of ``interview`` done, by its leader."""
        sudo = interview.sudo()
        for checkpoint in sudo.follow_up_ids.filtered(lambda checkpoint: checkpoint.state == "planned"):
            checkpoint.with_user(sudo.leader_user_id).action_complete(note="Fulgt op")

    def ensure_complete_goal(self, interview):
        """A complete goal in the plan of ``interview`` (one added if none)."""
        if not interview.sudo().plan_id.goal_ids.filtered("is_complete"):
            self.add_goal(interview)


# Who acts first where a step allows (or, joint, needs) several roles: the
# leader, as in the meeting (the leader signs first).
ACTOR_ORDER = ("leader", "employee", "hr")

# What ``walk_to`` supplies for a step, by requirement (or transition) name:
# ``f(case, interview)`` does the work the step waits for and returns the
# keyword arguments of its action, if any.
STEP_INPUTS = {
    "complete_goal": lambda case, interview: case.ensure_complete_goal(interview),
    "signature": lambda case, interview: {"signature": SIGNATURE},
    "follow_up_complete": lambda case, interview: case.complete_follow_up(interview),
}


def step_actors(transition):
    """Who fires ``transition`` in ``walk_to``: each actor of a joint step,
    else the first of its actors, in ``ACTOR_ORDER``."""
    actors = sorted(transition.actors, key=lambda actor: ACTOR_ORDER.index(actor))
    return actors if transition.joint else actors[:1]


def workflow_path(source, target):
    """The shortest chain of primary, state-changing transitions of the
    declaration from ``source`` to ``target`` (breadth-first: postponing,
    declining and cancelling are not on the way anywhere)."""
    steps = [t for t in TRANSITIONS if t.primary and t.target is not None]
    paths = {source: []}
    queue = deque([source])
    while queue:
        state = queue.popleft()
        if state == target:
            return paths[state]
        for transition in steps:
            if state in transition.sources and transition.target not in paths:
                paths[transition.target] = [*paths[state], transition]
                queue.append(transition.target)
    raise AssertionError(f"the workflow has no primary path from {source!r} to {target!r}")


class MusWorkflowCase(MusCommon):
    """Assertions and look-ups on a MUS, and a MUS of a past year."""

    def held_interview(self, year, state="done", goals=("Lære at facilitere workshops",)):
        """A MUS of a past year, held with its goals and walked on to ``state``."""
        interview = self.create_interview(year=year, scheduled_date=datetime(year, 12, 1, 9, 0))
        self.walk_to(interview, "interview")
        for name in goals:
            self.add_goal(interview, name=name)
        return self.walk_to(interview, state)

    @contextmanager
    def assertUserError(self, *fragments):
        """A UserError that is not an AccessError, whose message holds ``fragments``."""
        with self.assertRaises(UserError) as catcher:
            yield catcher
        self.assertNotIsInstance(catcher.exception, AccessError)
        for fragment in fragments:
            self.assertIn(fragment, catcher.exception.args[0])

    def activities(self, interview):
        """The open activities of ``interview`` as {(type xml id, user)}."""
        interview.invalidate_recordset(["activity_ids"])
        names = {self.env.ref(xmlid).id: xmlid for xmlid in ACTIVITY_TYPES}
        return {
            (names.get(activity.activity_type_id.id, activity.activity_type_id.name), activity.user_id)
            for activity in interview.sudo().activity_ids
        }

    def messages_to_employee(self, interview, text):
        """Comments on ``interview`` holding ``text`` addressed to the employee."""
        return self.env["mail.message"].search([
            ("model", "=", "mus.interview"), ("res_id", "=", interview.id),
            ("message_type", "=", "comment"), ("body", "ilike", text),
            ("partner_ids", "in", self.employee.work_contact_id.ids),
        ])


class MusCycleCase(MusWorkflowCase):
    """A department of its own (no test depends on demo data): the leader and
    their two team members, an employee without a leader and one whose leader
    has no user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.department = cls.env["hr.department"].create({"name": "Dagtilbud Test"})
        cls.sub_department = cls.env["hr.department"].create({
            "name": "Vuggestue Test", "parent_id": cls.department.id,
        })
        cls.leader_without_user = Employee.create({"name": "Ulla Uden Bruger", "department_id": cls.department.id})
        # Otto and Nina have portal users: only their leader stands in the way.
        portal_users = cls.env["res.users"].with_context(no_reset_password=True).create([
            {"name": name, "login": login, "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)]}
            for name, login in (("Otto Uden Leder", "mus_otto"), ("Nina Nabo", "mus_nina"))
        ])
        cls.orphan = Employee.create({
            "name": "Otto Uden Leder", "department_id": cls.department.id, "user_id": portal_users[0].id,
        })
        cls.unreachable = Employee.create({
            "name": "Nina Nabo", "parent_id": cls.leader_without_user.id, "department_id": cls.department.id,
            "user_id": portal_users[1].id,
        })
        (cls.leader | cls.employee).department_id = cls.department
        cls.colleague.department_id = cls.sub_department
        cls.targeted = (
            cls.leader | cls.employee | cls.colleague | cls.leader_without_user | cls.orphan | cls.unreachable
        )

    def create_cycle(self, user=None, **vals):
        return self.env["mus.cycle"].with_user(user or self.user_hr_officer).create({
            "name": "MUS 2026",
            "date_from": date(2026, 1, 1),
            "date_to": date(2026, 12, 31),
            "department_ids": [(6, 0, self.department.ids)],
            "template_id": self.template.id,
            "date_invitations": date(2026, 3, 1),
            "date_interviews": date(2026, 5, 31),
            **vals,
        })

    def launch(self, cycle=None, **vals):
        cycle = cycle or self.create_cycle(**vals)
        cycle.with_user(self.user_hr_officer).action_launch()
        return cycle

import base64
import hashlib
import hmac
from contextlib import contextmanager
from datetime import datetime

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mus_odoo.mus_odoo.workflow import MUS_WORKFLOW
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase

# Every to-do of the workflow, as it declares them.
ACTIVITY_TYPES = (*MUS_WORKFLOW.all_activity_types(), *MUS_WORKFLOW.discard_types)

# The happy path of the workflow, in order.
STEPS = ("draft", "invited", "preparation", "interview", "signing", "follow_up", "done")

# A tiny valid PNG, as the signature widget would send.
SIGNATURE = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082"
))


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
        wherever it is, acting as the interview's own employee and leader."""
        sudo = interview.sudo()
        employee = interview.with_user(sudo.employee_user_id)
        leader = interview.with_user(sudo.leader_user_id)
        for step in STEPS[STEPS.index(interview.state) + 1 : STEPS.index(state) + 1]:
            if step == "invited":
                leader.action_invite()
            elif step == "preparation":
                employee.action_accept()
            elif step == "interview":
                leader.action_start_interview()
            elif step == "signing":
                if not sudo.plan_id.goal_ids.filtered("is_complete"):
                    self.add_goal(interview)
                leader.action_request_signatures()
            elif step == "follow_up":
                leader.action_sign(signature=SIGNATURE)
                employee.action_sign(signature=SIGNATURE)
            elif step == "done":
                for checkpoint in sudo.follow_up_ids:
                    checkpoint.with_user(sudo.leader_user_id).action_complete(note="Fulgt op")
            self.assertEqual(sudo.state, step)
        self.assertEqual(sudo.state, state)
        return interview


class MusWorkflowCase(MusCommon):
    """Helpers shared by the MUS tests (the other test modules import it)."""

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

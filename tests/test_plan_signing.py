from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SIGNATURE, MusWorkflowCase

NOW = datetime(2026, 12, 1, 11, 0)


@tagged("post_install", "-at_install", "workflow")
class TestMusPlanSigning(MusWorkflowCase):
    """Each party signs the development plan only as themself; changing the
    signed content clears (one signature) or is refused (both)."""

    def setUp(self):
        super().setUp()
        self.interview = self.walk_to(self.create_interview(), "signing")
        self.plan = self.interview.plan_id
        self.goal = self.plan.goal_ids

    def assertUnsigned(self, prefix):
        self.plan.invalidate_recordset()
        self.assertRecordValues(self.plan, [{
            f"{prefix}_signature": False, f"{prefix}_signed_by": False, f"{prefix}_signed_on": False,
        }])

    def sign_notes(self):
        return self.interview.message_ids.filtered(
            lambda m: "signatures of" in (m.body or "") and m.subtype_id == self.env.ref("mail.mt_note")
        )

    # ------------------------------------------------------------------
    # Signing
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_employee_signature_lands_on_employee(self):
        self.as_employee(self.interview).action_sign(signature=SIGNATURE)
        self.assertRecordValues(self.plan, [{
            "employee_signed_by": self.user_employee.id, "employee_signed_on": NOW, "is_signed": False,
        }])
        self.assertEqual(self.plan.employee_signature, SIGNATURE)
        self.assertUnsigned("leader")
        self.assertEqual(self.interview.state, "signing")
        self.assertRecordValues(self.interview, [{
            "plan_employee_signed_by": self.user_employee.id, "plan_leader_signed_by": False,
        }])

    @freeze_time(NOW)
    def test_leader_signature_lands_on_leader(self):
        self.as_leader(self.interview).action_sign(signature=SIGNATURE)
        self.assertRecordValues(self.plan, [{
            "leader_signed_by": self.user_leader.id, "leader_signed_on": NOW, "is_signed": False,
        }])
        self.assertEqual(self.plan.leader_signature, SIGNATURE)
        self.assertUnsigned("employee")
        self.assertEqual(self.interview.with_user(self.user_leader).can_sign, False)
        self.assertEqual(self.interview.with_user(self.user_employee).can_sign, True)

        self.as_employee(self.interview).action_sign(signature=SIGNATURE)
        self.assertRecordValues(self.plan, [{
            "employee_signed_by": self.user_employee.id, "leader_signed_by": self.user_leader.id,
            "is_signed": True, "signed_on": NOW,
        }])
        self.assertEqual(self.interview.state, "follow_up")

    def test_sign_twice_refused(self):
        self.as_leader(self.interview).action_sign(signature=SIGNATURE)
        with self.assertRaises(UserError) as catcher:
            self.as_leader(self.interview).action_sign(signature=SIGNATURE)
        self.assertNotIsInstance(catcher.exception, AccessError)
        self.assertIn("You have already signed", catcher.exception.args[0])
        self.assertUnsigned("employee")

    def test_sign_requires_signature(self):
        for signature in (None, False, b""):
            with self.subTest(signature=signature), self.assertRaises(UserError) as catcher:
                self.as_employee(self.interview).action_sign(signature=signature)
            self.assertIn("Draw your signature", catcher.exception.args[0])
        self.assertUnsigned("employee")

    def test_only_parties_sign(self):
        for user in (self.user_hr_officer, self.user_hr_manager, self.user_colleague, self.user_other_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.interview.with_user(user).action_sign(signature=SIGNATURE)
        # sudo() is nobody: it signs neither as the employee nor as the leader.
        with self.assertRaises(AccessError):
            self.env["mus.interview"].browse(self.interview.id).sudo().action_sign(signature=SIGNATURE)
        with self.assertRaises(AccessError):
            self.interview.with_user(self.user_hr_officer).sudo().action_sign(signature=SIGNATURE)
        self.assertUnsigned("employee")
        self.assertUnsigned("leader")
        self.assertEqual(self.interview.state, "signing")

    def test_signature_fields_not_writable(self):
        for user in (self.user_employee, self.user_leader, self.user_hr_manager):
            for field_name, value in (
                ("employee_signature", SIGNATURE), ("leader_signature", SIGNATURE),
                ("employee_signed_by", user.id), ("leader_signed_on", NOW),
            ):
                with self.subTest(user=user.login, field=field_name), self.assertRaises(AccessError):
                    self.plan.with_user(user).write({field_name: value})
        self.assertUnsigned("employee")
        self.assertUnsigned("leader")

    def test_sign_in_wrong_state(self):
        interview = self.walk_to(self.create_interview(employee=self.colleague), "interview")
        with self.assertRaises(UserError) as catcher:
            interview.with_user(self.user_colleague).action_sign(signature=SIGNATURE)
        self.assertNotIsInstance(catcher.exception, AccessError)
        self.assertIn("Interview held", catcher.exception.args[0])
        self.assertIn("Request signatures", catcher.exception.args[0])

    def test_sign_wizard(self):
        action = self.as_employee(self.interview).action_open_sign_wizard()
        wizard = self.env[action["res_model"]].with_user(self.user_employee).with_context(
            **action["context"],
        ).create({"signature": SIGNATURE})
        self.assertEqual(wizard.signer_name, self.user_employee.name)
        self.assertEqual(wizard.party, "as the employee")
        wizard.action_sign()
        self.assertRecordValues(self.plan, [{"employee_signed_by": self.user_employee.id}])
        self.assertUnsigned("leader")
        with self.assertRaises(UserError) as catcher:
            self.as_employee(self.interview).action_open_sign_wizard()
        self.assertIn("You have already signed", catcher.exception.args[0])

    # ------------------------------------------------------------------
    # Re-sign rule
    # ------------------------------------------------------------------
    def test_change_after_one_signature_clears_it(self):
        self.as_leader(self.interview).action_sign(signature=SIGNATURE)
        self.assertFalse(self.sign_notes())
        self.goal.with_user(self.user_leader).write({"name": "Lære at lede workshops"})
        self.assertUnsigned("leader")
        self.assertEqual(self.interview.state, "signing")
        notes = self.sign_notes()
        self.assertEqual(len(notes), 1)
        self.assertIn(self.user_leader.name, notes.body)
        leader_sign = self.interview.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mus_odoo.mail_act_mus_sign")
            and a.user_id == self.user_leader
        )
        self.assertTrue(leader_sign, "the leader is asked to sign again")

    def test_change_after_employee_signature_clears_it(self):
        for vals in (
            {"deadline": "2027-09-30"},
            {"actions": "Et andet kursus"},
            {"responsible_id": self.leader.id},
            {"budget": 9000},
        ):
            with self.subTest(vals=vals):
                self.as_employee(self.interview).action_sign(signature=SIGNATURE)
                self.goal.with_user(self.user_leader).write(vals)
                self.assertUnsigned("employee")

    def test_new_goal_or_period_after_one_signature_clears_it(self):
        self.as_employee(self.interview).action_sign(signature=SIGNATURE)
        self.add_goal(self.interview, name="Nyt mål")
        self.assertUnsigned("employee")
        self.as_employee(self.interview).action_sign(signature=SIGNATURE)
        self.plan.with_user(self.user_leader).write({"date_end": "2027-12-31"})
        self.assertUnsigned("employee")
        self.as_employee(self.interview).action_sign(signature=SIGNATURE)
        self.plan.goal_ids[-1].with_user(self.user_leader).unlink()
        self.assertUnsigned("employee")

    def test_unchanged_values_or_progress_keep_signature(self):
        self.as_employee(self.interview).action_sign(signature=SIGNATURE)
        # The web client sends unchanged values back.
        self.goal.with_user(self.user_leader).write({"name": self.goal.name, "deadline": self.goal.deadline})
        self.goal.with_user(self.user_leader).write({"status": "in_progress", "progress": 10})
        self.plan.invalidate_recordset()
        self.assertEqual(self.plan.employee_signed_by, self.user_employee)
        self.assertFalse(self.sign_notes())

    def test_locked_after_both_signatures(self):
        self.as_leader(self.interview).action_sign(signature=SIGNATURE)
        self.as_employee(self.interview).action_sign(signature=SIGNATURE)
        self.assertEqual(self.interview.state, "follow_up")
        goal = self.goal.with_user(self.user_leader)
        for vals in ({"name": "Et andet mål"}, {"deadline": "2027-01-31"}, {"budget": 1}):
            with self.subTest(vals=vals), self.assertRaises(UserError) as catcher:
                goal.write(vals)
            self.assertIn("locked", catcher.exception.args[0])
        with self.assertRaises(UserError):
            self.add_goal(self.interview, name="Nyt mål")
        with self.assertRaises(UserError):
            goal.unlink()
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_leader).write({"date_end": "2027-12-31"})
        self.assertRecordValues(self.plan, [{"is_signed": True, "employee_signed_by": self.user_employee.id}])
        self.assertEqual(self.goal.name, "Lære at facilitere workshops")

        # Status and progress are not signed content: the leader records them.
        goal.write({"status": "in_progress", "progress": 40})
        self.assertRecordValues(self.goal, [{"status": "in_progress", "progress": 40}])
        self.assertRecordValues(self.plan, [{"is_signed": True}])
        with self.assertRaises(UserError):
            self.goal.with_user(self.user_employee).write({"progress": 90})
        self.assertEqual(self.goal.progress, 40)

    def test_only_leader_writes_plan(self):
        interview = self.walk_to(self.create_interview(employee=self.colleague), "interview")
        with self.assertRaises(AccessError):
            interview.plan_id.with_user(self.user_colleague).write({"goal_ids": [Command.create({
                "name": "Mit eget mål",
            })]})
        goal = self.add_goal(interview)
        with self.assertRaises(AccessError):
            goal.with_user(self.user_colleague).write({"name": "Ændret af medarbejderen"})
        with self.assertRaises(AccessError):
            goal.with_user(self.user_hr_officer).write({"name": "Ændret af HR"})
        self.assertEqual(goal.name, "Lære at facilitere workshops")

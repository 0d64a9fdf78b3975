from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SIGNATURE, MusWorkflowCase


@tagged("post_install", "-at_install", "workflow")
class TestMusPlanEditing(MusWorkflowCase):
    """The development plan is written where it is shown, in the MUS form:
    the leader adds, changes, reorders and removes goals while the plan is
    open (a change after one signature clears it, after both nothing
    changes), and records status and progress in follow-up. The form saves
    the goals through the interview's one2many, as the web client does
    (``web_save``); who may do what is as on the plan itself."""

    def setUp(self):
        super().setUp()
        self.interview = self.walk_to(self.create_interview(), "interview")
        self.goal = self.add_goal(self.interview)
        self.plan = self.interview.sudo().plan_id

    def mus_form(self, user):
        return Form(self.interview.with_user(user))

    def save_goals(self, user, commands, interview=None):
        """What the web client sends when the form's goal list is saved."""
        return (interview or self.interview).with_user(user).web_save(
            {"goal_ids": commands}, {"goal_ids": {"fields": {"name": {}, "status": {}, "progress": {}}}},
        )

    def clear_notes(self):
        return self.interview.sudo().message_ids.filtered(lambda m: "signatures of" in (m.body or ""))

    # ------------------------------------------------------------------
    # The leader, while the plan is open
    # ------------------------------------------------------------------
    def test_leader_adds_changes_reorders_and_removes_goals_in_the_form(self):
        form = self.mus_form(self.user_leader)
        with form.goal_ids.edit(0) as line:
            line.name = "Lære at lede workshops"
        with form.goal_ids.new() as line:
            line.name = "Bedre til Excel"
            line.actions = "E-læring"
            line.deadline = datetime(2027, 3, 31).date()
            line.responsible_id = self.employee
            line.sequence = 5
        form.save()
        goals = self.plan.goal_ids
        self.assertEqual(goals.mapped("name"), ["Bedre til Excel", "Lære at lede workshops"])

        # Reorder (the handle writes the sequences), then remove one.
        form = self.mus_form(self.user_leader)
        with form.goal_ids.edit(0) as line:
            line.sequence = 20
        form.save()
        self.plan.invalidate_recordset(["goal_ids"])
        self.assertEqual(self.plan.goal_ids.mapped("name"), ["Lære at lede workshops", "Bedre til Excel"])
        form = self.mus_form(self.user_leader)
        form.goal_ids.remove(1)
        form.save()
        self.assertEqual(self.plan.goal_ids.mapped("name"), ["Lære at lede workshops"])
        self.assertFalse(self.clear_notes(), "nobody had signed: nothing to clear")

    def test_leader_edits_goals_while_signing(self):
        self.walk_to(self.interview, "signing")
        form = self.mus_form(self.user_leader)
        with form.goal_ids.edit(0) as line:
            line.actions = "Kursus og to workshops"
        form.save()
        self.assertEqual(self.goal.actions, "Kursus og to workshops")

    def test_edit_in_the_form_after_one_signature_clears_it(self):
        self.walk_to(self.interview, "signing")
        for signer, prefix in ((self.user_employee, "employee"), (self.user_leader, "leader")):
            with self.subTest(signer=signer.login):
                self.interview.with_user(signer).action_sign(signature=SIGNATURE)
                notes_before = len(self.clear_notes())
                form = self.mus_form(self.user_leader)
                with form.goal_ids.edit(0) as line:
                    line.name = f"Mål ændret efter {prefix}s underskrift"
                form.save()
                self.plan.invalidate_recordset()
                self.assertRecordValues(self.plan, [{
                    f"{prefix}_signed_by": False, f"{prefix}_signed_on": False, "is_signed": False,
                }])
                self.assertFalse(self.plan[f"{prefix}_signature"])
                self.assertEqual(len(self.clear_notes()), notes_before + 1)
                self.assertIn(signer.name, self.clear_notes()[0].body)
                self.assertEqual(self.interview.state, "signing")

    def test_adding_or_removing_a_goal_after_one_signature_clears_it(self):
        self.walk_to(self.interview, "signing")
        self.interview.with_user(self.user_employee).action_sign(signature=SIGNATURE)
        self.save_goals(self.user_leader, [Command.create({"name": "Nyt mål"})])
        self.assertFalse(self.plan.employee_signed_on)
        self.interview.with_user(self.user_employee).action_sign(signature=SIGNATURE)
        self.save_goals(self.user_leader, [Command.delete(self.plan.goal_ids[-1].id)])
        self.assertFalse(self.plan.employee_signed_on)
        self.assertEqual(self.plan.goal_ids, self.goal)

    def test_progress_in_the_form_keeps_the_signature(self):
        self.walk_to(self.interview, "signing")
        self.interview.with_user(self.user_employee).action_sign(signature=SIGNATURE)
        form = self.mus_form(self.user_leader)
        with form.goal_ids.edit(0) as line:
            line.status = "in_progress"
            line.progress = 10
        form.save()
        self.assertRecordValues(self.goal, [{"status": "in_progress", "progress": 10}])
        self.assertEqual(self.plan.employee_signed_by, self.user_employee)

    # ------------------------------------------------------------------
    # Follow-up: status and progress only
    # ------------------------------------------------------------------
    def test_follow_up_status_and_progress_from_the_form(self):
        self.walk_to(self.interview, "follow_up")
        seal = self.plan.signed_hash
        form = self.mus_form(self.user_leader)
        with form.goal_ids.edit(0) as line:
            line.status = "in_progress"
            line.progress = 40
            # The signed texts are read-only in the form...
            with self.assertRaises(AssertionError):
                line.name = "Et andet mål"
        form.save()
        self.assertRecordValues(self.goal, [{"status": "in_progress", "progress": 40}])
        # ... and refused by the server, whatever is sent.
        for commands in (
            [Command.update(self.goal.id, {"name": "Et andet mål"})],
            [Command.update(self.goal.id, {"sequence": 99})],
            [Command.create({"name": "Nyt mål"})],
            [Command.delete(self.goal.id)],
        ):
            with self.subTest(commands=commands), self.assertUserError("locked"):
                self.save_goals(self.user_leader, commands)
        self.plan.invalidate_recordset()
        self.assertRecordValues(self.plan, [{"is_signed": True, "signed_hash": seal}])
        self.assertEqual(self.plan.goal_ids.mapped("name"), ["Lære at facilitere workshops"])
        self.assertFalse(self.env["mus.development.plan"]._mus_check_integrity())

    def test_closed_mus_keeps_its_goals(self):
        self.walk_to(self.interview, "done")
        with self.assertUserError():
            self.save_goals(self.user_leader, [Command.update(self.goal.id, {"progress": 90})])
        with self.assertUserError("locked"):
            self.save_goals(self.user_leader, [Command.update(self.goal.id, {"name": "Senere"})])

    # ------------------------------------------------------------------
    # Everyone else, in every state the plan shows
    # ------------------------------------------------------------------
    def test_goal_edits_through_the_mus_by_role_and_state(self):
        before = self.walk_to(self.create_interview(employee=self.colleague), "preparation")
        with self.subTest(state="preparation"), self.assertUserError():
            self.save_goals(self.user_leader, [Command.create({"name": "For tidligt"})], interview=before)
        self.assertFalse(before.sudo().plan_id.goal_ids)

        for state in ("interview", "signing", "follow_up"):
            self.walk_to(self.interview, state)
            for user in (self.user_employee, self.user_hr_officer, self.user_hr_manager, self.user_colleague):
                for commands in (
                    [Command.update(self.goal.id, {"name": "Ændret af en anden"})],
                    [Command.update(self.goal.id, {"progress": 77})],
                    [Command.create({"name": "Andres mål"})],
                    [Command.delete(self.goal.id)],
                ):
                    with self.subTest(state=state, user=user.login, commands=commands[0][0]), \
                            self.assertRaises(UserError):
                        self.save_goals(user, commands)
            self.goal.invalidate_recordset()
            self.assertRecordValues(self.plan.goal_ids, [{
                "name": "Lære at facilitere workshops", "progress": 0,
            }])
        # The employee reads the plan in the form; the form does not let them edit it.
        form = self.mus_form(self.user_employee)
        with self.assertRaises(AssertionError):
            form.goal_ids.new()


@tagged("post_install", "-at_install", "workflow")
class TestMusContinuedGoal(MusWorkflowCase):
    """A goal of last year's plan the review marks "continue" is proposed as
    a goal of the new plan, once, and withdrawn when unmarked."""

    def setUp(self):
        super().setUp()
        last = self.create_interview(year=2025, scheduled_date=datetime(2025, 12, 1, 9, 0))
        self.walk_to(last, "interview")
        self.add_goal(last, name="Lære at facilitere workshops", supporters="Mentor")
        self.walk_to(last, "done")
        self.last_goal = last.sudo().plan_id.goal_ids
        self.interview = self.walk_to(self.create_interview(year=2026), "interview")
        self.review = self.interview.review_ids
        self.plan = self.interview.sudo().plan_id

    def test_continue_proposes_the_goal_once(self):
        review = self.review.with_user(self.user_leader)
        review.write({"continue_work": True, "continue_note": "Facilitere for hele afdelingen"})
        self.assertRecordValues(self.plan.goal_ids, [{
            "name": "Lære at facilitere workshops",
            "actions": "Facilitere for hele afdelingen",
            "supporters": "Mentor",
            "responsible_id": self.employee.id,
            "deadline": False,
            "is_complete": False,
            "review_id": self.review.id,
        }])
        # Unticked: withdrawn; ticked twice: still one.
        review.write({"continue_work": False})
        self.assertFalse(self.plan.goal_ids)
        review.write({"continue_work": True})
        review.write({"continue_work": True})
        self.assertEqual(len(self.plan.goal_ids), 1)
        self.assertEqual(self.plan.goal_ids.actions, "Facilitere for hele afdelingen")
        # Without a note of what to continue, last year's actions are proposed.
        review.write({"continue_work": False, "continue_note": False})
        review.write({"continue_work": True})
        self.assertEqual(self.plan.goal_ids.actions, self.last_goal.actions)

    def test_continue_in_the_form_with_other_goal_edits(self):
        """Ticked in the review and a goal typed in the same save."""
        form = Form(self.interview.with_user(self.user_leader))
        with form.review_ids.edit(0) as line:
            line.continue_work = True
        with form.goal_ids.new() as line:
            line.name = "Bedre til Excel"
        form.save()
        self.plan.invalidate_recordset(["goal_ids"])
        self.assertEqual(
            sorted(self.plan.goal_ids.mapped("name")), ["Bedre til Excel", "Lære at facilitere workshops"],
        )
        # The leader completes the proposed goal in the form and asks for signatures.
        form = Form(self.interview.with_user(self.user_leader))
        index = self.plan.goal_ids.mapped("name").index("Lære at facilitere workshops")
        with form.goal_ids.edit(index) as line:
            line.deadline = datetime(2027, 6, 30).date()
        form.save()
        self.assertTrue(self.plan.goal_ids.filtered("review_id").is_complete)
        self.interview.with_user(self.user_leader).action_request_signatures()
        self.assertEqual(self.interview.state, "signing")

    def test_only_the_leader_proposes(self):
        for user in (self.user_employee, self.user_hr_officer, self.user_colleague):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.review.with_user(user).write({"continue_work": True})
        self.assertFalse(self.plan.goal_ids)


@tagged("post_install", "-at_install", "access_rights")
class TestMusGoalStaysInItsPlan(MusWorkflowCase):
    """A goal never changes interview or plan: not to record its progress
    oneself, not into a signed plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Ove leads Lene: Lene is the employee of her own MUS and the leader of Erik's.
        cls.leader.parent_id = cls.other_leader

    def lenes_own_mus_and_eriks(self):
        own = self.walk_to(self.create_interview(employee=self.leader, user=self.user_other_leader), "follow_up")
        erik = self.walk_to(self.create_interview(), "follow_up")
        return own, erik

    def test_goal_interview_not_writable(self):
        """A goal's interview follows its plan: no party rewrites it."""
        own, erik = self.lenes_own_mus_and_eriks()
        goal = own.sudo().plan_id.goal_ids
        with self.assertRaises(AccessError):
            goal.with_user(self.user_leader).write({"interview_id": erik.id})
        goal.invalidate_recordset()
        self.assertEqual(goal.sudo().interview_id, own)

    def test_goal_stays_with_its_interview(self):
        """Lene, employee of her own MUS and leader of Erik's, cannot attach
        her goal to Erik's MUS to record its progress herself; it stays
        readable by her own leader only."""
        own, erik = self.lenes_own_mus_and_eriks()
        goal = own.sudo().plan_id.goal_ids
        lene = self.user_leader  # Lene
        for vals in ({"interview_id": erik.id}, {"progress": 100, "status": "reached"}):
            with self.assertRaises(AccessError):
                goal.with_user(lene).write(vals)
        goal.invalidate_recordset()
        self.assertRecordValues(goal.sudo(), [{"progress": 0, "status": "not_started"}])
        Goal = self.env["mus.development.goal"]
        self.assertFalse(Goal.with_user(self.user_employee).search([("id", "=", goal.id)]))
        self.assertTrue(Goal.with_user(self.user_other_leader).search([("id", "=", goal.id)]))

    def test_goal_not_moved_into_a_signed_plan(self):
        """A goal never changes plan: a leader cannot slip one into a plan
        both parties have signed (which would also wipe its signatures)."""
        signed = self.walk_to(self.create_interview(employee=self.colleague), "follow_up")
        signed_plan = signed.sudo().plan_id
        mine = self.walk_to(self.create_interview(), "interview")
        goal = self.add_goal(mine, name="Indsmuglet mål")
        with self.assertRaises(AccessError):
            goal.with_user(self.user_leader).write({"plan_id": signed_plan.id})
        signed_plan.invalidate_recordset()
        self.assertNotIn("Indsmuglet mål", signed_plan.goal_ids.mapped("name"))
        self.assertTrue(signed_plan.is_signed)

"""Regression tests for holes found by probing the ORM as each role: moving
lines between interviews or plans, forging stored computations, carrying one
employee's past into another's MUS, and wizards that name foreign interviews.
"""
from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "access_rights")
class TestMusHardeningProbe(MusWorkflowCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Ove leads Lene: Lene is the employee of her own MUS and the leader of Erik's.
        cls.leader.parent_id = cls.other_leader

    def held_last_year(self):
        last = self.create_interview(year=2025, scheduled_date=datetime(2025, 12, 1, 9, 0))
        self.walk_to(last, "interview")
        self.add_goal(last, name="Sidste års hemmelige mål")
        return self.walk_to(last, "follow_up")

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

    def test_plan_computed_fields_not_writable(self):
        """Whether and when the plan was signed, and its parties, are
        computed: the employee, the leader and HR cannot forge them."""
        interview = self.walk_to(self.create_interview(), "follow_up")
        plan = interview.sudo().plan_id
        before = plan.read(["is_signed", "signed_on", "employee_id", "leader_id"])[0]
        for user in (self.user_employee, self.user_leader, self.user_hr_officer):
            for vals in (
                {"is_signed": False}, {"signed_on": datetime(2020, 1, 1)},
                {"employee_id": self.colleague.id}, {"leader_id": self.other_leader.id},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    plan.with_user(user).write(vals)
        plan.invalidate_recordset()
        self.assertEqual(plan.read(list(before))[0], before)

    def test_goal_completeness_not_writable(self):
        """Completeness is computed: marking an incomplete goal complete
        (to request signatures) is refused."""
        interview = self.walk_to(self.create_interview(), "interview")
        goal = self.add_goal(interview, actions=False, deadline=False)
        self.assertFalse(goal.is_complete)
        with self.assertRaises(AccessError):
            goal.with_user(self.user_employee).write({"is_complete": True})
        goal.invalidate_recordset()
        self.assertFalse(goal.is_complete)

    def test_answer_related_fields_not_writable(self):
        """An answer's theme and order come from its question: the employee
        cannot rewrite them, even on a closed MUS."""
        interview = self.walk_to(self.create_interview(), "done")
        answer = interview.sudo().answer_ids[0]
        before = answer.read(["theme_id", "question_sequence"])[0]
        other_theme = interview.sudo().answer_ids.theme_id - answer.theme_id
        for vals in ({"theme_id": other_theme[:1].id}, {"question_sequence": 999}):
            with self.assertRaises(AccessError):
                answer.with_user(self.user_employee).write(vals)
        answer.invalidate_recordset()
        self.assertEqual(answer.read(list(before))[0], before)

    def test_employee_change_brings_their_own_past(self):
        """When the leader corrects the employee of a planned MUS, the new
        employee gets their own past: nothing of the first employee's last
        plan stays readable."""
        self.held_last_year()
        interview = self.create_interview()
        self.assertTrue(interview.review_ids)
        self.as_leader(interview).write({"employee_id": self.colleague.id})
        reviews = self.env["mus.goal.review"].with_user(self.user_colleague).search([])
        self.assertFalse(reviews.mapped("goal"))
        self.assertFalse(interview.with_user(self.user_colleague).previous_interview_id)

    def test_wizard_on_foreign_interview_refused(self):
        """A colleague cannot open the postpone/cancel or sign wizard on a
        MUS they may not read (it would reveal its name and employee)."""
        interview = self.create_interview()
        for model, vals in (
            ("mus.reason.wizard", {"reason": "x"}),
            ("mus.sign.wizard", {}),
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_colleague).create(dict(vals, interview_id=interview.id))

    def test_company_moves_only_by_hr(self):
        """A leader cannot move a MUS into another company, where other HR
        would see it; HR can, while it is planned."""
        company_2 = self.env["res.company"].create({"name": "Anden kommune"})
        self.user_leader.company_ids |= company_2
        interview = self.create_interview()
        with self.assertRaises(AccessError):
            interview.with_user(self.user_leader).with_context(
                allowed_company_ids=(self.company | company_2).ids,
            ).write({"company_id": company_2.id})
        self.assertEqual(interview.company_id, self.company)

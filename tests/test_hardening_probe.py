"""Regression tests for holes found by probing the ORM as each role: moving
lines between interviews or plans, forging stored computations, carrying one
employee's past into another's MUS, and wizards that name foreign interviews.
"""
from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_workflow import MusWorkflowCase


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

    # HOLE 1 -------------------------------------------------------------
    def test_01_goal_interview_id_writable(self):
        """mus.development.goal.interview_id is a stored related field and
        MusDevelopmentGoal.write guards only _SIGNED_FIELDS and status/progress:
        a party (here Lene, as the *employee* of her own MUS) rewrites it freely."""
        own, erik = self.lenes_own_mus_and_eriks()
        goal = own.sudo().plan_id.goal_ids
        with self.assertRaises(UserError):
            goal.with_user(self.user_leader).write({"interview_id": erik.id})
        goal.invalidate_recordset()
        self.assertEqual(goal.sudo().interview_id, own)

    def test_01b_goal_interview_id_grants_progress_and_read(self):
        """Consequence of 01: the progress check and the record rules read
        goal.interview_id. After re-pointing her own goal to Erik's MUS (which
        she leads), Lene marks her OWN goal reached/100 % (only her leader Ove
        may), Erik can read her goal, and Ove can no longer see it."""
        own, erik = self.lenes_own_mus_and_eriks()
        goal = own.sudo().plan_id.goal_ids
        lene = self.user_leader  # Lene
        for vals in ({"interview_id": erik.id}, {"progress": 100, "status": "reached"}):
            with self.assertRaises(UserError):
                goal.with_user(lene).write(vals)
        goal.invalidate_recordset()
        self.assertRecordValues(goal.sudo(), [{"progress": 0, "status": "not_started"}])
        Goal = self.env["mus.development.goal"]
        self.assertFalse(Goal.with_user(self.user_employee).search([("id", "=", goal.id)]))
        self.assertTrue(Goal.with_user(self.user_other_leader).search([("id", "=", goal.id)]))

    # HOLE 2 -------------------------------------------------------------
    def test_02_goal_moved_into_signed_plan(self):
        """goal.write({'plan_id': X}) checks only the goal's OLD plan
        (records_changing(...).plan_id is read before the write): the leader,
        with one MUS in 'interview', moves a goal into the plan of another MUS
        they lead that both parties have signed (follow_up). The locked, signed
        plan gets a new goal; _content_changed then wipes both signatures while
        the MUS stays in follow_up, where nobody can sign again."""
        signed = self.walk_to(self.create_interview(employee=self.colleague), "follow_up")
        signed_plan = signed.sudo().plan_id
        mine = self.walk_to(self.create_interview(), "interview")
        goal = self.add_goal(mine, name="Indsmuglet mål")
        with self.assertRaises(UserError):
            goal.with_user(self.user_leader).write({"plan_id": signed_plan.id})
        signed_plan.invalidate_recordset()
        self.assertNotIn("Indsmuglet mål", signed_plan.goal_ids.mapped("name"))
        self.assertTrue(signed_plan.is_signed)

    # HOLE 3 -------------------------------------------------------------
    def test_03_plan_stored_computed_fields_writable(self):
        """is_signed / signed_on (stored computed) and employee_id / leader_id
        (stored related) of a signed plan are written by the employee, the
        leader or HR: 'signed by both' and its date are forged, the parties
        shown on the plan changed."""
        interview = self.walk_to(self.create_interview(), "follow_up")
        plan = interview.sudo().plan_id
        before = plan.read(["is_signed", "signed_on", "employee_id", "leader_id"])[0]
        for user in (self.user_employee, self.user_leader, self.user_hr_officer):
            for vals in (
                {"is_signed": False}, {"signed_on": datetime(2020, 1, 1)},
                {"employee_id": self.colleague.id}, {"leader_id": self.other_leader.id},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    plan.with_user(user).write(vals)
        plan.invalidate_recordset()
        self.assertEqual(plan.read(list(before))[0], before)

    def test_04_goal_is_complete_writable(self):
        """is_complete (stored computed) is writable by any party, in any
        state: forging it satisfies REQ_GOAL ('one complete goal') for
        request_signatures/sign with an incomplete plan."""
        interview = self.walk_to(self.create_interview(), "interview")
        goal = self.add_goal(interview, actions=False, deadline=False)
        self.assertFalse(goal.is_complete)
        with self.assertRaises(UserError):
            goal.with_user(self.user_employee).write({"is_complete": True})
        goal.invalidate_recordset()
        self.assertFalse(goal.is_complete)

    def test_05_answer_stored_related_fields_writable(self):
        """theme_id / question_sequence (stored related) of an answer are
        written by the employee even after the MUS is done."""
        interview = self.walk_to(self.create_interview(), "done")
        answer = interview.sudo().answer_ids[0]
        before = answer.read(["theme_id", "question_sequence"])[0]
        other_theme = interview.sudo().answer_ids.theme_id - answer.theme_id
        for vals in ({"theme_id": other_theme[:1].id}, {"question_sequence": 999}):
            with self.assertRaises(UserError):
                answer.with_user(self.user_employee).write(vals)
        answer.invalidate_recordset()
        self.assertEqual(answer.read(list(before))[0], before)

    # HOLE 4 -------------------------------------------------------------
    def test_06_employee_change_leaks_previous_plan(self):
        """The leader corrects the employee of a draft MUS (Erik -> Karen):
        the reviews of ERIK's last plan and previous_interview_id stay on it,
        and Karen reads Erik's goals."""
        self.held_last_year()
        interview = self.create_interview()
        self.assertTrue(interview.review_ids)
        self.as_leader(interview).write({"employee_id": self.colleague.id})
        reviews = self.env["mus.goal.review"].with_user(self.user_colleague).search([])
        self.assertFalse(reviews.mapped("goal"))
        self.assertFalse(interview.with_user(self.user_colleague).previous_interview_id)

    # HOLE 5 -------------------------------------------------------------
    def test_07_wizard_on_foreign_interview(self):
        """A colleague creates mus.reason.wizard / mus.sign.wizard with any
        interview id and reads its name and employee (related fields and
        many2one display names are read as superuser): enumerates who has a
        MUS in which year."""
        interview = self.create_interview()
        for model, vals in (
            ("mus.reason.wizard", {"reason": "x"}),
            ("mus.sign.wizard", {}),
        ):
            with self.subTest(model=model):
                try:
                    wizard = self.env[model].with_user(self.user_colleague).create(
                        dict(vals, interview_id=interview.id))
                    data = wizard.read(["interview_id"])[0]
                except AccessError:
                    continue
                self.assertFalse(data["interview_id"], data)

    def test_08_company_moves_only_by_hr(self):
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

from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "workflow")
class TestMusPreviousPlan(MusWorkflowCase):
    """Next year's MUS starts from last year's plan ("Siden sidste MUS")."""

    def test_next_year_reviews_last_plan(self):
        last = self.held_interview(2025, goals=("Lære at facilitere workshops", "Bedre til Excel"))
        goals = last.plan_id.goal_ids
        self.assertEqual(len(goals), 2)

        interview = self.create_interview(year=2026)
        self.assertRecordValues(interview, [{"previous_interview_id": last.id}])
        self.assertRecordValues(interview.review_ids, [
            {"previous_goal_id": goals[0].id, "goal": "Lære at facilitere workshops", "reached": False},
            {"previous_goal_id": goals[1].id, "goal": "Bedre til Excel", "reached": False},
        ])
        # The leader reviews them in the interview; the employee reads them.
        self.walk_to(interview, "interview")
        review = interview.review_ids[0].with_user(self.user_leader)
        review.write({"reached": "yes", "what_led": "Kurset", "continue_work": False})
        self.assertEqual(interview.review_ids[0].with_user(self.user_employee).reached, "yes")

    def test_review_follows_the_template(self):
        """Only a template with a review theme brings last year's goals in;
        switching a planned MUS to one without it drops them, and back."""
        self.held_interview(2025)
        preparation_template = self.env.ref("mus_odoo.template_mus_employee_preparation")
        self.assertFalse(preparation_template.theme_ids.filtered("review_previous_plan"))
        interview = self.create_interview(year=2026, template_id=preparation_template.id)
        self.assertTrue(interview.previous_interview_id)
        self.assertFalse(interview.review_ids)
        self.as_leader(interview).template_id = self.template
        self.assertEqual(interview.review_ids.mapped("goal"), ["Lære at facilitere workshops"])
        self.as_leader(interview).template_id = preparation_template
        self.assertFalse(interview.review_ids)

    def test_previous_plan_in_follow_up_counts(self):
        last = self.held_interview(2025, state="follow_up")
        interview = self.create_interview(year=2026)
        self.assertEqual(interview.previous_interview_id, last)
        self.assertEqual(interview.review_ids.previous_goal_id, last.plan_id.goal_ids)

    def test_cancelled_interview_is_not_previous(self):
        older = self.held_interview(2024, goals=("Mål fra 2024",))
        cancelled = self.create_interview(year=2025, scheduled_date=datetime(2025, 12, 1, 9, 0))
        self.walk_to(cancelled, "interview")
        self.add_goal(cancelled, name="Mål fra 2025")
        self.as_leader(cancelled).action_cancel(reason="Lederen stoppede")

        interview = self.create_interview(year=2026)
        self.assertEqual(interview.previous_interview_id, older)
        self.assertEqual(interview.review_ids.mapped("goal"), ["Mål fra 2024"])

    def test_only_cancelled_before(self):
        cancelled = self.create_interview(year=2025, scheduled_date=datetime(2025, 12, 1, 9, 0))
        self.as_leader(cancelled).action_cancel(reason="Fejloprettet")
        interview = self.create_interview(year=2026)
        self.assertFalse(interview.previous_interview_id)
        self.assertFalse(interview.review_ids)

    def test_first_mus_has_no_previous(self):
        interview = self.create_interview()
        self.assertFalse(interview.previous_interview_id)
        self.assertFalse(interview.review_ids)
        other = self.held_interview(2025)
        self.assertFalse(self.create_interview(employee=self.colleague).previous_interview_id)
        self.assertTrue(other.plan_id.goal_ids)


@tagged("post_install", "-at_install", "workflow")
class TestMusPreviousPlanRelinked(MusWorkflowCase):
    """Next year's MUS launched before this year's is held (HR launches
    next year's round in December) reviews this year's plan once it is held
    and signed: its previous MUS and its review lines follow."""

    def setUp(self):
        super().setUp()
        self.last = self.held_interview(2025, goals=("Mål fra 2025",))
        self.this = self.walk_to(self.create_interview(year=2026), "preparation")
        self.next = self.create_interview(year=2027, scheduled_date=datetime(2027, 12, 1, 9, 0))

    def test_next_year_follows_this_year_once_held_and_signed(self):
        self.assertEqual(self.next.previous_interview_id, self.last)
        self.assertEqual(self.next.review_ids.mapped("goal"), ["Mål fra 2025"])

        self.walk_to(self.this, "interview")
        self.assertEqual(self.next.previous_interview_id, self.this)
        self.assertFalse(self.next.review_ids, "this year's plan has no goals yet")

        self.add_goal(self.this, name="Mål fra 2026")
        self.add_goal(self.this, name="Andet mål fra 2026")
        self.walk_to(self.this, "follow_up")
        goals = self.this.sudo().plan_id.goal_ids
        self.assertEqual(self.next.previous_interview_id, self.this)
        self.assertRecordValues(self.next.review_ids, [
            {"previous_goal_id": goals[0].id, "goal": "Mål fra 2026", "previous_status": "not_started"},
            {"previous_goal_id": goals[1].id, "goal": "Andet mål fra 2026", "previous_status": "not_started"},
        ])

        # Held next year: last year's goals as they stand then.
        goals[0].with_user(self.user_leader).write({"status": "reached", "progress": 100})
        self.walk_to(self.next, "interview")
        self.assertRecordValues(self.next.review_ids, [
            {"goal": "Mål fra 2026", "previous_status": "reached", "previous_progress": 100},
            {"goal": "Andet mål fra 2026", "previous_status": "not_started", "previous_progress": 0},
        ])

    def test_another_employees_later_mus_is_not_relinked(self):
        colleague_next = self.create_interview(employee=self.colleague, year=2027)
        self.walk_to(self.this, "interview")
        self.assertEqual(self.next.previous_interview_id, self.this)
        self.assertFalse(colleague_next.previous_interview_id)
        self.assertFalse(colleague_next.review_ids)

    def test_review_text_is_kept_for_the_same_goal(self):
        """A line already written in (as superuser here: a MUS not held is
        not reviewed yet) keeps its text when it follows the goal that
        continues it, or stays when no goal does."""
        old_line = self.next.review_ids
        old_line.sudo().write({"what_led": "Skrevet før", "reached": "partly"})

        self.walk_to(self.this, "interview")
        review = self.this.review_ids.with_user(self.user_leader)
        review.write({"continue_work": True})
        continued = self.this.sudo().plan_id.goal_ids
        self.assertEqual(continued.review_id, self.this.review_ids)
        continued.with_user(self.user_leader).write({"deadline": "2027-06-30"})
        self.walk_to(self.this, "follow_up")

        self.assertRecordValues(self.next.review_ids, [{
            "id": old_line.id, "previous_goal_id": continued.id, "goal": "Mål fra 2025",
            "what_led": "Skrevet før", "reached": "partly",
        }])

    def test_held_or_closed_later_mus_is_not_relinked(self):
        self.walk_to(self.next, "preparation")
        self.as_leader(self.next).action_cancel(reason="Fejloprettet")
        self.walk_to(self.this, "interview")
        self.assertEqual(self.next.previous_interview_id, self.last)
        self.assertEqual(self.next.review_ids.mapped("goal"), ["Mål fra 2025"])


@tagged("post_install", "-at_install", "workflow")
class TestMusOnePerYear(MusWorkflowCase):
    """One open MUS per employee and year."""

    def test_second_interview_refused(self):
        first = self.create_interview()
        with self.assertRaises(ValidationError) as catcher:
            self.create_interview()
        message = catcher.exception.args[0]
        self.assertIn("Erik Medarbejder already has a MUS in 2026", message)
        self.assertIn("cancel it first", message)
        # Another year, another employee: fine.
        self.create_interview(year=2027)
        self.create_interview(employee=self.colleague)
        self.assertEqual(first.state, "draft")

    def test_second_interview_refused_in_one_create(self):
        vals = {
            "employee_id": self.employee.id, "template_id": self.template.id, "year": 2026,
        }
        with self.assertRaises(ValidationError):
            self.env["mus.interview"].with_user(self.user_leader).create([vals, dict(vals)])
        self.assertFalse(self.env["mus.interview"].search([("employee_id", "=", self.employee.id)]))

    def test_second_interview_refused_on_year_change(self):
        self.create_interview()
        other = self.create_interview(year=2027)
        with self.assertRaises(ValidationError):
            self.as_leader(other).write({"year": 2026})
        self.assertEqual(other.year, 2027)

    def test_allowed_again_once_cancelled(self):
        first = self.walk_to(self.create_interview(), "invited")
        self.as_leader(first).action_cancel(reason="Ny leder")
        second = self.create_interview()
        self.assertRecordValues(second, [{"state": "draft", "year": 2026}])
        # Only one of them may be open.
        with self.assertRaises(ValidationError):
            self.create_interview()


# What the leader writes in the review of a previous goal.
REVIEW_VALS = {
    "reached": "partly", "what_led": "Kurset", "effect": "Mere selvtillid",
    "continue_work": True, "continue_note": "Flere workshops",
}


@tagged("post_install", "-at_install", "access_rights")
class TestMusGoalReview(MusWorkflowCase):
    """The review of last year's goals: written by the leader during the
    interview only, the goal kept as it was, and only the employee's own past."""

    def test_only_leader_reviews_in_interview(self):
        self.held_interview(2025, state="follow_up")
        interview = self.create_interview()
        review = interview.review_ids
        self.assertEqual(len(review), 1)
        empty = dict.fromkeys(REVIEW_VALS, False)

        # Before the interview: not yet, even for the leader.
        for state in ("draft", "preparation"):
            self.walk_to(interview, state)
            with self.subTest(state=state), self.assertUserError():
                review.with_user(self.user_leader).write({"reached": "yes"})
        review.invalidate_recordset()
        self.assertRecordValues(review, [empty])

        self.walk_to(interview, "interview")
        for user in (self.user_employee, self.user_hr_officer, self.user_hr_manager):
            for field_name, value in REVIEW_VALS.items():
                with self.subTest(user=user.login, field=field_name), self.assertRaises(AccessError):
                    review.with_user(user).write({field_name: value})
        review.invalidate_recordset()
        self.assertRecordValues(review, [empty])

        review.with_user(self.user_leader).write(REVIEW_VALS)
        self.assertRecordValues(review, [REVIEW_VALS])
        # The copied goal is not the leader's to rewrite.
        with self.assertRaises(UserError):
            review.with_user(self.user_leader).write({"goal": "Et andet mål"})

        # After the interview: closed, for the leader too.
        self.walk_to(interview, "signing")
        with self.assertUserError():
            review.with_user(self.user_leader).write({"reached": "no", "effect": "Ingen"})
        review.invalidate_recordset()
        self.assertRecordValues(review, [dict(REVIEW_VALS, goal="Lære at facilitere workshops")])

    def test_review_keeps_the_goal_as_it_was(self):
        last = self.held_interview(2025, state="follow_up")
        old_goal = last.plan_id.goal_ids
        old_goal.with_user(self.user_leader).write({"status": "in_progress", "progress": 40})

        interview = self.create_interview()
        review = interview.review_ids
        self.assertRecordValues(review, [{
            "previous_goal_id": old_goal.id, "goal": "Lære at facilitere workshops",
            "previous_status": "in_progress",
        }])

        # Last year's plan goes on: its follow-up changes; its signed text is
        # sealed, so it changes only around the ORM (or by retention).
        old_goal.with_user(self.user_leader).write({"status": "reached", "progress": 100})
        self.env.flush_all()
        self.env.cr.execute("UPDATE mus_development_goal SET name = 'Omskrevet mål' WHERE id = %s", [old_goal.id])
        self.env.invalidate_all()
        self.assertRecordValues(review, [{"goal": "Lære at facilitere workshops", "previous_status": "in_progress"}])

        self.env.cr.execute("DELETE FROM mus_development_goal WHERE id = %s", [old_goal.id])
        self.env.invalidate_all()
        self.assertRecordValues(review, [{
            "previous_goal_id": False, "goal": "Lære at facilitere workshops", "previous_status": "in_progress",
        }])
        self.assertEqual(
            review.with_user(self.user_employee).read(["goal"])[0]["goal"], "Lære at facilitere workshops",
        )

    def test_employee_change_brings_their_own_past(self):
        """When the leader corrects the employee of a planned MUS, the new
        employee gets their own past: nothing of the first employee's last
        plan stays readable."""
        self.held_interview(2025, state="follow_up", goals=("Sidste års hemmelige mål",))
        interview = self.create_interview()
        self.assertTrue(interview.review_ids)
        self.as_leader(interview).write({"employee_id": self.colleague.id})
        reviews = self.env["mus.goal.review"].with_user(self.user_colleague).search([])
        self.assertFalse(reviews.mapped("goal"))
        self.assertFalse(interview.with_user(self.user_colleague).previous_interview_id)

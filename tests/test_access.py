from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "access_rights")
class TestMusAccess(MusWorkflowCase):
    """The access table of mus.interview's docstring, role by role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An employee of the other leader, whose MUS our leader must not see.
        cls.other_employee = cls.env["hr.employee"].create({
            "name": "Olga Medarbejder", "parent_id": cls.other_leader.id,
            "user_id": mail_new_test_user(cls.env, login="mus_olga", groups="base.group_portal").id,
        })

    def setUp(self):
        super().setUp()
        # Last year's MUS in follow-up and this year's in the interview, so
        # every line model (answers, reviews, plan, goals, follow-up) has records.
        last_year = self.create_interview(year=2025)
        self.walk_to(last_year, "follow_up")
        self.interview = self.walk_to(self.create_interview(), "interview")
        self.other = self.create_interview(employee=self.other_employee, user=self.user_other_leader)
        self.lines = {
            "mus.interview": self.interview,
            "mus.interview.answer": self.interview.answer_ids,
            "mus.goal.review": self.interview.review_ids,
            "mus.development.plan": self.interview.plan_id,
            "mus.development.goal": self.interview.plan_id.goal_ids or self.add_goal(self.interview),
            "mus.follow.up": last_year.follow_up_ids,
        }
        for model, records in self.lines.items():
            self.assertTrue(records, f"the fixture has {model} records")

    def read_all(self, user):
        """Read every line of the interview as ``user``; fields: all readable ones."""
        for model, records in self.lines.items():
            as_user = self.env[model].with_user(user).browse(records.ids)
            as_user.read(["display_name"])
            # The user finds them too.
            found = self.env[model].with_user(user).search([("id", "in", records.ids)])
            self.assertEqual(sorted(found.ids), sorted(records.ids), f"{user.login} finds {model}")

    def test_employee_reads_own(self):
        self.read_all(self.user_employee)
        self.interview.with_user(self.user_employee).read(["name", "state", "leader_id", "scheduled_date"])

    def test_leader_reads_led(self):
        self.read_all(self.user_leader)
        Interview = self.env["mus.interview"].with_user(self.user_leader)
        self.assertEqual(Interview.search([("employee_id", "=", self.employee.id)]).mapped("year"), [2026, 2025])
        self.assertFalse(Interview.search([("id", "=", self.other.id)]))

    def test_hr_officer_reads_status_only(self):
        for user in (self.user_hr_officer, self.user_hr_manager):
            with self.subTest(user=user.login):
                found = self.env["mus.interview"].with_user(user).search([])
                self.assertIn(self.interview, found)
                self.assertIn(self.other, found)
                # The plan's status yes; what was said and agreed no.
                self.env["mus.development.plan"].with_user(user).browse(self.interview.plan_id.id).read(
                    ["employee_signed_on", "leader_signed_on", "is_signed"])
                for model in ("mus.interview.answer", "mus.goal.review", "mus.development.goal", "mus.follow.up"):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).browse(self.lines[model].ids).read(["display_name"])

    def test_outsiders_read_nothing(self):
        for user in (self.user_colleague, self.user_other_leader):
            for model, records in self.lines.items():
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).browse(records.ids).read(["display_name"])
                    self.assertFalse(self.env[model].with_user(user).search([("id", "in", records.ids)]))

    def test_other_leader_reads_own_team_only(self):
        Interview = self.env["mus.interview"].with_user(self.user_other_leader)
        self.assertEqual(Interview.search([]), self.other)
        self.assertEqual(self.env["mus.interview"].with_user(self.user_colleague).search([]), Interview.browse())

    def test_field_rules_per_role(self):
        interview = self.create_interview(year=2027)
        with self.assertRaises(AccessError):
            self.as_employee(interview).write({"scheduled_date": self.date.replace(day=2)})
        with self.assertRaises(AccessError):
            self.as_employee(interview).write({"location": "Hjemme"})
        with self.assertRaises(AccessError):
            self.as_leader(interview).write({"leader_id": self.other_leader.id})
        self.employee.parent_id = self.other_leader  # Erik moves to Ove's team
        interview.with_user(self.user_hr_officer).write({"leader_id": self.other_leader.id})
        self.assertEqual(interview.sudo().leader_user_id, self.user_other_leader)
        # The old leader no longer reads it; the new one does.
        with self.assertRaises(AccessError):
            self.as_leader(interview).read(["name"])
        interview.with_user(self.user_other_leader).read(["name"])

    def test_summary_and_feedback(self):
        self.as_leader(self.interview).summary = "<p>God samtale</p>"
        with self.assertRaises(AccessError):
            self.as_employee(self.interview).summary = "<p>Min version</p>"
        self.as_employee(self.interview).employee_feedback = "<p>Tak for en god leder</p>"
        with self.assertRaises(AccessError):
            self.as_leader(self.interview).employee_feedback = "<p>Tak</p>"
        self.assertEqual(self.interview.with_user(self.user_employee).summary, "<p>God samtale</p>")

    def test_create(self):
        """Leaders plan their own team's MUS, HR anyone's; an employee cannot
        plan a MUS for themself, nor a leader for another leader's team."""
        vals = {"template_id": self.template.id, "year": 2027}
        with self.assertRaises(AccessError):
            self.env["mus.interview"].with_user(self.user_employee).create(
                dict(vals, employee_id=self.employee.id)
            )
        with self.assertRaises(AccessError):
            self.env["mus.interview"].with_user(self.user_leader).create(
                dict(vals, employee_id=self.other_employee.id)
            )
        by_leader = self.env["mus.interview"].with_user(self.user_leader).create(
            dict(vals, employee_id=self.colleague.id)
        )
        self.assertEqual(by_leader.leader_id, self.leader)
        by_hr = self.env["mus.interview"].with_user(self.user_hr_officer).create(
            dict(vals, employee_id=self.other_employee.id)
        )
        self.assertEqual(by_hr.leader_id, self.other_leader)

    def test_delete(self):
        draft = self.create_interview(year=2027)
        for user in (self.user_leader, self.user_employee, self.user_hr_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                draft.with_user(user).unlink()
        with self.assertRaises(UserError):
            self.interview.with_user(self.user_hr_manager).unlink()
        plan = draft.plan_id
        event = draft.calendar_event_id
        draft.with_user(self.user_hr_manager).unlink()
        self.assertFalse(draft.exists())
        self.assertFalse(plan.exists())
        self.assertFalse(event.exists())


@tagged("post_install", "-at_install", "access_rights")
class TestMusMultiCompany(MusWorkflowCase):
    """Nobody sees another company's MUS."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create({"name": "MUS Datterselskab"})
        leader_2 = cls.env["hr.employee"].create({"name": "Dorte Leder", "company_id": cls.company_2.id})
        cls.employee_2 = cls.env["hr.employee"].create({
            "name": "Dan Medarbejder", "company_id": cls.company_2.id, "parent_id": leader_2.id,
        })
        cls.user_hr_both = mail_new_test_user(
            cls.env, login="mus_hr_both", name="Bente HR", groups="base.group_user,mus_odoo.group_mus_officer",
            company_id=cls.company.id, company_ids=[(6, 0, (cls.company | cls.company_2).ids)],
        )

    def test_other_company_invisible(self):
        interview_2 = self.env["mus.interview"].with_company(self.company_2).create({
            "employee_id": self.employee_2.id, "template_id": self.template.id, "year": 2026,
        })
        self.assertEqual(interview_2.company_id, self.company_2)
        interview_1 = self.create_interview()

        for user in (self.user_hr_officer, self.user_hr_manager):
            with self.subTest(user=user.login):
                Interview = self.env["mus.interview"].with_user(user)
                found = Interview.search([])
                self.assertIn(interview_1, found)
                self.assertNotIn(interview_2, found)
                self.assertFalse(found.filtered(lambda i: i.company_id != self.company))
                with self.assertRaises(AccessError):
                    interview_2.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    interview_2.answer_ids.with_user(user).read(["display_name"])
                with self.assertRaises(AccessError):
                    interview_2.plan_id.with_user(user).read(["display_name"])

        # A user of both companies sees it once both are allowed.
        both = self.env["mus.interview"].with_user(self.user_hr_both).with_context(
            allowed_company_ids=(self.company | self.company_2).ids,
        )
        self.assertLessEqual(interview_1 | interview_2, both.search([]))
        only_first = self.env["mus.interview"].with_user(self.user_hr_both).with_context(
            allowed_company_ids=self.company.ids,
        )
        found = only_first.search([])
        self.assertIn(interview_1, found)
        self.assertNotIn(interview_2, found)


@tagged("post_install", "-at_install", "access_rights")
class TestMusDeletionAndCompany(MusWorkflowCase):
    """A MUS is deleted only while planned, and moved to another company only
    by HR."""

    def test_delete_only_in_draft(self):
        offered = self.walk_to(self.create_interview(), "invited")
        self.as_leader(offered).action_cancel(reason="Fejl")
        never_offered = self.create_interview(employee=self.colleague)
        self.as_leader(never_offered).action_cancel(reason="Fejl")
        for interview in (offered, never_offered):
            with self.subTest(interview=interview.name), self.assertUserError():
                interview.with_user(self.user_hr_manager).unlink()
            self.assertTrue(interview.exists())
            self.assertTrue(interview.plan_id.exists())

        draft = self.create_interview(year=2027)
        draft.with_user(self.user_hr_manager).unlink()
        self.assertFalse(draft.exists())

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

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mus_odoo.mus_odoo.workflow import STATES
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "access_rights")
class TestMusHrReporting(MusWorkflowCase):
    """HR's status report reads this year, in workflow order; HR's view of a
    plan says how many goals it has, never an empty table or a wrong total,
    and HR still reads neither the goals nor their budget."""

    def plan_with_two_goals(self):
        interview = self.walk_to(self.create_interview(), "interview")
        self.add_goal(interview)
        self.add_goal(interview, name="Lære Python", budget=0)
        return interview

    def test_status_report_defaults_to_this_year(self):
        for xmlid in ("mus_interview_report_action", "mus_interview_report_action_team"):
            with self.subTest(action=xmlid):
                context = safe_eval(self.env.ref(f"mus_odoo.{xmlid}").context)
                self.assertTrue(context.get("search_default_this_year"))
        arch = self.env["mus.interview.report"].with_user(self.user_hr_officer).get_view(view_type="search")["arch"]
        for name in ('name="this_year"', 'name="last_year"', 'name="running_cycle"', 'name="group_cycle"',
                     'name="group_year"'):
            self.assertIn(name, arch)

    def test_status_pivot_in_workflow_order(self):
        """As the pivot asks (lazy=False): the states from planned to cancelled,
        within each department."""
        first = self.walk_to(self.create_interview(), "preparation")
        self.create_interview(employee=self.colleague)
        self.as_leader(first).action_cancel(reason="Flytter")
        third = self.env["hr.employee"].create({
            "name": "Tove Tredje", "parent_id": self.leader.id,
            "user_id": mail_new_test_user(self.env, login="mus_tove", groups="base.group_user").id,
        })
        self.walk_to(self.create_interview(employee=third), "invited")
        order = [code for code, _label in STATES]
        for model in ("mus.interview.report", "mus.interview"):
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.user_hr_officer)
                domain = [("leader_id", "=", self.leader.id)]
                groups = Model.read_group(domain, ["__count"], ["state"], lazy=False)
                states = [group["state"] for group in groups]
                self.assertEqual(states, sorted(states, key=order.index))
                self.assertEqual(states, ["draft", "invited", "cancelled"])
                groups = Model.read_group(domain, ["__count"], ["department_id", "state"], lazy=False)
                self.assertEqual([group["state"] for group in groups], ["draft", "invited", "cancelled"])

    def test_explicit_order_is_kept(self):
        self.create_interview()
        self.as_leader(self.create_interview(employee=self.colleague)).action_cancel(reason="Flytter")
        groups = self.env["mus.interview.report"].with_user(self.user_hr_officer).read_group(
            [("leader_id", "=", self.leader.id)], ["__count"], ["state"], orderby="state desc", lazy=False,
        )
        self.assertEqual([group["state"] for group in groups], ["draft", "cancelled"])

    def test_hr_sees_the_goal_count_not_the_goals(self):
        interview = self.plan_with_two_goals()
        self.env.invalidate_all()
        plan = interview.sudo().plan_id.with_user(self.user_hr_officer)
        self.assertRecordValues(plan, [{
            "goal_count": 2, "goals_confidential": True, "goals_confidential_label": "2 goals (confidential)",
        }])
        self.assertFalse(plan.goal_ids, "HR reads no goal")
        self.assertFalse(plan.budget_total, "no total of what HR does not see")
        arch = self.env["mus.development.plan"].with_user(self.user_hr_officer).get_view(view_type="form")["arch"]
        self.assertIn('name="goals_confidential"', arch)

    def test_hr_sees_the_goal_count_on_the_mus_form_too(self):
        interview = self.plan_with_two_goals()
        self.env.invalidate_all()
        as_hr = interview.with_user(self.user_hr_officer)
        data = as_hr.web_read({"plan_goals_confidential": {}, "plan_goals_confidential_label": {}, "goal_ids": {}})[0]
        self.assertEqual(
            (data["plan_goals_confidential"], data["plan_goals_confidential_label"], data["goal_ids"]),
            (True, "2 goals (confidential)", []),
        )
        arch = self.env["mus.interview"].with_user(self.user_hr_officer).get_view(view_type="form")["arch"]
        self.assertIn('invisible="plan_goals_confidential"', arch)
        self.env.invalidate_all()
        as_leader = interview.with_user(self.user_leader)
        self.assertFalse(as_leader.plan_goals_confidential)
        self.assertEqual(len(as_leader.goal_ids), 2)

    def test_parties_see_the_goals_and_the_total(self):
        interview = self.plan_with_two_goals()
        for user in (self.user_leader, self.user_employee):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                plan = interview.sudo().plan_id.with_user(user)
                self.assertRecordValues(plan, [{"goal_count": 2, "goals_confidential": False, "budget_total": 4500}])
                self.assertEqual(len(plan.goal_ids), 2)

    def test_shared_plan_shows_hr_the_goals(self):
        interview = self.plan_with_two_goals()
        self.as_employee(interview).plan_shared_with_hr = True
        self.env.invalidate_all()
        plan = interview.sudo().plan_id.with_user(self.user_hr_officer)
        self.assertRecordValues(plan, [{"goal_count": 2, "goals_confidential": False, "budget_total": 4500}])

    def test_hr_reads_no_goal_text_or_budget_by_any_route(self):
        interview = self.plan_with_two_goals()
        goals = interview.sudo().plan_id.goal_ids
        self.env.invalidate_all()
        Goal = self.env["mus.development.goal"].with_user(self.user_hr_officer)
        self.assertFalse(Goal.search([("plan_id", "=", interview.sudo().plan_id.id)]))
        self.assertFalse(Goal.search([("budget", "=", 4500)]))
        self.assertFalse(Goal.search([("name", "ilike", "facilitere")]))
        self.assertFalse(Goal.read_group([("id", "in", goals.ids)], ["budget:sum"], []) [0]["budget"])
        with self.assertRaises(AccessError):
            goals.with_user(self.user_hr_officer).read(["name", "budget"])
        Plan = self.env["mus.development.plan"].with_user(self.user_hr_officer)
        self.assertFalse(Plan.search([("goal_ids.name", "ilike", "facilitere")]))
        self.assertFalse(Plan.search([("goal_ids.budget", "=", 4500)]))
        values = Plan.browse(interview.sudo().plan_id.id).web_read({
            "budget_total": {}, "goal_count": {}, "goal_ids": {"fields": {"name": {}, "budget": {}}},
        })[0]
        self.assertEqual(values["goal_ids"], [])
        self.assertFalse(values["budget_total"])
        self.assertEqual(values["goal_count"], 2)

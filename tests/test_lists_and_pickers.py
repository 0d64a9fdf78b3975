from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import MusWorkflowCase


@tagged("post_install", "-at_install")
class TestMusListsAndPickers(MusWorkflowCase):
    """What a leader finds in the MUS app: this year's MUS, the open columns
    on screen, their team to pick from, the MUS of a team member on their
    employee card; and the invite wizard telling before *Create*."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = mail_new_test_user(cls.env, login="mus_outsider", name="Otto Udenfor", groups="base.group_user")
        cls.outsider = cls.env["hr.employee"].create({
            "name": "Otto Udenfor", "user_id": user.id,
            "parent_id": cls.other_leader.id,
        })

    # Lists ---------------------------------------------------------------
    def test_actions_default_to_this_year(self):
        for xmlid in ("mus_interview_action_my", "mus_interview_action_team", "mus_interview_action_all"):
            action = self.env.ref(f"mus_odoo.{xmlid}")
            with self.subTest(action=xmlid):
                self.assertTrue(safe_eval(action.context).get("search_default_this_year"))
        arch = self.env["mus.interview"].get_view(self.env.ref("mus_odoo.mus_interview_view_search").id)["arch"]
        self.assertIn('name="this_year"', arch)
        self.assertIn('name="next_year"', arch)

    def test_kanban_card_shows_the_year(self):
        arch = self.env["mus.interview"].with_user(self.user_leader).get_view(view_type="kanban")["arch"]
        self.assertIn('name="year"', arch)

    def test_empty_closed_columns_fold(self):
        cancelled = self.create_interview(employee=self.colleague)
        self.as_leader(cancelled).action_cancel(reason="Syg")
        self.create_interview()
        groups = self.env["mus.interview"].with_user(self.user_leader).web_read_group(
            [("leader_user_id", "=", self.user_leader.id)], ["state"], ["state"],
        )["groups"]
        self.assertEqual(
            [group["state"] for group in groups], ["draft", "invited", "preparation", "interview", "signing",
                                                   "follow_up", "done", "declined", "cancelled"],
        )
        folded = {group["state"] for group in groups if group.get("__fold")}
        self.assertEqual(folded, {"done", "declined"}, "closed and empty; the cancelled one has a MUS")

    def test_leader_lands_on_their_team(self):
        cases = [
            (self.user_leader, "mus_odoo.mus_interview_action_team"),
            (self.user_employee, "mus_odoo.mus_interview_action_my"),
            (self.user_hr_officer, "mus_odoo.mus_interview_action_all"),
        ]
        menu = self.env.ref("mus_odoo.mus_menu_root")
        self.assertEqual(menu.action, self.env.ref("mus_odoo.mus_interview_action_landing"))
        for user, xmlid in cases:
            with self.subTest(user=user.login):
                action = self.env.ref("mus_odoo.mus_interview_action_landing").with_user(user).run()
                self.assertEqual(action["id"], self.env.ref(xmlid).id)

    # Pickers -------------------------------------------------------------
    def picker(self, user, model="mus.interview", field="employee_id"):
        record = self.env[model].with_user(user)
        domain = safe_eval(record._fields[field].domain, {
            "allowed_company_ids": self.env.companies.ids, "uid": user.id,
            "is_hr": user.has_group("mus_odoo.group_mus_officer"),
        })
        return self.env["hr.employee"].with_user(user).search(domain)

    def test_leader_picks_from_their_team(self):
        for model, field in (("mus.interview", "employee_id"), ("mus.invite.wizard", "employee_ids")):
            with self.subTest(model=model):
                self.assertEqual(self.picker(self.user_leader, model, field), self.employee | self.colleague)
                self.assertIn(self.outsider, self.picker(self.user_hr_officer, model, field), "HR: anyone")

    def test_other_team_refused_as_not_in_your_team(self):
        with self.assertRaises(AccessError) as catcher:
            self.create_interview(employee=self.outsider)
        self.assertIn("Otto Udenfor is not in your team", catcher.exception.args[0])
        self.assertNotIn("has no user", catcher.exception.args[0])
        self.assertTrue(self.create_interview(employee=self.outsider, user=self.user_hr_officer))

    # The employee card ----------------------------------------------------
    def card(self, user, employee=None):
        return self.env["hr.employee.public"].with_user(user).browse((employee or self.employee).id)

    def test_leader_sees_mus_on_the_employee_card(self):
        interview = self.walk_to(self.create_interview(), "interview")
        card = self.card(self.user_leader)
        self.assertRecordValues(card, [{
            "mus_leader_visible": True, "mus_leader_interview_count": 1,
            "mus_leader_last_date": interview.held_on.date(),
            "mus_leader_next_date": interview.sudo().employee_id.mus_next_due_date,
        }])
        self.assertTrue(card.mus_leader_next_date)
        action = card.action_open_mus_interviews()
        self.assertEqual(action["id"], self.env.ref("mus_odoo.mus_interview_action_team").id)
        self.assertEqual(self.env["mus.interview"].with_user(self.user_leader).search(action["domain"]), interview)
        # The same through hr.employee, which a user without HR rights reads
        # through hr.employee.public.
        self.assertEqual(
            self.env["hr.employee"].with_user(self.user_leader).browse(self.employee.id)
            .read(["mus_leader_interview_count"])[0]["mus_leader_interview_count"], 1,
        )

    def test_planned_mus_is_the_next_one(self):
        interview = self.create_interview()
        self.assertEqual(self.card(self.user_leader).mus_leader_next_date, interview.scheduled_date.date())

    def test_colleagues_and_other_leaders_see_nothing_on_the_card(self):
        self.walk_to(self.create_interview(), "interview")
        for user in (self.user_colleague, self.user_other_leader):
            with self.subTest(user=user.login):
                self.assertRecordValues(self.card(user), [{
                    "mus_leader_visible": False, "mus_leader_interview_count": 0,
                    "mus_leader_last_date": False, "mus_leader_next_date": False,
                }])

    def test_hr_sees_every_mus_on_the_card(self):
        self.create_interview()
        self.assertRecordValues(self.card(self.user_hr_officer), [{
            "mus_leader_visible": True, "mus_leader_interview_count": 1,
        }])
        action = self.card(self.user_hr_officer).action_open_mus_interviews()
        self.assertEqual(action["id"], self.env.ref("mus_odoo.mus_interview_action_all").id)

    def test_former_leader_no_longer_counts_their_mus(self):
        """Handed to another leader: the MUS is theirs, not the former one's."""
        self.create_interview()
        self.employee.parent_id = self.other_leader
        self.assertRecordValues(self.card(self.user_leader), [{
            "mus_leader_visible": False, "mus_leader_interview_count": 0,
        }])
        self.assertEqual(self.card(self.user_other_leader).mus_leader_interview_count, 1)

    def test_public_card_view_has_the_mus_button(self):
        arch = self.env["hr.employee"].with_user(self.user_leader).get_view(view_type="form")["arch"]
        self.assertIn('name="action_open_mus_interviews"', arch)
        self.assertIn('name="mus_leader_next_date"', arch)

    # The invite wizard ----------------------------------------------------
    def test_invite_wizard_warns_before_create(self):
        self.create_interview()
        wizard = self.env["mus.invite.wizard"].with_user(self.user_leader).new({
            "employee_ids": (self.employee | self.colleague).ids, "year": 2026, "template_id": self.template.id,
        })
        self.assertIn("Already has a MUS in 2026: Erik Medarbejder.", wizard.existing_warning)
        self.assertNotIn("Karen", wizard.existing_warning)
        wizard.year = 2027
        self.assertFalse(wizard.existing_warning)
        wizard.year = 2026
        wizard.employee_ids = self.colleague
        self.assertFalse(wizard.existing_warning)

    def test_invite_wizard_warns_of_the_own_team_only(self):
        self.create_interview(employee=self.outsider, user=self.user_hr_officer)
        wizard = self.env["mus.invite.wizard"].with_user(self.user_leader).new({
            "employee_ids": self.outsider.ids, "year": 2026, "template_id": self.template.id,
        })
        self.assertFalse(wizard.existing_warning, "not their team: nothing said of its MUS")
        wizard = self.env["mus.invite.wizard"].with_user(self.user_hr_officer).new({
            "employee_ids": self.outsider.ids, "year": 2026, "template_id": self.template.id,
        })
        self.assertIn("Otto Udenfor", wizard.existing_warning)

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import MusCommon


@tagged("post_install", "-at_install", "access_rights")
class TestMusSettings(MusCommon):
    """The MUS settings form (mus.settings): a MUS manager who is not an
    administrator keeps the MUS settings of their companies, and only those;
    nobody else may."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create({"name": "Anden Kommune"})
        cls.user_hr_manager.company_ids |= cls.company_2

    def test_manager_who_is_not_admin_saves_the_settings(self):
        self.assertFalse(self.user_hr_manager.has_group("base.group_system"))
        self.assertFalse(self.user_hr_manager.has_group("base.group_erp_manager"))
        form = Form(self.env["mus.settings"].with_user(self.user_hr_manager))
        self.assertEqual(form.company_id, self.company)
        self.assertEqual(form.mus_interval_months, 12, "the form shows the company's values")
        self.assertEqual(form.mus_follow_up_months, "1,2,3")
        form.mus_interval_months = 18
        form.mus_follow_up_months = "2,6"
        form.mus_retention_years = 8
        form.mus_reminder_days = 5
        form.mus_overdue_hr_days = 7
        form.mus_hr_user_id = self.user_hr_officer
        action = form.save().action_save()
        self.assertEqual(action["params"]["type"], "success")
        self.assertRecordValues(self.company, [{
            "mus_interval_months": 18, "mus_follow_up_months": "2,6", "mus_retention_years": 8,
            "mus_reminder_days": 5, "mus_overdue_hr_days": 7, "mus_hr_user_id": self.user_hr_officer.id,
        }])
        self.assertEqual(Form(self.env["mus.settings"].with_user(self.user_hr_manager)).mus_interval_months, 18)

    def test_each_company_its_own_settings(self):
        self.company_2.mus_interval_months = 24
        form = Form(self.env["mus.settings"].with_user(self.user_hr_manager))
        form.company_id = self.company_2
        self.assertEqual(form.mus_interval_months, 24, "changing the company shows its values")
        form.mus_interval_months = 36
        form.save().action_save()
        self.assertEqual(self.company_2.mus_interval_months, 36)
        self.assertEqual(self.company.mus_interval_months, 12, "the other company is unchanged")

    def test_wrong_value_is_refused_and_nothing_changes(self):
        settings = self.env["mus.settings"].with_user(self.user_hr_manager).create({
            "mus_interval_months": 18, "mus_follow_up_months": "1,x",
        })
        with self.assertRaises(ValidationError):
            settings.action_save()
        self.assertRecordValues(self.company, [{"mus_interval_months": 12, "mus_follow_up_months": "1,2,3"}])
        settings.mus_hr_user_id = self.user_leader
        settings.mus_follow_up_months = "1"
        with self.assertRaises(ValidationError, msg="the HR responsible must be an HR officer"):
            settings.action_save()

    def test_officer_employee_and_leader_cannot(self):
        for user in (self.user_hr_officer, self.user_leader, self.user_employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["mus.settings"].with_user(user).create({"mus_interval_months": 1})
                settings = self.env["mus.settings"].create({"mus_interval_months": 1})
                with self.assertRaises(AccessError):
                    settings.with_user(user).action_save()
        self.assertEqual(self.company.mus_interval_months, 12)

    def test_manager_cannot_change_a_company_they_are_not_in(self):
        company_3 = self.env["res.company"].create({"name": "Tredje Kommune"})
        settings = self.env["mus.settings"].with_user(self.user_hr_manager).create({
            "company_id": company_3.id, "mus_interval_months": 1,
        })
        with self.assertRaises(AccessError):
            settings.action_save()
        self.assertEqual(company_3.mus_interval_months, 12)

    def test_only_the_mus_fields_reach_the_company(self):
        """The company is written as superuser: the form must not carry any
        other field of it."""
        settings = self.env["mus.settings"].with_user(self.user_hr_manager).create({})
        self.assertEqual(set(settings._prepare_company_vals()), set(settings._MUS_COMPANY_FIELDS))
        self.assertTrue(all(name.startswith("mus_") for name in settings._MUS_COMPANY_FIELDS))
        with self.assertRaises(AccessError, msg="a MUS manager still cannot write the company itself"):
            self.company.with_user(self.user_hr_manager).write({"mus_interval_months": 6})

    def test_a_form_is_its_authors_own(self):
        other_manager = mail_new_test_user(
            self.env, login="mus_hr_manager_2", name="Mette HR-chef",
            groups="base.group_user,mus_odoo.group_mus_manager",
        )
        settings = self.env["mus.settings"].with_user(self.user_hr_manager).create({"mus_interval_months": 18})
        with self.assertRaises(AccessError):
            settings.with_user(other_manager).read(["mus_interval_months"])
        with self.assertRaises(AccessError):
            settings.with_user(other_manager).write({"mus_interval_months": 1})
        self.assertFalse(self.env["mus.settings"].with_user(other_manager).search([("id", "=", settings.id)]))

    def test_shorter_retention_warns(self):
        form = Form(self.env["mus.settings"].with_user(self.user_hr_manager))
        with self.assertLogs("odoo.tests.form", level="WARNING") as logs:
            form.mus_retention_years = 2
        self.assertIn("anonymised by the next nightly run", "\n".join(logs.output))
        Settings = self.env["mus.settings"].with_user(self.user_hr_manager)
        shorter = Settings.new({"company_id": self.company.id, "mus_retention_years": 4})
        self.assertIn("warning", shorter._onchange_mus_retention_years())
        longer = Settings.new({"company_id": self.company.id, "mus_retention_years": 8})
        self.assertIsNone(longer._onchange_mus_retention_years(), "a longer retention needs no warning")

    def test_menu_for_managers_only(self):
        menu = self.env.ref("mus_odoo.mus_settings_menu")
        self.assertEqual(menu.action, self.env.ref("mus_odoo.mus_settings_action"))
        visible = self.env["ir.ui.menu"].with_user(self.user_hr_manager)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(self.user_hr_officer)._visible_menu_ids())

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import MusCommon


@tagged("post_install", "-at_install", "performance")
class TestMusCyclePerformance(MusCommon):
    """A launch batch and a reminder batch take a fixed number of queries,
    whatever their size and however many leaders: everything is created in
    batches (the answer lines and followers in one statement each; the ORM
    inserts 100 rows per query: the sizes here stay within one insert per
    table)."""

    def build_team(self, size, leader_count=2):
        """A department of ``size`` employees (portal users) under
        ``leader_count`` leaders."""
        department = self.env["hr.department"].create({"name": f"Team {size}"})
        users = self.env["res.users"].with_context(no_reset_password=True).create([
            {"name": f"Leder {size}-{index}", "login": f"perf_leader_{size}_{index}"}
            for index in range(leader_count)
        ])
        leaders = self.env["hr.employee"].create([
            {"name": user.name, "user_id": user.id} for user in users
        ])
        employee_users = self.env["res.users"].with_context(no_reset_password=True).create([
            {"name": f"Medarbejder {size}-{index}", "login": f"perf_employee_{size}_{index}",
             "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)]}
            for index in range(size)
        ])
        employees = self.env["hr.employee"].create([
            {"name": user.name, "user_id": user.id, "department_id": department.id,
             "parent_id": leaders[index % len(leaders)].id}
            for index, user in enumerate(employee_users)
        ])
        return department, employees

    def cycle(self, department):
        return self.env["mus.cycle"].with_user(self.user_hr_officer).create({
            "name": department.name,
            "date_from": fields.Date.today().replace(month=1, day=1),
            "date_to": fields.Date.today().replace(month=12, day=31),
            "department_ids": [(6, 0, department.ids)],
            "template_id": self.template.id,
            "date_interviews": fields.Date.today() - timedelta(days=30),
        })

    def test_launch_batch_queries(self):
        # A first launch fills the caches that any first request fills.
        department, _employees = self.build_team(1, leader_count=1)
        self.cycle(department).with_user(self.user_hr_officer).action_launch()
        for size, leader_count in ((3, 1), (6, 2), (12, 4)):
            with self.subTest(size=size, leaders=leader_count):
                department, employees = self.build_team(size, leader_count)
                cycle = self.cycle(department)
                self.env.invalidate_all()
                with self.assertQueryCount(LAUNCH_QUERIES):
                    cycle.with_user(self.user_hr_officer).action_launch()
                    self.env.flush_all()
                self.assertEqual(cycle.interview_ids.employee_id, employees)

    def test_reminder_batch_queries(self):
        self.env["mus.reminder"]._cron_send_reminders()
        for size in (10, 20):
            with self.subTest(size=size):
                department, _employees = self.build_team(size)
                cycle = self.cycle(department)
                cycle.with_user(self.user_hr_officer).action_launch()
                self.env.invalidate_all()
                with self.assertQueryCount(REMINDER_QUERIES):
                    reminders = self.env["mus.reminder"].sudo()._send_reminders()
                    self.env.flush_all()
                self.assertEqual(len(reminders), 2 * size, "overdue: leader and HR")


LAUNCH_QUERIES = 66
REMINDER_QUERIES = 24

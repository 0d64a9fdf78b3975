from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "ui")
class TestMusCycleTour(HttpCase):
    """HR launches a cycle in the browser and it reaches full compliance:
    every targeted employee offered, one declining the offer in the backend,
    the other, a portal-only employee, in the portal
    (static/tests/tours/mus_cycle_tour.js). No demo data is used."""

    def setUp(self):
        super().setUp()
        self.user_hr = mail_new_test_user(
            self.env, login="mus_tour_hr", password="mus_tour_hr", name="Hanna Tour-HR",
            groups="base.group_user,mus_odoo.group_mus_officer", tz="Europe/Copenhagen", lang="en_US",
        )
        self.user_leader = mail_new_test_user(
            self.env, login="mus_tour_cycle_leader", password="mus_tour_cycle_leader",
            name="Leo Tourleder", groups="base.group_user", lang="en_US",
        )
        self.user_employee = mail_new_test_user(
            self.env, login="mus_tour_cycle_employee", password="mus_tour_cycle_employee",
            name="Tove Tourmedarbejder", groups="base.group_user", lang="en_US",
        )
        self.user_portal = mail_new_test_user(
            self.env, login="mus_tour_cycle_portal", password="mus_tour_cycle_portal", name="Tim Tourmedarbejder",
            groups="base.group_portal", lang="en_US",
        )
        Employee = self.env["hr.employee"]
        self.department = self.env["hr.department"].create({"name": "Tourafdeling"})
        self.leader = Employee.create({"name": "Leo Tourleder", "user_id": self.user_leader.id})
        self.employees = Employee.create([
            {"name": "Tove Tourmedarbejder", "user_id": self.user_employee.id, "parent_id": self.leader.id,
             "department_id": self.department.id},
            {"name": "Tim Tourmedarbejder", "user_id": self.user_portal.id, "parent_id": self.leader.id,
             "department_id": self.department.id},
        ])

    def test_cycle_to_full_compliance(self):
        self.start_tour("/odoo", "mus_cycle_tour_hr_launch", login="mus_tour_hr")
        cycle = self.env["mus.cycle"].search([("name", "=", "MUS-runde Tour")])
        self.assertRecordValues(cycle, [{
            "state": "running", "interview_count": 2, "offered_count": 2, "issue_count": 0,
            "compliance_rate": 100.0,
        }])
        self.assertEqual(cycle.interview_ids.employee_id, self.employees)
        self.assertEqual(cycle.interview_ids.leader_id, self.leader)

        self.start_tour("/odoo", "mus_cycle_tour_employee_decline", login="mus_tour_cycle_employee")
        cycle.invalidate_recordset()
        declined = cycle.interview_ids.filtered(lambda i: i.state == "declined")
        self.assertEqual(declined.employee_id, self.employees[0])
        self.assertEqual(declined.decline_reason, "Jeg er på orlov")
        self.assertRecordValues(cycle, [{"count_declined": 1, "offered_count": 2, "compliance_rate": 100.0}])
        compliance = self.env["mus.compliance"].search([("employee_id", "in", self.employees.ids)])
        self.assertEqual(set(compliance.mapped("is_offered")), {True})

        self.start_tour("/my/mus", "mus_cycle_tour_portal_decline", login="mus_tour_cycle_portal")
        cycle.invalidate_recordset()
        declined = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employees[1])
        self.assertRecordValues(declined, [{"state": "declined", "decline_reason": "Jeg stopper til sommer"}])
        self.assertRecordValues(cycle, [{"count_declined": 2, "offered_count": 2, "compliance_rate": 100.0}])

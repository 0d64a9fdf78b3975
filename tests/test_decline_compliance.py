from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MusCycleCase


@tagged("post_install", "-at_install", "workflow")
class TestMusDecline(MusCycleCase):
    """The employee may decline the offered MUS; it still counts as offered."""

    def test_employee_declines_with_reason(self):
        cycle = self.launch()
        interview = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee)
        self.assertTrue(self.as_employee(interview).can_decline)
        self.assertFalse(self.as_leader(interview).can_decline)
        self.assertFalse(interview.with_user(self.user_hr_officer).can_decline)
        self.as_employee(interview).action_decline(reason="Jeg har netop haft en samtale")
        self.assertRecordValues(interview, [{
            "state": "declined", "decline_reason": "Jeg har netop haft en samtale",
        }])
        self.assertTrue(interview.offered_on)
        self.assertTrue(interview.closed_on)
        self.assertFalse(self.activities(interview), "the leader no longer has to invite")
        self.assertTrue(interview.sudo().message_ids.filtered(lambda m: "has declined the MUS" in m.body))
        cycle.invalidate_recordset()
        self.assertRecordValues(cycle, [{"count_declined": 1, "offered_count": 2}])
        self.launch(cycle)
        self.assertEqual(len(cycle.interview_ids), 2, "a declined MUS is the year's MUS")

    def test_answering_the_offer_is_the_employees_own_even_in_sudo(self):
        """Code acting in sudo for somebody else (as the portal does for the
        employee) cannot accept or decline for them."""
        interview = self.create_interview()
        self.as_leader(interview).action_invite()
        for user in (self.user_leader, self.user_hr_officer, self.user_colleague):
            for action in ("action_accept", "action_decline"):
                with self.subTest(user=user.login, action=action), self.assertRaises(AccessError):
                    getattr(interview.with_user(user).sudo(), action)()
        self.assertEqual(interview.state, "invited")
        self.as_employee(interview).sudo().action_accept()
        self.assertEqual(interview.state, "preparation")

    def test_decline_without_reason_from_invited(self):
        interview = self.create_interview()
        self.as_leader(interview).action_invite()
        self.as_employee(interview).action_decline()
        self.assertRecordValues(interview, [{"state": "declined", "decline_reason": False}])

    def test_only_the_employee_declines(self):
        cycle = self.launch()
        interview = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee)
        for user in (self.user_leader, self.user_hr_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).action_decline(reason="Nej")
        self.assertEqual(interview.state, "draft")

    def test_not_offered_cannot_be_declined(self):
        interview = self.create_interview()
        self.assertFalse(self.as_employee(interview).can_decline)
        with self.assertUserError("not been offered"):
            self.as_employee(interview).action_decline()
        self.walk_to(interview, "preparation")
        with self.assertUserError("Preparation", "Decline"):
            self.as_employee(interview).action_decline()

    def test_decline_wizard(self):
        cycle = self.launch()
        interview = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee)
        action = self.as_employee(interview).action_open_decline_wizard()
        wizard = self.env["mus.decline.wizard"].with_user(self.user_employee).with_context(
            **action["context"],
        ).create({"reason": "Orlov"})
        wizard.action_confirm()
        self.assertRecordValues(interview, [{"state": "declined", "decline_reason": "Orlov"}])
        with self.assertRaises(AccessError):
            self.env["mus.decline.wizard"].with_user(self.user_other_leader).create({"interview_id": interview.id})

    def test_offered_mus_is_not_deleted(self):
        cycle = self.launch()
        with self.assertUserError("stays on record"):
            cycle.interview_ids[:1].with_user(self.user_hr_manager).unlink()


@tagged("post_install", "-at_install", "access_rights")
class TestMusCompliance(MusCycleCase):
    """Employees not offered a MUS in the last 12 months, for HR."""

    def compliance(self, user=None):
        rows = self.env["mus.compliance"].with_user(user or self.user_hr_officer).search([
            ("employee_id", "in", self.targeted.ids),
        ])
        return {row.employee_id: (row.is_offered, row.department_id, row.leader_id) for row in rows}

    def test_compliance_list(self):
        self.assertEqual(
            {employee for employee, (offered, *_rest) in self.compliance().items() if not offered},
            set(self.targeted),
        )
        cycle = self.launch()
        rows = self.compliance()
        self.assertEqual(rows[self.employee], (True, self.department, self.leader))
        self.assertEqual(rows[self.colleague], (True, self.sub_department, self.leader))
        self.assertEqual(rows[self.orphan], (False, self.department, self.env["hr.employee"]))
        # Declined counts as offered.
        interview = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee)
        self.as_employee(interview).action_decline()
        self.assertTrue(self.compliance()[self.employee][0])
        # Grouped per department and leader, as the menu shows it.
        groups = self.env["mus.compliance"].with_user(self.user_hr_officer).read_group(
            [("employee_id", "in", self.targeted.ids), ("is_offered", "=", False)],
            ["employee_id:count"], ["department_id", "leader_id"], lazy=False,
        )
        self.assertEqual(
            {(group["department_id"][0], group["leader_id"] and group["leader_id"][0], group["__count"])
             for group in groups},
            {(self.department.id, False, 3), (self.department.id, self.leader_without_user.id, 1)},
        )

    def test_invitation_counts_as_offered(self):
        interview = self.create_interview()
        self.assertFalse(self.compliance()[self.employee][0], "planned is not offered")
        self.as_leader(interview).action_invite()
        self.assertTrue(interview.offered_on)
        self.assertTrue(self.compliance()[self.employee][0])

    def test_only_hr_reads_compliance(self):
        for user in (self.user_leader, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.compliance(user)

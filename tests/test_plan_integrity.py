from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SIGNATURE, MusWorkflowCase


@tagged("post_install", "-at_install", "access_rights")
class TestMusPlanIntegrity(MusWorkflowCase):
    """The second signature seals the plan into its company's hash chain; a
    sealed plan cannot be changed, and a change made around the ORM is found."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["mus.development.plan"]

    def sealed_interview(self, employee=None):
        return self.walk_to(self.create_interview(employee=employee), "follow_up").sudo()

    def check(self):
        self.env.invalidate_all()
        return self.Plan.with_user(self.user_hr_manager)._mus_check_integrity()

    # ------------------------------------------------------------------
    # Sealing
    # ------------------------------------------------------------------
    def test_second_signature_seals_into_the_company_chain(self):
        start = self.company.sudo().mus_hash_sequence
        last = self.Plan.search([("company_id", "=", self.company.id), ("hash_sequence", "=", start)])
        interview = self.create_interview()
        self.walk_to(interview, "signing")
        self.as_leader(interview).action_sign(signature=SIGNATURE)
        self.assertFalse(interview.plan_id.sudo().signed_hash, "one signature does not seal the plan")
        self.as_employee(interview).action_sign(signature=SIGNATURE)
        first = interview.plan_id.sudo()
        self.assertRecordValues(first, [{
            "hash_sequence": start + 1, "previous_hash": last.signed_hash or "",
            "signed_employee_name": "Erik Medarbejder", "signed_leader_name": "Lene Leder",
            "signed_leader_id": self.leader.id,
        }])
        self.assertEqual(len(first.signed_hash), 64)
        self.assertEqual(first.signed_hash, first._mus_compute_hash())

        second = self.sealed_interview(self.colleague).plan_id.sudo()
        self.assertRecordValues(second, [{"hash_sequence": start + 2, "previous_hash": first.signed_hash}])
        self.assertEqual(self.company.sudo().mus_hash_sequence, start + 2)
        self.assertFalse(self.check())

    def test_each_company_has_its_own_chain(self):
        other_company = self.env["res.company"].create({"name": "Anden Kommune"})
        self.user_leader.company_ids |= other_company
        self.user_hr_manager.company_ids |= other_company
        leader = self.env["hr.employee"].create({
            "name": "Lene Leder", "user_id": self.user_leader.id, "company_id": other_company.id,
        })
        employee = self.env["hr.employee"].create({
            "name": "Erik Medarbejder", "user_id": self.user_employee.id, "company_id": other_company.id,
            "parent_id": leader.id,
        })
        self.user_employee.company_ids |= other_company
        interview = self.env["mus.interview"].with_user(self.user_leader).with_company(other_company).create({
            "employee_id": employee.id, "template_id": self.template.id, "year": 2026,
            "scheduled_date": self.date,
        })
        self.walk_to(interview, "follow_up")
        self.assertRecordValues(interview.plan_id.sudo(), [{
            "company_id": other_company.id, "hash_sequence": 1, "previous_hash": "",
        }])
        self.assertFalse(self.Plan.with_user(self.user_hr_manager)._mus_check_integrity(other_company))

    def test_renaming_or_handing_over_keeps_the_seal(self):
        """The parties are sealed as they signed: a later rename or hand-over
        is not tampering."""
        interview = self.sealed_interview()
        self.employee.name = "Erik Nyt-Navn"
        interview.sudo().employee_id.parent_id = self.other_leader  # moves to Ove's team
        interview.with_user(self.user_hr_officer).write({"leader_id": self.other_leader.id})
        self.assertFalse(self.check())

    # ------------------------------------------------------------------
    # Who sees the seal and runs the check
    # ------------------------------------------------------------------
    def test_seal_and_check_are_for_managers(self):
        plan = self.sealed_interview().plan_id
        self.assertTrue(plan.with_user(self.user_hr_manager).signed_hash)
        for user in (self.user_hr_officer, self.user_leader, self.user_employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    plan.with_user(user).read(["signed_hash"])
                with self.assertRaises(AccessError):
                    self.Plan.with_user(user)._mus_check_integrity()
                with self.assertRaises(AccessError):
                    self.Plan.with_user(user).action_mus_verify_integrity()
                with self.assertRaises(AccessError):
                    self.env.ref("mus_odoo.mus_development_plan_action_verify").with_user(user).run()
        action = self.env.ref("mus_odoo.mus_development_plan_action_verify")
        self.assertEqual(action.groups_id, self.env.ref("mus_odoo.group_mus_manager"))

    def test_nobody_writes_the_seal(self):
        plan = self.sealed_interview().plan_id
        for user in (self.user_hr_manager, self.user_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                plan.with_user(user).write({"signed_hash": "0" * 64})
        with self.assertRaises(AccessError):
            plan.sudo().write({"previous_hash": "0" * 64})
        with self.assertRaises(AccessError):
            plan.sudo().with_context(mus_sealing=True).with_user(self.user_hr_manager).write({"hash_sequence": 9})

    # ------------------------------------------------------------------
    # Locked, even for the superuser
    # ------------------------------------------------------------------
    def test_sealed_content_refused_even_in_sudo(self):
        interview = self.sealed_interview()
        plan = interview.plan_id.sudo()
        goal = plan.goal_ids
        attempts = {
            "plan period": lambda: plan.write({"date_start": "2027-01-01"}),
            "employee signature": lambda: plan.write({"employee_signature": SIGNATURE}),
            "leader signed on": lambda: plan.write({"leader_signed_on": "2026-01-01 10:00:00"}),
            "goal text": lambda: goal.write({"name": "Noget helt andet"}),
            "goal budget": lambda: goal.write({"budget": 99999}),
            "new goal": lambda: plan.write({"goal_ids": [Command.create({"name": "Ekstra mål"})]}),
            "goal removed": lambda: goal.unlink(),
            "plan removed": lambda: plan.unlink(),
        }
        for name, attempt in attempts.items():
            with self.subTest(attempt=name), self.assertUserError("sealed"):
                attempt()
        with self.assertUserError("locked"):
            self.as_leader(interview).plan_id.write({"date_start": "2027-01-01"})
        # Follow-up is not signed content.
        self.as_leader(interview).plan_id.goal_ids.write({"status": "in_progress", "progress": 30})
        self.assertFalse(self.check())

    # ------------------------------------------------------------------
    # Tampering around the ORM is found
    # ------------------------------------------------------------------
    def test_sql_change_of_a_goal_is_found(self):
        plan = self.sealed_interview().plan_id
        other = self.sealed_interview(self.colleague).plan_id
        self.assertFalse(self.check())
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE mus_development_goal SET name = %s WHERE id = %s", ["Et andet mål", plan.goal_ids.id],
        )
        self.assertEqual(self.check(), plan)
        result = self.Plan.with_user(self.user_hr_manager).action_mus_verify_integrity()
        self.assertEqual(result["params"]["type"], "danger")
        self.assertIn(plan.display_name, result["params"]["message"])
        self.assertNotIn(other.display_name, result["params"]["message"])

    def test_sql_changes_of_signed_fields_are_found(self):
        changes = [
            "UPDATE mus_development_goal SET deadline = deadline + 1 WHERE plan_id = %(id)s",
            "UPDATE mus_development_goal SET budget = 1 WHERE plan_id = %(id)s",
            "UPDATE mus_development_plan SET date_end = '2030-01-01' WHERE id = %(id)s",
            "UPDATE mus_development_plan SET employee_signed_on = employee_signed_on + interval '1 hour' "
            "WHERE id = %(id)s",
            "UPDATE mus_development_plan SET leader_signed_by = %(uid)s WHERE id = %(id)s",
            "UPDATE mus_development_plan SET signed_leader_name = 'Ove Leder' WHERE id = %(id)s",
            "DELETE FROM mus_development_goal WHERE plan_id = %(id)s",
        ]
        plan = self.sealed_interview().plan_id
        for change in changes:
            with self.subTest(change=change):
                self.env.flush_all()
                self.env.cr.execute("SAVEPOINT tamper")
                self.env.cr.execute(change, {"id": plan.id, "uid": self.user_other_leader.id})
                self.assertEqual(self.check(), plan)
                self.env.cr.execute("ROLLBACK TO SAVEPOINT tamper")
                self.assertFalse(self.check())

    def test_signature_image_change_is_found(self):
        plan = self.sealed_interview().plan_id
        self.env.flush_all()
        signature = self.env["mus.interview.content"].search([
            ("interview_id", "=", plan.interview_id.id), ("kind", "=", "employee_signature"),
        ])
        attachment = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", signature._name), ("res_id", "=", signature.id), ("res_field", "=", "signature"),
        ])
        self.assertTrue(attachment)
        # Another image put in underneath the ORM.
        self.env.cr.execute(
            "UPDATE ir_attachment SET store_fname = NULL, db_datas = %s WHERE id = %s", [b"forged", attachment.id],
        )
        self.assertEqual(self.check(), plan)

    def test_broken_link_is_found(self):
        first = self.sealed_interview().plan_id
        second = self.sealed_interview(self.colleague).plan_id
        self.env.flush_all()
        self.env.cr.execute("UPDATE mus_development_plan SET previous_hash = %s WHERE id = %s", ["0" * 64, second.id])
        self.assertEqual(self.check(), second)
        # Rehashing a changed plan breaks the link of the next one.
        self.env.cr.execute("UPDATE mus_development_plan SET previous_hash = %s WHERE id = %s",
                            [first.signed_hash, second.id])
        self.env.cr.execute("UPDATE mus_development_goal SET name = 'Forfalsket' WHERE plan_id = %s", [first.id])
        self.env.invalidate_all()
        forged_hash = first._mus_compute_hash()
        self.env.cr.execute("UPDATE mus_development_plan SET signed_hash = %s WHERE id = %s", [forged_hash, first.id])
        self.assertEqual(self.check(), second)

    def test_removed_or_unsealed_plans_are_found(self):
        first = self.sealed_interview().plan_id
        second = self.sealed_interview(self.colleague).plan_id
        self.env.flush_all()
        # The last link deleted: the company's chain is shorter than recorded.
        self.env.cr.execute("SAVEPOINT tamper")
        self.env.cr.execute("UPDATE mus_development_plan SET hash_sequence = 0, signed_hash = NULL WHERE id = %s",
                            [second.id])
        self.assertEqual(self.check(), first | second)
        self.env.cr.execute("ROLLBACK TO SAVEPOINT tamper")
        # A link in the middle gone: the sequence has a hole.
        self.env.cr.execute("UPDATE mus_development_plan SET hash_sequence = hash_sequence + 1 WHERE id = %s",
                            [second.id])
        self.assertEqual(self.check(), second)

    def test_verify_action_reports_success(self):
        self.sealed_interview()
        action = self.env.ref("mus_odoo.mus_development_plan_action_verify")
        result = action.with_user(self.user_hr_manager).run()
        self.assertEqual(result["params"]["type"], "success")
        self.assertIn("match what was signed", result["params"]["message"])

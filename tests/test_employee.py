from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SIGNATURE, MusWorkflowCase

HELD = datetime(2026, 12, 1, 10, 0)


@tagged("post_install", "-at_install", "workflow")
class TestMusEmployee(MusWorkflowCase):
    """The MUS smart button and dates on the employee form (HR reads them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr = mail_new_test_user(
            cls.env, login="mus_hr_user", name="Helle Personale", groups="base.group_user,hr.group_hr_user",
        )

    def employee_values(self, employee=None):
        self.env.invalidate_all()
        employee = (employee or self.employee).with_user(self.user_hr)
        return {
            "count": employee.mus_interview_count,
            "last": employee.mus_last_date,
            "next": employee.mus_next_due_date,
            "plan": employee.mus_current_plan_id,
        }

    def test_no_mus_yet(self):
        self.assertEqual(self.employee_values(), {"count": 0, "last": False, "next": False, "plan": self.env[
            "mus.development.plan"]})

    def test_counts_and_dates(self):
        interview = self.create_interview()
        values = self.employee_values()
        self.assertEqual((values["count"], values["last"], values["next"]), (1, False, False),
                         "a planned MUS is not held yet")
        with freeze_time(HELD):
            self.walk_to(interview, "interview")
        values = self.employee_values()
        self.assertEqual(values["count"], 1)
        self.assertEqual(values["last"], date(2026, 12, 1))
        self.assertEqual(values["next"], date(2027, 12, 1), "last + the company's 12 months")
        self.assertFalse(values["plan"], "no signed plan yet")

        self.company.mus_interval_months = 18
        self.assertEqual(self.employee_values()["next"], date(2028, 6, 1))

        with freeze_time(HELD):
            self.walk_to(interview, "follow_up")
        self.assertEqual(self.employee_values()["plan"], interview.plan_id)
        self.assertEqual(self.employee_values(self.colleague)["count"], 0, "only the employee's own MUS")

    def test_cancelled_not_counted(self):
        interview = self.create_interview()
        self.as_leader(interview).action_cancel(reason="Fejl")
        self.assertEqual(self.employee_values()["count"], 0)
        self.create_interview()
        self.create_interview(year=2027)
        self.assertEqual(self.employee_values()["count"], 2)

    def test_latest_held_interview_counts(self):
        with freeze_time(datetime(2025, 11, 3, 10, 0)):
            old = self.create_interview(year=2025, scheduled_date=datetime(2025, 11, 3, 9, 0))
            self.walk_to(old, "follow_up")
        with freeze_time(HELD):
            new = self.walk_to(self.create_interview(), "follow_up")
        values = self.employee_values()
        self.assertEqual(values["count"], 2)
        self.assertEqual(values["last"], date(2026, 12, 1))
        self.assertEqual(values["plan"], new.plan_id)

    def test_open_interviews_action(self):
        interview = self.create_interview()
        action = self.employee.with_user(self.user_hr).action_open_mus_interviews()
        self.assertEqual(action["res_model"], "mus.interview")
        self.assertEqual(self.env["mus.interview"].search(action["domain"]), interview)


@tagged("post_install", "-at_install", "workflow")
class TestMusInviteWizard(MusWorkflowCase):
    """Invite to MUS from the employees, as the leader."""

    def wizard(self, employees, **vals):
        return self.env["mus.invite.wizard"].with_user(self.user_leader).with_context(
            active_model="hr.employee", active_ids=employees.ids,
        ).create({"year": 2026, "template_id": self.template.id, **vals})

    def test_creates_interviews(self):
        wizard = self.wizard(self.employee | self.colleague)
        self.assertEqual(wizard.employee_ids, self.employee | self.colleague)
        self.assertFalse(wizard.send_invitation)
        action = wizard.action_create()
        interviews = self.env["mus.interview"].search(action["domain"])
        self.assertEqual(interviews.employee_id, self.employee | self.colleague)
        self.assertRecordValues(interviews.sorted(lambda i: i.employee_id.id), [
            {"state": "draft", "year": 2026, "leader_id": self.leader.id, "template_id": self.template.id},
            {"state": "draft", "year": 2026, "leader_id": self.leader.id, "template_id": self.template.id},
        ])

    def test_one_employee_with_date_invites(self):
        wizard = self.wizard(self.employee, scheduled_date=self.date, location="Mødelokale 3")
        self.assertTrue(wizard.send_invitation)
        action = wizard.action_create()
        interview = self.env["mus.interview"].browse(action["res_id"])
        self.assertRecordValues(interview, [{
            "employee_id": self.employee.id, "state": "invited", "scheduled_date": self.date,
            "location": "Mødelokale 3",
        }])
        self.assertTrue(interview.calendar_event_id)
        self.assertTrue(interview.message_ids.filtered(
            lambda m: m.subject == "Invitation to your MUS 2026" and self.employee.work_contact_id in m.partner_ids
        ))

    def test_existing_mus_refused(self):
        self.create_interview()
        with self.assertRaises(UserError) as catcher:
            self.wizard(self.employee | self.colleague).action_create()
        self.assertIn("Erik Medarbejder", catcher.exception.args[0])
        self.assertFalse(self.env["mus.interview"].search([("employee_id", "=", self.colleague.id)]))


@tagged("post_install", "-at_install", "access_rights")
class TestMusNewLeader(MusWorkflowCase):
    """HR gives the employee's MUS a new leader: the followers, activities,
    meeting, a single signature and the follow-up move to them."""

    def new_messages(self, interview, before):
        interview.invalidate_recordset(["message_ids"])
        return interview.message_ids - before

    def test_new_leader_takes_over(self):
        # Checked as superuser: the old leader no longer reads it.
        interview = self.walk_to(self.create_interview(), "preparation").sudo()
        old_partner = self.leader.work_contact_id
        new_partner = self.other_leader.work_contact_id
        self.assertIn(old_partner, interview.message_partner_ids)
        self.assertEqual(self.activities(interview), {
            ("mus_odoo.mail_act_mus_prepare", self.user_employee),
            ("mus_odoo.mail_act_mus_prepare", self.user_leader),
        })

        self.employee.parent_id = self.other_leader  # Erik moves to Ove's team
        interview.with_user(self.user_hr_officer).write({"leader_id": self.other_leader.id})
        interview.invalidate_recordset()
        self.assertRecordValues(interview, [{
            "state": "preparation", "leader_id": self.other_leader.id, "leader_user_id": self.user_other_leader.id,
        }])
        self.assertIn(new_partner, interview.message_partner_ids)
        self.assertNotIn(old_partner, interview.message_partner_ids)
        self.assertEqual(self.activities(interview), {
            ("mus_odoo.mail_act_mus_prepare", self.user_employee),
            ("mus_odoo.mail_act_mus_prepare", self.user_other_leader),
        })
        self.assertEqual(interview.calendar_event_id.partner_ids, self.employee.work_contact_id | new_partner)

        # The new leader goes on with it.
        interview.with_user(self.user_other_leader).action_submit_preparation()
        interview.with_user(self.user_other_leader).action_start_interview()
        self.assertEqual(interview.state, "interview")

    def test_new_leader_clears_single_signature(self):
        for employee, user, first_signer in (
            (self.employee, self.user_employee, self.user_leader),
            (self.colleague, self.user_colleague, None),
        ):
            with self.subTest(employee=employee.name):
                interview = self.walk_to(self.create_interview(employee=employee), "signing").sudo()
                plan = interview.plan_id
                interview.with_user(first_signer or user).action_sign(signature=SIGNATURE)
                self.assertTrue(plan.leader_signed_by or plan.employee_signed_by)
                before = interview.message_ids

                employee.parent_id = self.other_leader  # moves to Ove's team
                interview.with_user(self.user_hr_officer).write({"leader_id": self.other_leader.id})
                plan.invalidate_recordset()
                self.assertRecordValues(plan, [{
                    "leader_signature": False, "leader_signed_by": False, "leader_signed_on": False,
                    "employee_signature": False, "employee_signed_by": False, "employee_signed_on": False,
                    "is_signed": False,
                }])
                self.assertEqual(interview.state, "signing")
                notes = self.new_messages(interview, before).filtered(
                    lambda m: m.subtype_id == self.env.ref("mail.mt_note") and "signature" in (m.body or "").lower()
                )
                self.assertTrue(notes, "the chatter says the signatures were cleared")
                self.assertEqual(self.activities(interview), {
                    ("mus_odoo.mail_act_mus_sign", user),
                    ("mus_odoo.mail_act_mus_sign", self.user_other_leader),
                })

                with self.assertRaises(AccessError):
                    interview.with_user(self.user_leader).action_sign(signature=SIGNATURE)
                interview.with_user(self.user_other_leader).action_sign(signature=SIGNATURE)
                self.assertRecordValues(plan, [{"leader_signed_by": self.user_other_leader.id}])
                interview.with_user(user).action_sign(signature=SIGNATURE)
                self.assertRecordValues(interview, [{"state": "follow_up"}])
                self.assertRecordValues(plan, [{
                    "is_signed": True, "leader_signed_by": self.user_other_leader.id, "employee_signed_by": user.id,
                }])

    def test_new_leader_gets_the_follow_up(self):
        interview = self.walk_to(self.create_interview(), "follow_up").sudo()
        self.employee.parent_id = self.other_leader  # Erik moves to Ove's team
        interview.with_user(self.user_hr_officer).write({"leader_id": self.other_leader.id})
        self.assertEqual({user for _xmlid, user in self.activities(interview)}, {self.user_other_leader})
        self.assertEqual(interview.follow_up_ids.activity_id.user_id, self.user_other_leader)
        checkpoint = interview.follow_up_ids[0]
        with self.assertRaises(AccessError):
            checkpoint.with_user(self.user_leader).action_complete(note="Gammel leder")
        checkpoint.with_user(self.user_other_leader).action_complete(note="Ny leder fulgte op")
        self.assertRecordValues(checkpoint, [{"state": "done", "done_by": self.user_other_leader.id}])

    def test_only_hr_changes_leader(self):
        interview = self.walk_to(self.create_interview(), "invited").sudo()
        for user in (self.user_leader, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).write({"leader_id": self.other_leader.id})
        interview.invalidate_recordset()
        self.assertEqual(interview.leader_id, self.leader)

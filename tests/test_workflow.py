from datetime import datetime

from freezegun import freeze_time

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mus_odoo.mus_odoo import workflow
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ACTIVITY_TYPES, SIGNATURE, MusWorkflowCase

NOW = datetime(2026, 11, 2, 10, 0)




@tagged("post_install", "-at_install", "workflow")
class TestMusWorkflow(MusWorkflowCase):

    @freeze_time(NOW)
    def test_walk_every_transition(self):
        interview = self.create_interview()
        self.assertRecordValues(interview, [{
            "state": "draft", "employee_id": self.employee.id, "leader_id": self.leader.id,
            "employee_user_id": self.user_employee.id, "leader_user_id": self.user_leader.id,
            "company_id": self.company.id, "name": "MUS 2026 – Erik Medarbejder",
        }])
        self.assertTrue(interview.answer_ids, "the questions of the template are ready to answer")
        self.assertTrue(interview.plan_id, "the development plan exists from the start")

        self.as_leader(interview).action_invite()
        self.assertRecordValues(interview, [{"state": "invited", "accepted_on": False}])

        self.as_employee(interview).action_accept()
        self.assertRecordValues(interview, [{"state": "preparation", "accepted_on": NOW}])

        self.as_employee(interview).action_submit_preparation()
        self.assertRecordValues(interview, [{
            "state": "preparation", "employee_prepared_on": NOW, "leader_prepared_on": False,
        }])
        self.as_leader(interview).action_submit_preparation()
        self.assertRecordValues(interview, [{
            "state": "preparation", "employee_prepared_on": NOW, "leader_prepared_on": NOW,
        }])

        self.as_leader(interview).action_start_interview()
        self.assertRecordValues(interview, [{"state": "interview", "held_on": NOW}])

        self.add_goal(interview)
        self.as_leader(interview).action_request_signatures()
        self.assertRecordValues(interview, [{"state": "signing"}])

        self.as_leader(interview).action_sign(signature=SIGNATURE)
        self.assertRecordValues(interview, [{"state": "signing"}])
        self.assertRecordValues(interview.plan_id, [{
            "leader_signed_by": self.user_leader.id, "employee_signed_by": False, "is_signed": False,
        }])
        self.as_employee(interview).action_sign(signature=SIGNATURE)
        self.assertRecordValues(interview, [{"state": "follow_up"}])
        self.assertRecordValues(interview.plan_id, [{
            "leader_signed_by": self.user_leader.id, "employee_signed_by": self.user_employee.id,
            "is_signed": True, "signed_on": NOW,
        }])
        self.assertEqual(len(interview.follow_up_ids), 3)

        for checkpoint in interview.follow_up_ids:
            self.assertRecordValues(interview, [{"state": "follow_up"}])
            checkpoint.with_user(self.user_leader).action_complete(note="Fulgt op")
        self.assertRecordValues(interview, [{"state": "done", "closed_on": NOW}])

    def test_hr_officer_invites(self):
        interview = self.create_interview(user=self.user_hr_officer)
        interview.with_user(self.user_hr_officer).action_invite()
        self.assertRecordValues(interview, [{"state": "invited"}])

    # ------------------------------------------------------------------
    # Cancel
    # ------------------------------------------------------------------
    def test_cancel_from_every_open_state(self):
        for offset, state in enumerate(workflow.OPEN_STATES):
            with self.subTest(state=state):
                interview = self.create_interview(year=2030 + offset)
                if state != "draft":
                    self.walk_to(interview, state)
                self.as_leader(interview).action_cancel(reason=f"Lederen er syg ({state})")
                self.assertRecordValues(interview, [{
                    "state": "cancelled", "cancel_reason": f"Lederen er syg ({state})",
                }])
                self.assertTrue(interview.closed_on)
                self.assertTrue(self.messages_to_employee(interview, f"Lederen er syg ({state})"))
                self.assertFalse(
                    {xmlid for xmlid, _user in self.activities(interview)} & set(ACTIVITY_TYPES),
                    "a cancelled MUS leaves nobody anything to do",
                )

    def test_cancel_by_hr_officer(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        interview.with_user(self.user_hr_officer).action_cancel(reason="Omorganisering")
        self.assertRecordValues(interview, [{"state": "cancelled", "cancel_reason": "Omorganisering"}])

    def test_cancel_requires_reason_and_notifies_employee(self):
        interview = self.walk_to(self.create_interview(), "invited")
        for reason in (None, "", "   "):
            with self.subTest(reason=reason), self.assertUserError("Give a reason"):
                self.as_leader(interview).action_cancel(reason=reason)
        self.assertEqual(interview.state, "invited")

        self.as_leader(interview).action_cancel(reason="Medarbejderen har opsagt sin stilling")
        message = self.messages_to_employee(interview, "Medarbejderen har opsagt sin stilling")
        self.assertEqual(len(message), 1)
        self.assertIn(self.employee.work_contact_id, message.partner_ids)

    def test_cancel_wrong_actor(self):
        interview = self.walk_to(self.create_interview(), "invited")
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_cancel(reason="Jeg vil ikke")
        for user in (self.user_colleague, self.user_other_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).action_cancel(reason="Nej")
        self.assertEqual(interview.state, "invited")

    def test_cancel_closed_interview(self):
        interview = self.create_interview()
        self.as_leader(interview).action_cancel(reason="Fejl")
        with self.assertUserError("Cancelled", "Next steps from here: none"):
            self.as_leader(interview).action_cancel(reason="Igen")

    def test_cancel_wizard(self):
        interview = self.walk_to(self.create_interview(), "invited")
        action = self.as_leader(interview).action_open_cancel_wizard()
        wizard = self.env[action["res_model"]].with_user(self.user_leader).with_context(
            **action["context"],
        ).create({"reason": "Sygdom"})
        wizard.action_confirm()
        self.assertRecordValues(interview, [{"state": "cancelled", "cancel_reason": "Sygdom"}])
        with self.assertUserError("is Cancelled"):
            self.as_leader(interview).action_open_cancel_wizard()

    def test_wizard_buttons_wrong_actor(self):
        """The buttons that open a wizard refuse a wrong actor as the action does: AccessError."""
        interview = self.walk_to(self.create_interview(), "invited")
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_cancel(reason="x")
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_open_cancel_wizard()
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_open_postpone_wizard()
        self.walk_to(interview, "signing")
        with self.assertRaises(AccessError):
            interview.with_user(self.user_hr_officer).action_open_sign_wizard()

    # ------------------------------------------------------------------
    # Postpone
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_postpone_from_invited_and_preparation(self):
        for offset, state in enumerate(("invited", "preparation")):
            with self.subTest(state=state):
                interview = self.walk_to(self.create_interview(year=2030 + offset), state)
                new_date = datetime(2026, 12, 15, 13, 0)
                self.as_leader(interview).action_postpone(reason="Lederen er på kursus", new_date=new_date)
                self.assertRecordValues(interview, [{
                    "state": "invited", "scheduled_date": new_date, "accepted_on": False,
                    "employee_prepared_on": False, "leader_prepared_on": False,
                }])
                message = self.messages_to_employee(interview, "Lederen er på kursus")
                self.assertEqual(len(message), 1)
                self.assertIn(self.employee.work_contact_id, message.partner_ids)
                self.assertIn("Tuesday, December 15, 2026 at 14:00", message.body)
                self.assertEqual(
                    self.activities(interview),
                    {("mus_odoo.mail_act_mus_accept", self.user_employee)},
                    "the employee accepts the new time; the preparation activities are gone",
                )
                # The employee accepts the new time and they go on.
                self.as_employee(interview).action_accept()
                self.assertEqual(interview.state, "preparation")

    @freeze_time(NOW)
    def test_postpone_by_hr_officer(self):
        interview = self.walk_to(self.create_interview(), "invited")
        interview.with_user(self.user_hr_officer).action_postpone(
            reason="Ferie", new_date=datetime(2026, 12, 2, 9, 0),
        )
        self.assertRecordValues(interview, [{"state": "invited", "scheduled_date": datetime(2026, 12, 2, 9, 0)}])

    @freeze_time(NOW)
    def test_postpone_guards(self):
        interview = self.walk_to(self.create_interview(), "invited")
        future = datetime(2026, 12, 15, 13, 0)
        with self.assertUserError("Give a reason"):
            self.as_leader(interview).action_postpone(reason="", new_date=future)
        with self.assertUserError("Give the new date"):
            self.as_leader(interview).action_postpone(reason="Ferie", new_date=None)
        with self.assertUserError("Give the new date"):
            self.as_leader(interview).action_postpone(reason="Ferie", new_date=datetime(2026, 11, 1, 9, 0))
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_postpone(reason="Ferie", new_date=future)
        self.assertRecordValues(interview, [{"state": "invited", "scheduled_date": self.date}])

        draft = self.create_interview(year=2027)
        with self.assertUserError("Planned", "Invite", "Cancel"):
            self.as_leader(draft).action_postpone(reason="Ferie", new_date=future)

    @freeze_time(NOW)
    def test_postpone_wizard(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        action = self.as_leader(interview).action_open_postpone_wizard()
        wizard = self.env[action["res_model"]].with_user(self.user_leader).with_context(
            **action["context"],
        ).create({"reason": "Travlhed"})
        self.assertFalse(wizard.new_date, "the old date is no valid new date")
        wizard.new_date = datetime(2026, 12, 3, 9, 0)
        wizard.action_confirm()
        self.assertRecordValues(interview, [{"state": "invited", "scheduled_date": datetime(2026, 12, 3, 9, 0)}])

    # ------------------------------------------------------------------
    # Guards: state, actor, requirements
    # ------------------------------------------------------------------
    def test_wrong_state_names_state_and_next_steps(self):
        interview = self.create_interview()
        with self.assertUserError("is Planned", "Accept time", "Next steps from here: Invite, Decline, Cancel."):
            self.as_employee(interview).action_accept()
        with self.assertUserError("is Planned", "Hold interview", "Invite, Decline, Cancel"):
            self.as_leader(interview).action_start_interview()
        with self.assertUserError("is Planned", "Close"):
            self.as_leader(interview).action_done()
        self.walk_to(interview, "invited")
        with self.assertUserError("is Invited", "Next steps from here: Accept time, Postpone, Decline, Cancel."):
            self.as_leader(interview).action_invite()
        with self.assertUserError("is Invited", "Request signatures"):
            self.as_leader(interview).action_request_signatures()
        self.walk_to(interview, "preparation")
        with self.assertUserError("is Preparation", "Submit my preparation", "Hold interview"):
            self.as_employee(interview).action_accept()

    def test_wrong_actor(self):
        interview = self.create_interview()
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_invite()
        self.as_leader(interview).action_invite()
        with self.assertRaises(AccessError):
            self.as_leader(interview).action_accept()
        with self.assertRaises(AccessError):
            interview.with_user(self.user_hr_officer).action_accept()
        self.as_employee(interview).action_accept()
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_start_interview()
        with self.assertRaises(AccessError):
            interview.with_user(self.user_hr_officer).action_submit_preparation()
        self.as_leader(interview).action_start_interview()
        self.add_goal(interview)
        with self.assertRaises(AccessError):
            self.as_employee(interview).action_request_signatures()
        self.assertEqual(interview.state, "interview")

    def test_outsiders_can_do_nothing(self):
        """A colleague or another leader cannot fire any step, nor even read the MUS."""
        interview = self.create_interview()
        calls = {
            "invite": lambda i: i.action_invite(),
            "accept": lambda i: i.action_accept(),
            "postpone": lambda i: i.action_postpone(reason="x", new_date=datetime(2027, 1, 5, 9, 0)),
            "submit_preparation": lambda i: i.action_submit_preparation(),
            "start_interview": lambda i: i.action_start_interview(),
            "request_signatures": lambda i: i.action_request_signatures(),
            "sign": lambda i: i.action_sign(signature=SIGNATURE),
            "done": lambda i: i.action_done(),
            "decline": lambda i: i.action_decline(reason="x"),
            "cancel": lambda i: i.action_cancel(reason="x"),
        }
        self.assertEqual(set(calls), set(workflow.TRANSITIONS_BY_NAME))
        for state in ("draft", "invited", "preparation", "interview", "signing"):
            if state != "draft":
                self.walk_to(interview, state)
            for user in (self.user_colleague, self.user_other_leader):
                for name, call in calls.items():
                    with self.subTest(state=state, user=user.login, step=name), self.assertRaises(AccessError):
                        call(interview.with_user(user))
                with self.subTest(state=state, user=user.login), self.assertRaises(AccessError):
                    interview.with_user(user).read(["name", "state"])
            self.assertEqual(interview.state, state)
        with self.assertRaises(AccessError):
            self.env["mus.interview"].with_user(self.user_colleague).create({
                "employee_id": self.employee.id, "template_id": self.template.id, "year": 2027,
            })

    def test_invite_requires_date_and_template(self):
        interview = self.create_interview(scheduled_date=False)
        with self.assertUserError("Set the date and time of the interview first."):
            self.as_leader(interview).action_invite()
        self.assertEqual(interview.state, "draft")
        self.as_leader(interview).write({"scheduled_date": self.date, "template_id": False})
        with self.assertUserError("Choose the question template"):
            self.as_leader(interview).action_invite()
        self.as_leader(interview).template_id = self.template
        self.as_leader(interview).action_invite()
        self.assertEqual(interview.state, "invited")

    def test_request_signatures_requires_complete_goal(self):
        interview = self.walk_to(self.create_interview(), "interview")
        message = "The development plan needs at least one complete goal"
        with self.assertUserError(message):
            self.as_leader(interview).action_request_signatures()
        incomplete = (
            self.add_goal(interview, deadline=False)
            | self.add_goal(interview, responsible_id=False)
            | self.add_goal(interview, actions=False)
        )
        self.assertEqual(incomplete.mapped("is_complete"), [False, False, False])
        with self.assertUserError(message):
            self.as_leader(interview).action_request_signatures()
        self.assertEqual(interview.state, "interview")

        goal = incomplete[0]
        goal.with_user(self.user_leader).deadline = "2027-03-31"
        self.assertTrue(goal.is_complete)
        self.as_leader(interview).action_request_signatures()
        self.assertEqual(interview.state, "signing")

    def test_submit_preparation_once(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_employee(interview).action_submit_preparation()
        with self.assertUserError("You have already submitted your preparation."):
            self.as_employee(interview).action_submit_preparation()
        self.as_leader(interview).action_submit_preparation()

    def test_close_requires_follow_up(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        with self.assertUserError("Complete every follow-up checkpoint"):
            self.as_leader(interview).action_done()
        self.assertEqual(interview.state, "follow_up")

    def test_direct_state_write_refused(self):
        interview = self.create_interview()
        for user in (self.user_leader, self.user_employee, self.user_hr_officer, self.user_hr_manager):
            with self.subTest(user=user.login), self.assertRaisesRegex(AccessError, "workflow buttons"):
                interview.with_user(user).write({"state": "done"})
        self.assertEqual(interview.state, "draft")

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def test_activities_follow_the_state(self):
        interview = self.create_interview()
        self.assertFalse(self.activities(interview))

        self.as_leader(interview).action_invite()
        self.assertEqual(self.activities(interview), {("mus_odoo.mail_act_mus_accept", self.user_employee)})

        self.as_employee(interview).action_accept()
        self.assertEqual(self.activities(interview), {
            ("mus_odoo.mail_act_mus_prepare", self.user_employee),
            ("mus_odoo.mail_act_mus_prepare", self.user_leader),
        })

        self.as_leader(interview).action_submit_preparation()
        self.assertEqual(self.activities(interview), {
            ("mus_odoo.mail_act_mus_prepare", self.user_employee),
            ("mus_odoo.mail_act_mus_hold", self.user_leader),
        })
        self.as_employee(interview).action_submit_preparation()
        self.assertEqual(self.activities(interview), {("mus_odoo.mail_act_mus_hold", self.user_leader)})

        self.as_leader(interview).action_start_interview()
        self.assertEqual(self.activities(interview), {("mus_odoo.mail_act_mus_plan", self.user_leader)})

        self.add_goal(interview)
        self.as_leader(interview).action_request_signatures()
        self.assertEqual(self.activities(interview), {
            ("mus_odoo.mail_act_mus_sign", self.user_employee),
            ("mus_odoo.mail_act_mus_sign", self.user_leader),
        })

        self.as_employee(interview).action_sign(signature=SIGNATURE)
        self.assertEqual(self.activities(interview), {("mus_odoo.mail_act_mus_sign", self.user_leader)})
        self.as_leader(interview).action_sign(signature=SIGNATURE)
        activities = self.activities(interview)
        self.assertEqual({xmlid for xmlid, _user in activities}, {"mus_odoo.mail_act_mus_follow_up"})
        self.assertEqual({user for _xmlid, user in activities}, {self.user_leader})

    def test_activity_deadline_is_interview_date(self):
        interview = self.walk_to(self.create_interview(), "invited")
        activity = interview.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, self.date.date())


@tagged("post_install", "-at_install", "workflow")
class TestMusAnswerNotes(MusWorkflowCase):
    """Who writes which text of an answer, and when."""

    def setUp(self):
        super().setUp()
        self.interview = self.create_interview()
        self.answer = self.interview.answer_ids[0]

    def write_as(self, user, vals):
        self.answer.with_user(user).write(vals)
        self.answer.invalidate_recordset()

    def test_employee_note(self):
        with self.assertUserError("cannot be changed now", "Planned"):
            self.write_as(self.user_employee, {"employee_note": "For tidligt"})
        self.walk_to(self.interview, "invited")
        self.write_as(self.user_employee, {"employee_note": "Jeg trives"})
        self.assertEqual(self.answer.with_user(self.user_employee).employee_note, "Jeg trives")
        self.walk_to(self.interview, "preparation")
        self.write_as(self.user_employee, {"employee_note": "Jeg trives godt"})
        self.assertEqual(self.answer.with_user(self.user_employee).employee_note, "Jeg trives godt")
        # Private until submitted: the leader does not read it yet.
        self.assertFalse(self.answer.with_user(self.user_leader).employee_note)

        for user in (self.user_leader, self.user_hr_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.write_as(user, {"employee_note": "Skrevet af en anden"})

        self.as_employee(self.interview).action_submit_preparation()
        with self.assertUserError("is submitted"):
            self.write_as(self.user_employee, {"employee_note": "Efter aflevering"})
        for user in (self.user_employee, self.user_leader):
            self.assertEqual(self.answer.with_user(user).employee_note, "Jeg trives godt")

    def test_leader_note(self):
        self.write_as(self.user_leader, {"leader_note": "Spørg til trivsel"})
        self.walk_to(self.interview, "preparation")
        with self.assertRaises(AccessError):
            self.write_as(self.user_employee, {"leader_note": "Lederens tekst"})
        self.as_leader(self.interview).action_submit_preparation()
        with self.assertUserError("is submitted"):
            self.write_as(self.user_leader, {"leader_note": "Efter aflevering"})
        self.assertEqual(self.answer.leader_note, "Spørg til trivsel")

    def test_agreed_note(self):
        self.walk_to(self.interview, "preparation")
        with self.assertUserError("cannot be changed now", "Preparation"):
            self.write_as(self.user_leader, {"agreed_note": "For tidligt"})
        self.walk_to(self.interview, "interview")
        self.write_as(self.user_leader, {"agreed_note": "Vi aftalte et kursus"})
        self.assertEqual(self.answer.agreed_note, "Vi aftalte et kursus")
        for user in (self.user_employee, self.user_hr_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.write_as(user, {"agreed_note": "Ikke lederen"})
        with self.assertRaises(AccessError):
            self.write_as(self.user_leader, {"employee_note": "I medarbejderens navn"})
        self.walk_to(self.interview, "signing")
        with self.assertUserError("cannot be changed now", "Signing"):
            self.write_as(self.user_leader, {"agreed_note": "For sent"})
        self.assertEqual(self.answer.agreed_note, "Vi aftalte et kursus")

    def test_outsider_cannot_write(self):
        self.walk_to(self.interview, "preparation")
        for user in (self.user_colleague, self.user_other_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.write_as(user, {"employee_note": "Udefra"})


@tagged("post_install", "-at_install", "access_rights")
class TestMusStepPreconditions(MusWorkflowCase):
    """A step needs both parties to have a user; a wizard needs a MUS its user
    may read."""

    def test_invite_requires_users(self):
        no_user = self.env["hr.employee"].create({
            "name": "Ulla Uden Bruger", "parent_id": self.leader.id,
            "user_id": mail_new_test_user(self.env, login="mus_ulla", groups="base.group_portal").id,
        })
        interview = self.create_interview(employee=no_user)
        no_user.user_id = False  # planned, then her user is taken away
        with self.assertUserError("need a user"):
            self.as_leader(interview).action_invite()
        self.assertEqual(interview.state, "draft")

        leader_without_user = self.env["hr.employee"].create({"name": "Lars Uden Bruger"})
        self.leader.parent_id = leader_without_user  # Lars leads Lene: a manager above Karen
        interview = self.create_interview(
            employee=self.colleague, user=self.user_hr_officer, leader_id=leader_without_user.id,
        )
        with self.assertUserError("need a user"):
            interview.with_user(self.user_hr_officer).action_invite()
        self.assertEqual(interview.state, "draft")

    def test_wizard_on_foreign_interview_refused(self):
        """A colleague cannot open the postpone/cancel or sign wizard on a
        MUS they may not read (it would reveal its name and employee)."""
        interview = self.create_interview()
        for model, vals in (
            ("mus.reason.wizard", {"reason": "x"}),
            ("mus.sign.wizard", {}),
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_colleague).create(dict(vals, interview_id=interview.id))

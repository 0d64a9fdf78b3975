from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SIGNATURE, MusWorkflowCase

NOW = datetime(2026, 11, 2, 10, 0)
LATER = datetime(2026, 12, 15, 13, 0)
# The Danish wording of the notices, as in i18n/da.po.
DA_CANCELLED = "Din MUS er blevet aflyst. Årsag:"
DA_POSTPONED = ("Din MUS, der var planlagt til", "er flyttet til")
# What the leader writes in the review of a previous goal.
REVIEW_VALS = {
    "reached": "partly", "what_led": "Kurset", "effect": "Mere selvtillid",
    "continue_work": True, "continue_note": "Flere workshops",
}


@tagged("post_install", "-at_install", "access_rights")
class TestMusHardening(MusWorkflowCase):
    """The holes a review found, closed: what only the workflow writes, who
    creates a MUS for whom, the review of last year's plan, the follow-up, the
    date, a change of leader, templates in use, the employee's language, the
    users a MUS needs, the meeting in the calendar, deletion, goal progress."""

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def workflow_values(self, interview):
        """A value for each workflow-owned field that differs from ``interview``'s."""
        other = self.create_interview(year=2020, scheduled_date=False)
        event = self.env["calendar.event"].create({
            "name": "Et andet møde", "start": self.date, "stop": self.date + timedelta(hours=1),
        })
        return {
            "state": "done",
            "employee_prepared_on": NOW,
            "leader_prepared_on": NOW,
            "accepted_on": NOW,
            "held_on": NOW,
            "closed_on": NOW,
            "cancel_reason": "Ingen grund",
            "previous_interview_id": other.id,
            "calendar_event_id": event.id,
        }

    def interview_snapshot(self, interview, field_names):
        interview.invalidate_recordset()
        return interview.sudo().read(list(field_names))[0]

    def held_last_year(self, state="follow_up"):
        """Last year's MUS of the employee, with one goal, walked to ``state``."""
        last = self.create_interview(year=2025, scheduled_date=datetime(2025, 12, 1, 9, 0))
        self.walk_to(last, "interview")
        self.add_goal(last, name="Lære at facilitere workshops")
        return self.walk_to(last, state)

    def new_messages(self, interview, before):
        interview.invalidate_recordset(["message_ids"])
        return interview.message_ids - before

    # ------------------------------------------------------------------
    # 1. Workflow-owned fields
    # ------------------------------------------------------------------
    def test_workflow_fields_not_writable(self):
        interview = self.create_interview()
        values = self.workflow_values(interview)
        before = self.interview_snapshot(interview, values)
        users = (self.user_employee, self.user_leader, self.user_hr_officer, self.user_hr_manager)
        for user in users:
            for context in ({}, {"mus_transition": True}):
                for field_name, value in values.items():
                    with self.subTest(user=user.login, context=context, field=field_name), \
                            self.assertRaises(AccessError):
                        interview.with_user(user).with_context(**context).write({field_name: value})
        self.assertEqual(self.interview_snapshot(interview, values), before)
        self.assertEqual(interview.state, "draft")

    def test_old_state_bypass_closed(self):
        """``mus_transition`` in the context was a way round the workflow."""
        interview = self.walk_to(self.create_interview(), "preparation")
        for user in (self.user_employee, self.user_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).with_context(mus_transition=True).write({"state": "done"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).with_context(mus_transition=True).write({
                    "state": "follow_up", "held_on": NOW,
                })
        interview.invalidate_recordset()
        self.assertRecordValues(interview, [{"state": "preparation", "held_on": False, "closed_on": False}])

    def test_workflow_fields_not_creatable(self):
        values = self.workflow_values(self.env["mus.interview"])
        Interview = self.env["mus.interview"].sudo()
        for user in (self.user_leader, self.user_hr_officer):
            for context in ({}, {"mus_transition": True}):
                for field_name, value in values.items():
                    with self.subTest(user=user.login, context=context, field=field_name), \
                            self.assertRaises(AccessError):
                        self.env["mus.interview"].with_user(user).with_context(**context).create({
                            "employee_id": self.employee.id, "template_id": self.template.id,
                            "year": 2026, field_name: value,
                        })
        self.assertFalse(Interview.search([("employee_id", "=", self.employee.id), ("year", "=", 2026)]))

    # ------------------------------------------------------------------
    # 2. Who creates a MUS for whom
    # ------------------------------------------------------------------
    def test_colleague_cannot_make_themself_leader(self):
        last = self.held_last_year()
        goal = last.plan_id.goal_ids
        Interview = self.env["mus.interview"]
        vals = {"employee_id": self.employee.id, "template_id": self.template.id, "year": 2026}
        for user, leader in (
            (self.user_colleague, self.colleague),
            (self.user_colleague, None),
            (self.user_other_leader, self.other_leader),
            (self.user_leader, self.other_leader),
        ):
            create_vals = dict(vals, leader_id=leader.id) if leader else vals
            with self.subTest(user=user.login, leader=leader and leader.name), self.assertRaises(AccessError):
                Interview.with_user(user).create(create_vals)
        self.assertFalse(Interview.sudo().search([("employee_id", "=", self.employee.id), ("year", "=", 2026)]))
        # Nor did the attempt show the colleague last year's goals.
        self.assertFalse(self.env["mus.goal.review"].with_user(self.user_colleague).search([]))
        self.assertFalse(self.env["mus.development.goal"].with_user(self.user_colleague).search([]))
        with self.assertRaises(AccessError):
            goal.with_user(self.user_colleague).read(["name"])

    def test_leader_creates_for_own_team(self):
        interview = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": self.employee.id, "template_id": self.template.id, "year": 2026,
            "leader_id": self.leader.id,
        })
        self.assertRecordValues(interview, [{"state": "draft", "leader_id": self.leader.id}])
        other = self.env["mus.interview"].with_user(self.user_leader).create({
            "employee_id": self.colleague.id, "template_id": self.template.id, "year": 2026,
        })
        self.assertRecordValues(other, [{"state": "draft", "leader_id": self.leader.id}])

    def test_leader_creates_from_the_form(self):
        """What the web client sends on creation passes."""
        form = Form(self.env["mus.interview"].with_user(self.user_leader))
        form.employee_id = self.employee
        form.year = 2026
        form.scheduled_date = self.date
        form.location = "Mødelokale 3"
        interview = form.save()
        self.assertRecordValues(interview, [{
            "state": "draft", "employee_id": self.employee.id, "leader_id": self.leader.id,
            "location": "Mødelokale 3", "accepted_on": False, "closed_on": False,
        }])
        self.assertTrue(interview.calendar_event_id)

    def test_leader_cannot_create_done(self):
        for state in ("done", "follow_up", "cancelled"):
            with self.subTest(state=state), self.assertRaises(AccessError):
                self.create_interview(state=state)
        self.assertFalse(self.env["mus.interview"].sudo().search([("employee_id", "=", self.employee.id)]))

    def test_hr_officer_creates_for_anyone(self):
        """HR plans anyone's MUS, held by one of the employee's managers:
        never by someone else, HR included (the leader reads what is said)."""
        loner = self.env["hr.employee"].create({
            "name": "Lone Uden Leder",
            "user_id": mail_new_test_user(self.env, login="mus_lone", groups="base.group_portal").id,
        })
        Interview = self.env["mus.interview"].with_user(self.user_hr_officer)
        vals = {"employee_id": self.employee.id, "template_id": self.template.id, "year": 2026}
        hr_employee = self.env["hr.employee"].create({"name": "Ole HR", "user_id": self.user_hr_officer.id})
        for leader in (self.other_leader, hr_employee):
            with self.subTest(leader=leader.name), self.assertRaises(AccessError):
                Interview.create(dict(vals, leader_id=leader.id))
        self.leader.parent_id = self.other_leader  # Ove leads Lene: a manager above Erik
        interview = Interview.create(dict(vals, leader_id=self.other_leader.id))
        self.assertRecordValues(interview, [{"state": "draft", "leader_id": self.other_leader.id}])
        with self.assertRaises(AccessError):
            Interview.create({"employee_id": loner.id, "template_id": self.template.id, "year": 2026,
                              "leader_id": self.leader.id})
        interview = Interview.create({"employee_id": loner.id, "template_id": self.template.id, "year": 2026})
        self.assertRecordValues(interview, [{"state": "draft", "leader_id": False}])

    # ------------------------------------------------------------------
    # 3. The review of last year's goals
    # ------------------------------------------------------------------
    def test_only_leader_reviews_in_interview(self):
        self.held_last_year()
        interview = self.create_interview()
        review = interview.review_ids
        self.assertEqual(len(review), 1)
        empty = dict.fromkeys(REVIEW_VALS, False)

        # Before the interview: not yet, even for the leader.
        for state in ("draft", "preparation"):
            self.walk_to(interview, state)
            with self.subTest(state=state), self.assertUserError():
                review.with_user(self.user_leader).write({"reached": "yes"})
        review.invalidate_recordset()
        self.assertRecordValues(review, [empty])

        self.walk_to(interview, "interview")
        for user in (self.user_employee, self.user_hr_officer, self.user_hr_manager):
            for field_name, value in REVIEW_VALS.items():
                with self.subTest(user=user.login, field=field_name), self.assertRaises(AccessError):
                    review.with_user(user).write({field_name: value})
        review.invalidate_recordset()
        self.assertRecordValues(review, [empty])

        review.with_user(self.user_leader).write(REVIEW_VALS)
        self.assertRecordValues(review, [REVIEW_VALS])
        # The copied goal is not the leader's to rewrite.
        with self.assertRaises(UserError):
            review.with_user(self.user_leader).write({"goal": "Et andet mål"})

        # After the interview: closed, for the leader too.
        self.walk_to(interview, "signing")
        with self.assertUserError():
            review.with_user(self.user_leader).write({"reached": "no", "effect": "Ingen"})
        review.invalidate_recordset()
        self.assertRecordValues(review, [dict(REVIEW_VALS, goal="Lære at facilitere workshops")])

    def test_review_keeps_the_goal_as_it_was(self):
        last = self.held_last_year()
        old_goal = last.plan_id.goal_ids
        old_goal.with_user(self.user_leader).write({"status": "in_progress", "progress": 40})

        interview = self.create_interview()
        review = interview.review_ids
        self.assertRecordValues(review, [{
            "previous_goal_id": old_goal.id, "goal": "Lære at facilitere workshops",
            "previous_status": "in_progress",
        }])

        # Last year's plan goes on: its follow-up changes; its signed text is
        # sealed, so it changes only around the ORM (or by retention).
        old_goal.with_user(self.user_leader).write({"status": "reached", "progress": 100})
        self.env.flush_all()
        self.env.cr.execute("UPDATE mus_development_goal SET name = 'Omskrevet mål' WHERE id = %s", [old_goal.id])
        self.env.invalidate_all()
        self.assertRecordValues(review, [{"goal": "Lære at facilitere workshops", "previous_status": "in_progress"}])

        self.env.cr.execute("DELETE FROM mus_development_goal WHERE id = %s", [old_goal.id])
        self.env.invalidate_all()
        self.assertRecordValues(review, [{
            "previous_goal_id": False, "goal": "Lære at facilitere workshops", "previous_status": "in_progress",
        }])
        self.assertEqual(
            review.with_user(self.user_employee).read(["goal"])[0]["goal"], "Lære at facilitere workshops",
        )

    # ------------------------------------------------------------------
    # 4. Follow-up checkpoints
    # ------------------------------------------------------------------
    def test_follow_up_only_note_writable(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoint = interview.follow_up_ids[0]
        before = checkpoint.read(["state", "date_due", "done_on", "done_by", "progress", "note"])[0]
        forbidden = {
            "state": "done", "date_due": "2030-01-01", "done_on": NOW, "progress": 100,
            "done_by": self.user_leader.id, "goal_status": "Alt nået",
        }
        for user in (self.user_employee, self.user_leader, self.user_hr_officer, self.user_hr_manager):
            for field_name, value in forbidden.items():
                with self.subTest(user=user.login, field=field_name), self.assertRaises(AccessError):
                    checkpoint.with_user(user).write({field_name: value})
        checkpoint.invalidate_recordset()
        self.assertEqual(checkpoint.read(list(before))[0], before)
        self.assertEqual(interview.state, "follow_up")

        checkpoint.with_user(self.user_leader).write({"note": "Kurset er booket"})
        self.assertRecordValues(checkpoint, [{"note": "Kurset er booket", "state": "planned"}])
        with self.assertRaises(AccessError):
            checkpoint.with_user(self.user_employee).write({"note": "Min egen note"})
        self.assertEqual(checkpoint.note, "Kurset er booket")

    def test_follow_up_note_only_while_planned(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        first = interview.follow_up_ids[0]
        first.with_user(self.user_leader).action_complete(note="Fulgt op")
        with self.assertUserError():
            first.with_user(self.user_leader).write({"note": "Skrevet om bagefter"})
        first.invalidate_recordset()
        self.assertEqual(first.note, "Fulgt op")

    def test_complete_requires_note(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoint = interview.follow_up_ids[0].with_user(self.user_leader)
        for note in (None, "", "   "):
            with self.subTest(note=note), self.assertUserError("follow-up note"):
                checkpoint.action_complete(note=note)
        checkpoint.invalidate_recordset()
        self.assertRecordValues(checkpoint, [{"state": "planned", "done_on": False}])

    def test_complete_several_with_one_note(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoints = interview.follow_up_ids
        checkpoints[0].with_user(self.user_leader).note = "Egen note"
        checkpoints.with_user(self.user_leader).action_complete(note="Fælles opfølgning")
        self.assertRecordValues(checkpoints, [
            {"state": "done", "note": "Fælles opfølgning"},
            {"state": "done", "note": "Fælles opfølgning"},
            {"state": "done", "note": "Fælles opfølgning"},
        ])
        self.assertEqual(interview.state, "done")

    def test_complete_several_each_own_note(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        checkpoints = interview.follow_up_ids
        notes = ["Kurset er booket", "Første workshop holdt", "Anden workshop holdt"]
        for checkpoint, note in zip(checkpoints, notes, strict=True):
            checkpoint.with_user(self.user_leader).note = note
        checkpoints.with_user(self.user_leader).action_complete()
        self.assertRecordValues(checkpoints, [{"state": "done", "note": note} for note in notes])

        # A checkpoint without its own note stops the batch.
        other = self.walk_to(self.create_interview(employee=self.colleague), "follow_up")
        other.follow_up_ids[0].with_user(self.user_leader).note = "Kun den første"
        with self.assertUserError("follow-up note"):
            other.follow_up_ids.with_user(self.user_leader).action_complete()
        other.follow_up_ids.invalidate_recordset()
        self.assertEqual(other.follow_up_ids.mapped("state"), ["planned", "planned", "planned"])

    # ------------------------------------------------------------------
    # 5. Date, duration and place
    # ------------------------------------------------------------------
    def test_date_and_duration_only_in_draft(self):
        interview = self.create_interview()
        moved = datetime(2026, 12, 2, 13, 0)
        self.as_leader(interview).write({"scheduled_date": moved, "duration": 1.5})
        self.assertRecordValues(interview, [{"scheduled_date": moved, "duration": 1.5}])
        interview.with_user(self.user_hr_officer).write({"scheduled_date": self.date, "duration": 2.0})
        self.assertRecordValues(interview, [{"scheduled_date": self.date, "duration": 2.0}])

        for state in ("invited", "preparation"):
            self.walk_to(interview, state)
            for user in (self.user_leader, self.user_hr_officer):
                with self.subTest(state=state, user=user.login), self.assertUserError("Postpone"):
                    interview.with_user(user).write({"scheduled_date": moved})
                with self.subTest(state=state, user=user.login), self.assertUserError():
                    interview.with_user(user).write({"duration": 3.0})
            interview.invalidate_recordset()
            self.assertRecordValues(interview, [{"state": state, "scheduled_date": self.date, "duration": 2.0}])
            self.assertRecordValues(interview.calendar_event_id, [{
                "start": self.date, "stop": self.date + timedelta(hours=2),
            }])

    @freeze_time(NOW)
    def test_postpone_still_moves_the_date(self):
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_leader(interview).action_postpone(reason="Lederen er på kursus", new_date=LATER)
        self.assertRecordValues(interview, [{"state": "invited", "scheduled_date": LATER}])
        self.assertRecordValues(interview.calendar_event_id, [{"start": LATER, "stop": LATER + timedelta(hours=1)}])

    def test_location_until_preparation(self):
        interview = self.create_interview()
        for state, place in (("draft", "Kantinen"), ("invited", "Mødelokale 4"), ("preparation", "Online")):
            self.walk_to(interview, state)
            with self.subTest(state=state):
                self.as_leader(interview).write({"location": place})
                self.assertRecordValues(interview, [{"location": place}])
                self.assertRecordValues(interview.calendar_event_id, [{"location": place}])
        self.walk_to(interview, "interview")
        with self.assertUserError():
            self.as_leader(interview).write({"location": "Et andet sted"})
        interview.invalidate_recordset()
        self.assertEqual(interview.location, "Online")

    # ------------------------------------------------------------------
    # 6. A new leader
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # 7. Templates in use
    # ------------------------------------------------------------------
    def test_template_with_answers_cannot_be_deleted(self):
        template = self.template.with_user(self.user_hr_manager).copy()
        interview = self.walk_to(self.create_interview(template_id=template.id), "invited")
        interview.answer_ids[1].with_user(self.user_employee).employee_note = "Jeg trives"
        with self.assertUserError():
            template.with_user(self.user_hr_manager).unlink()
        self.assertTrue(template.exists())
        interview.invalidate_recordset()
        self.assertRecordValues(interview, [{"template_id": template.id}])
        self.assertEqual(interview.answer_ids[1].with_user(self.user_employee).employee_note, "Jeg trives")

    def test_template_with_empty_answers_can_be_deleted(self):
        template = self.template.with_user(self.user_hr_manager).copy()
        interview = self.create_interview(template_id=template.id)
        self.assertTrue(interview.answer_ids)
        template.with_user(self.user_hr_manager).unlink()
        self.assertFalse(template.exists())
        self.assertTrue(interview.exists())
        interview.invalidate_recordset()
        self.assertFalse(interview.template_id)
        self.assertFalse(interview.answer_ids)

    # ------------------------------------------------------------------
    # 8. Notices in the employee's language
    # ------------------------------------------------------------------
    def activate_danish_employee(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.employee.work_contact_id.lang = "da_DK"
        self.assertEqual(self.user_leader.lang, "en_US")

    def test_cancel_notice_in_employee_language(self):
        self.activate_danish_employee()
        interview = self.walk_to(self.create_interview(), "invited")
        self.as_leader(interview).action_cancel(reason="Lederen er syg")
        message = self.messages_to_employee(interview, "Lederen er syg")
        self.assertEqual(len(message), 1)
        self.assertIn(DA_CANCELLED, message.body)
        self.assertNotIn("has been cancelled", message.body)

    @freeze_time(NOW)
    def test_postpone_notice_in_employee_language(self):
        self.activate_danish_employee()
        interview = self.walk_to(self.create_interview(), "preparation")
        self.as_leader(interview).action_postpone(reason="Lederen er på kursus", new_date=LATER)
        message = self.messages_to_employee(interview, "Lederen er på kursus")
        self.assertEqual(len(message), 1)
        for fragment in DA_POSTPONED:
            self.assertIn(fragment, message.body)
        self.assertNotIn("has been moved", message.body)

    # ------------------------------------------------------------------
    # 9. Both parties need a user
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # 10. The meeting is moved from the interview, not from the calendar
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_calendar_event_not_moved_from_calendar(self):
        interview = self.walk_to(self.create_interview(), "invited")
        event = interview.calendar_event_id
        for vals in (
            {"start": LATER, "stop": LATER + timedelta(hours=1)},
            {"location": "Kantinen"},
        ):
            with self.subTest(vals=vals):
                with self.assertUserError() as catcher:
                    event.with_user(self.user_leader).write(vals)
                self.assertIn("postpone", catcher.exception.args[0].lower())
        event.invalidate_recordset()
        self.assertRecordValues(event, [{
            "start": self.date, "stop": self.date + timedelta(hours=1), "location": "Mødelokale 2",
        }])

        self.as_leader(interview).action_postpone(reason="Sygdom", new_date=LATER)
        self.assertRecordValues(event, [{"start": LATER, "stop": LATER + timedelta(hours=1)}])
        self.assertEqual(interview.calendar_event_id, event)

    # ------------------------------------------------------------------
    # 11. Deletion
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # 12. Goal progress
    # ------------------------------------------------------------------
    def test_goal_progress_only_by_leader(self):
        interview = self.walk_to(self.create_interview(), "follow_up")
        goal = interview.plan_id.goal_ids
        for user in (self.user_employee, self.user_hr_officer):
            for vals in ({"progress": 90}, {"status": "reached"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    goal.with_user(user).write(vals)
        goal.invalidate_recordset()
        self.assertRecordValues(goal, [{"progress": 0, "status": "not_started"}])
        goal.with_user(self.user_leader).write({"status": "in_progress", "progress": 30})
        self.assertRecordValues(goal, [{"progress": 30, "status": "in_progress"}])

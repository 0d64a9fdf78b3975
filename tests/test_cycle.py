from datetime import date, datetime

import psycopg2
from freezegun import freeze_time

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MusCycleCase


@tagged("post_install", "-at_install", "workflow")
class TestMusCycle(MusCycleCase):
    """Launching a cycle: one offered MUS per targeted employee with a leader."""

    def test_launch_offers_every_targeted_employee(self):
        cycle = self.launch()
        interviews = cycle.interview_ids.sorted(lambda i: i.employee_id.id)
        self.assertEqual(cycle.state, "running")
        self.assertRecordValues(interviews, [
            {"employee_id": self.employee.id, "leader_id": self.leader.id, "state": "draft", "year": 2026,
             "cycle_id": cycle.id, "template_id": self.template.id},
            {"employee_id": self.colleague.id, "leader_id": self.leader.id, "state": "draft", "year": 2026,
             "cycle_id": cycle.id, "template_id": self.template.id},
        ])
        self.assertTrue(all(interviews.mapped("offered_on")))
        questions = self.template.question_ids.filtered("active")
        for interview in interviews:
            # (Read as superuser: the lines are the parties' only.)
            self.assertEqual(interview.sudo().answer_ids.question_id, questions, "every answer line is there")
            self.assertTrue(interview.plan_id)
            # (Read as superuser: who follows a MUS is the parties' to see.)
            self.assertEqual(
                interview.sudo().message_partner_ids,
                interview.employee_id.work_contact_id | self.leader.work_contact_id,
                "the parties follow their MUS, HR does not",
            )
            self.assertEqual(self.activities(interview), {("mus_odoo.mail_act_mus_invite", self.user_leader)})
            self.assertEqual(interview.activity_ids.date_deadline, date(2026, 3, 1))
        mails = self.env["mail.mail"].search([("model", "=", "mus.interview"), ("res_id", "in", interviews.ids)])
        self.assertEqual(mails.recipient_ids, (self.employee | self.colleague).work_contact_id)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"}, "queued, not sent in the transaction")
        self.assertEqual(set(mails.mapped("subject")), {"You are offered your MUS 2026"})
        for mail in mails:
            self.assertIn(
                f'/web/login?redirect=%2Fmy%2Fmus%2F{mail.res_id}"', mail.body_html,
                "a link to the employee's MUS, through the login",
            )
            self.assertNotIn("access_token", mail.body_html, "which needs a login: the chatter keeps the mail")
        # Listed for HR, not silently skipped.
        self.assertEqual(
            {(issue.employee_id, issue.reason) for issue in cycle.issue_ids},
            {(self.leader, "no_leader"), (self.orphan, "no_leader"), (self.leader_without_user, "no_leader"),
             (self.unreachable, "no_leader_user")},
        )
        self.assertRecordValues(cycle, [{
            "interview_count": 2, "offered_count": 2, "issue_count": 4, "count_draft": 2,
            "launch_total": 6, "launch_done": 6, "launch_progress": 100.0,
        }])
        self.assertAlmostEqual(cycle.compliance_rate, 100.0 * 2 / 6)

    def test_parties_follow_with_their_subtypes(self):
        """The launch subscribes the parties in one statement, with what
        ``message_subscribe`` would give them: the default subtypes, the
        external ones to a portal employee; asked again, nobody twice."""
        portal_user = mail_new_test_user(
            self.env, login="mus_cycle_portal", name="Pia Portal", groups="base.group_portal",
        )
        portal_employee = self.env["hr.employee"].create({
            "name": "Pia Portal", "user_id": portal_user.id, "parent_id": self.leader.id,
            "department_id": self.department.id,
        })
        cycle = self.launch()
        default, _internal, external = self.env["mail.message.subtype"].default_subtypes("mus.interview")
        for interview in cycle.interview_ids.sudo():
            followers = interview.message_follower_ids
            with self.subTest(employee=interview.employee_id.name):
                self.assertEqual(
                    followers.partner_id, interview.employee_id.work_contact_id | self.leader.work_contact_id,
                )
                for follower in followers:
                    portal = follower.partner_id == portal_employee.work_contact_id
                    self.assertEqual(follower.subtype_ids, external if portal else default)
                interview._subscribe_parties()
                interview.invalidate_recordset()
                self.assertEqual(interview.message_follower_ids, followers, "nobody follows twice")
        self.assertIn(portal_employee, cycle.interview_ids.employee_id)

    def test_employee_without_user_is_listed_to_resolve(self):
        """Nobody could accept, prepare or sign a MUS of an employee without
        a user: HR is asked to give them one (a portal user will do), and the
        next launch picks them up."""
        newcomer = self.env["hr.employee"].create({
            "name": "Nanna Nyansat", "parent_id": self.leader.id, "department_id": self.department.id,
        })
        cycle = self.launch()
        self.assertNotIn(newcomer, cycle.interview_ids.employee_id)
        self.assertEqual(cycle.issue_ids.filtered(lambda i: i.employee_id == newcomer).reason, "no_employee_user")
        newcomer.user_id = mail_new_test_user(
            self.env, login="mus_nanna", name="Nanna Nyansat", groups="base.group_portal",
        )
        self.launch(cycle)
        self.assertIn(newcomer, cycle.interview_ids.employee_id)
        self.assertNotIn(newcomer, cycle.issue_ids.employee_id)

    def test_employee_whose_user_is_archived_is_listed_to_resolve(self):
        self.colleague.user_id.active = False
        cycle = self.launch()
        self.assertNotIn(self.colleague, cycle.interview_ids.employee_id)
        self.assertEqual(
            cycle.issue_ids.filtered(lambda i: i.employee_id == self.colleague).reason, "no_employee_user",
        )

    def test_no_mus_planned_for_an_employee_without_user(self):
        """As in a cycle: nobody could hold it. The leader and HR are told
        to give the employee a user first."""
        newcomer = self.env["hr.employee"].create({"name": "Nanna Nyansat", "parent_id": self.leader.id})
        for user in (self.user_leader, self.user_hr_officer):
            with self.subTest(user=user.login), self.assertUserError("Nanna Nyansat has no user"):
                self.create_interview(employee=newcomer, user=user)
        with self.assertUserError("Nanna Nyansat has no user"):
            self.env["mus.invite.wizard"].with_user(self.user_leader).with_context(
                active_model="hr.employee", active_ids=newcomer.ids,
            ).create({}).action_create()
        self.assertFalse(self.env["mus.interview"].sudo().search([("employee_id", "=", newcomer.id)]))

    def test_offer_in_the_employee_language(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.employee.work_contact_id.lang = "da_DK"
        cycle = self.launch()
        mails = self.env["mail.mail"].search([
            ("model", "=", "mus.interview"), ("res_id", "in", cycle.interview_ids.ids),
        ])
        danish = mails.filtered(lambda m: self.employee.work_contact_id in m.recipient_ids)
        self.assertEqual(danish.subject, "Du tilbydes din MUS 2026")
        self.assertIn("Kære", danish.body_html)
        self.assertIn("Lene Leder", danish.body_html)
        self.assertEqual((mails - danish).subject, "You are offered your MUS 2026")

    def test_launch_again_creates_no_duplicates(self):
        cycle = self.launch()
        first = cycle.interview_ids
        self.launch(cycle)
        self.assertEqual(cycle.interview_ids, first, "nobody gets a second MUS")
        self.assertEqual(len(cycle.issue_ids), 4)
        # Another cycle of the same year skips them too.
        other = self.launch(name="MUS 2026, runde 2")
        self.assertFalse(other.interview_ids)

    def test_mus_planned_by_the_leader_is_taken_in(self):
        """Lene planned Erik's MUS herself before HR's round: the launch
        offers that one (her date and place kept) instead of a second."""
        planned = self.create_interview(year=2026)
        self.assertFalse(planned.offered_on)
        cycle = self.launch()
        self.assertIn(planned, cycle.interview_ids)
        self.assertEqual(len(cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee)), 1)
        self.assertRecordValues(planned, [{
            "state": "draft", "cycle_id": cycle.id, "scheduled_date": self.date, "location": "Mødelokale 2",
        }])
        self.assertTrue(planned.offered_on)
        self.assertEqual(self.activities(planned), {("mus_odoo.mail_act_mus_invite", self.user_leader)})
        offer = self.env["mail.mail"].search([("model", "=", "mus.interview"), ("res_id", "=", planned.id)])
        self.assertEqual(offer.subject, "You are offered your MUS 2026")
        self.assertIn("planned for Tuesday, December 1, 2026 at 10:00; the invitation follows", offer.body_html,
                      "the time she planned, in the employee's time zone")
        cycle.invalidate_recordset()
        self.assertRecordValues(cycle, [{"offered_count": 2, "count_draft": 2}])
        # Offered now: launching again leaves it alone.
        self.launch(cycle)
        self.assertEqual(self.activities(planned), {("mus_odoo.mail_act_mus_invite", self.user_leader)})
        offers = self.env["mail.mail"].search([("model", "=", "mus.interview"), ("res_id", "=", planned.id)])
        self.assertEqual(offers, offer, "offered once")

    def test_database_refuses_a_second_mus_in_the_year(self):
        cycle = self.launch()
        interview = cycle.interview_ids[:1]
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation), self.env.cr.savepoint():
            self.env.cr.execute(
                """INSERT INTO mus_interview (employee_id, year, state, company_id, duration)
                   VALUES (%s, %s, 'draft', %s, 1)""",
                (interview.employee_id.id, 2026, self.company.id),
            )

    def test_cancelled_mus_is_offered_again(self):
        cycle = self.launch()
        interview = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee)
        interview.with_user(self.user_hr_officer).action_cancel(reason="Forkert leder")
        self.launch(cycle)
        new = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee and i.state == "draft")
        self.assertEqual(len(new), 1)
        self.assertNotEqual(new, interview)

    def test_resolved_employee_is_launched(self):
        cycle = self.launch()
        self.leader_without_user.user_id = mail_new_test_user(
            self.env, login="mus_ulla", name="Ulla Uden Bruger", groups="base.group_user",
        )
        self.orphan.parent_id = self.leader
        self.launch(cycle)
        self.assertEqual(
            cycle.interview_ids.employee_id, self.employee | self.colleague | self.unreachable | self.orphan,
        )
        self.assertEqual(cycle.issue_ids.employee_id, self.leader | self.leader_without_user)

    def test_target_filters(self):
        cycle = self.launch(
            department_ids=[(6, 0, self.sub_department.ids)],
        )
        self.assertEqual(cycle.interview_ids.employee_id, self.colleague, "sub-departments only")
        cycle = self.launch(
            name="Filter", employee_domain=f"[('id', 'in', {self.employee.ids})]", date_from=date(2027, 1, 1),
            date_to=date(2027, 12, 31),
        )
        self.assertEqual(cycle.interview_ids.employee_id, self.employee)

    def test_due_within_weeks(self):
        with freeze_time(datetime(2025, 11, 3, 10, 0)):
            held = self.create_interview(year=2025, scheduled_date=datetime(2025, 11, 3, 9, 0))
            self.walk_to(held, "interview")
        self.assertEqual(self.employee.mus_next_due_date, date(2026, 11, 3))
        self.assertFalse(self.colleague.mus_next_due_date, "never had a MUS: due now")
        cycle = self.launch(due_within_weeks=8)
        self.assertEqual(cycle.interview_ids.employee_id, self.colleague, "Erik is due in November")
        self.employee.mus_frequency_months = 2
        self.assertEqual(self.employee.mus_next_due_date, date(2026, 1, 3))
        self.launch(cycle)
        self.assertEqual(cycle.interview_ids.employee_id, self.colleague | self.employee)

    def test_declined_offer_sets_next_due(self):
        cycle = self.launch()
        interview = cycle.interview_ids.filtered(lambda i: i.employee_id == self.employee)
        with freeze_time(datetime(2026, 2, 10, 8, 0)):
            self.as_employee(interview).action_decline(reason="Ikke i år")
        self.assertEqual(self.employee.mus_next_due_date, interview.offered_on.date().replace(year=2027))

    def test_large_launch_runs_in_batches_through_the_cron(self):
        self.patch(type(self.env["mus.cycle"]), "_LAUNCH_BATCH_SIZE", 2)
        cycle = self.create_cycle()
        cron = self.env.ref("mus_odoo.ir_cron_mus_cycle_launch")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        cycle.with_user(self.user_hr_officer).action_launch()
        self.assertEqual(cycle.state, "launching")
        self.assertFalse(cycle.interview_ids, "nothing is created in the request")
        self.assertEqual(self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]), triggers + 1)
        progress = []
        for _batch in range(5):
            record = self.env["ir.cron.progress"].create({"cron_id": cron.id})
            self.env["mus.cycle"].with_context(ir_cron_progress_id=record.id)._cron_launch()
            progress.append((record.done, record.remaining, cycle.launch_done))
            if cycle.state == "running":
                break
        self.assertEqual(progress, [(2, 4, 2), (2, 2, 4), (2, 0, 6)])
        self.assertEqual(cycle.state, "running")
        self.assertEqual(cycle.interview_ids.employee_id, self.employee | self.colleague)
        self.assertEqual(len(cycle.issue_ids), 4)


@tagged("post_install", "-at_install", "workflow")
class TestMusCycleStates(MusCycleCase):
    """draft → launching → running → closed, by HR only, from the right state."""

    def test_states(self):
        cycle = self.create_cycle()
        hr = cycle.with_user(self.user_hr_officer)
        with self.assertRaises(UserError) as catcher:
            hr.action_close()
        self.assertIn("is Draft", catcher.exception.args[0])
        hr.action_launch()
        self.assertEqual(cycle.state, "running")
        hr.action_close()
        self.assertEqual(cycle.state, "closed")
        with self.assertRaises(UserError):
            hr.action_launch()
        hr.action_reopen()
        self.assertEqual(cycle.state, "running")
        with self.assertRaises(UserError) as catcher:
            cycle.with_user(self.user_hr_manager).unlink()
        self.assertNotIsInstance(catcher.exception, AccessError)

    def test_only_hr_runs_cycles(self):
        cycle = self.create_cycle()
        for user in (self.user_leader, self.user_employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.create_cycle(user=user)
                with self.assertRaises(AccessError):
                    cycle.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    cycle.with_user(user).action_launch()
        self.assertEqual(cycle.state, "draft")

    def test_manager_deletes_draft(self):
        cycle = self.create_cycle()
        with self.assertRaises(AccessError):
            cycle.with_user(self.user_hr_officer).unlink()
        cycle.with_user(self.user_hr_manager).unlink()
        self.assertFalse(cycle.exists())

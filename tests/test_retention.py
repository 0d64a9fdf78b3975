import base64
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import SIGNATURE, MusWorkflowCase

# Planted in every text of the old MUS; must be gone from the whole database.
MARKER = "Q7XRETENTIONMARKERZ9"
# Planted in a recent closed MUS, which keeps its content.
KEEP = "Q7XRECENTMUSKEPTZ9"
OLD = datetime(2019, 11, 20, 10, 0)


@tagged("post_install", "-at_install", "workflow")
class TestMusRetention(MusWorkflowCase):
    """Closed MUS older than the company's retention period are anonymised by
    the daily job: no text of theirs is left anywhere in the database; the
    dated status record stays."""

    def text_columns(self):
        self.env.cr.execute("""
            SELECT c.table_name, c.column_name, c.data_type
              FROM information_schema.columns c
              JOIN information_schema.tables t
                ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.data_type IN ('text', 'character varying', 'jsonb', 'bytea')
        """)
        return self.env.cr.fetchall()

    def places_holding(self, text):
        """Every (table, column) of the database whose value holds ``text``."""
        self.env.flush_all()
        found = []
        for table, column, data_type in self.text_columns():
            if data_type == "bytea":
                condition, value = f'position(%s::bytea IN "{column}") > 0', text.encode()
            else:
                condition, value = f'"{column}"::text LIKE %s', f"%{text}%"
            self.env.cr.execute(f'SELECT 1 FROM "{table}" WHERE {condition} LIMIT 1', [value])
            if self.env.cr.fetchone():
                found.append(f"{table}.{column}")
        return found

    def tracking_values(self, interviews):
        return self.env["mail.tracking.value"].sudo().search([
            ("mail_message_id.model", "=", "mus.interview"), ("mail_message_id.res_id", "in", interviews.ids),
        ])

    def plant(self, interview, marker):
        """Walk ``interview`` to done with ``marker`` in every text."""
        sudo = interview.sudo()
        employee_user, leader_user = sudo.employee_user_id, sudo.leader_user_id
        leader, employee = interview.with_user(leader_user), interview.with_user(employee_user)
        leader.action_invite()
        employee.action_accept()
        answer = sudo.answer_ids[0]
        answer.with_user(employee_user).employee_note = f"Forberedelse {marker}"
        answer.with_user(leader_user).leader_note = f"Lederens forberedelse {marker}"
        employee.employee_feedback = f"<p>Feedback {marker}</p>"
        leader.leader_private_note = f"<p>Privat {marker}</p>"
        leader.action_start_interview()
        answer.with_user(leader_user).agreed_note = f"Aftalt {marker}"
        leader.summary = f"<p>Resumé {marker}</p>"
        for review in sudo.review_ids:
            review.with_user(leader_user).write({
                "reached": "partly", "what_led": f"Førte til {marker}", "effect": f"Effekt {marker}",
                "continue_note": f"Fortsæt {marker}",
            })
        self.add_goal(interview, name=f"Mål {marker}", actions=f"Handling {marker}", supporters=f"Støtte {marker}")
        leader.action_request_signatures()
        leader.action_sign(signature=SIGNATURE)
        employee.action_sign(signature=SIGNATURE)
        for checkpoint in sudo.follow_up_ids:
            checkpoint.with_user(leader_user).action_complete(note=f"Opfølgning {marker}")
        self.assertEqual(sudo.state, "done")
        leader.message_post(
            body=f"Besked {marker}", attachments=[("referat.txt", f"Referat {marker}".encode())],
        )
        self.env["ir.attachment"].create({
            "name": "bilag.txt", "res_model": interview._name, "res_id": interview.id,
            "raw": f"Bilag {marker}".encode(),
        })
        sudo.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_leader.id, note=f"<p>Husk {marker}</p>",
        )
        sudo.calendar_event_id.description = f"<p>Møde {marker}</p>"
        # A tracked change, as the chatter shows it.
        message = sudo.message_post(body="Ændret", subtype_xmlid="mail.mt_note")
        self.env["mail.tracking.value"].create({
            "mail_message_id": message.id,
            "field_id": self.env["ir.model.fields"]._get(interview._name, "location").id,
            "old_value_char": f"Sted {marker}", "new_value_char": "Mødelokale 2",
        })
        return interview

    def test_retention_setting(self):
        self.assertEqual(self.company.mus_retention_years, 5)
        for years in (0, 51):
            with self.subTest(years=years), self.assertRaises(ValidationError):
                self.company.mus_retention_years = years
        settings = Form(self.env["mus.settings"].with_user(self.user_hr_manager))
        settings.mus_retention_years = 7
        settings.save().action_save()
        self.assertEqual(self.company.mus_retention_years, 7)
        cron = self.env.ref("mus_odoo.ir_cron_mus_retention")
        self.assertRecordValues(cron, [{"active": True, "interval_number": 1, "interval_type": "days"}])

    def test_old_closed_mus_leaves_no_text_in_the_database(self):
        with freeze_time(OLD - timedelta(days=365)):
            last_year = self.plant(self.create_interview(year=2018, scheduled_date=OLD - timedelta(days=355)), MARKER)
        with freeze_time(OLD):
            old = self.plant(self.create_interview(year=2019, scheduled_date=OLD + timedelta(days=10)), MARKER)
            self.assertTrue(old.sudo().review_ids, "last year's goals are reviewed")
            cancelled = self.create_interview(employee=self.colleague, year=2019,
                                              scheduled_date=OLD + timedelta(days=10))
            self.as_leader(cancelled).action_invite()
            self.as_leader(cancelled).action_cancel(reason=f"Aflyst {MARKER}")
        recent = self.plant(self.create_interview(employee=self.colleague), KEEP)
        self.env.cr.flush()  # tracking values and bus notifications, as at a commit
        self.assertIn("mus_interview_content.text", self.places_holding(MARKER))
        self.assertIn("mail_message.body", self.places_holding(MARKER))
        self.assertTrue(self.tracking_values(old | cancelled))
        old_plan = old.sudo().plan_id
        old_contents = self.env["mus.interview.content"].search([("interview_id", "in", (last_year | old).ids)])
        self.assertTrue(old_contents.filtered(lambda content: content.kind == "employee_signature"))
        old_status = old.sudo().read(["state", "year", "employee_id", "leader_id", "held_on", "closed_on"])

        self.env.ref("mus_odoo.ir_cron_mus_retention").method_direct_trigger()

        self.env.flush_all()
        self.env.cr.precommit.run()
        # The web client's bus notifications are dropped by Odoo's autovacuum
        # after a minute and a half; run it as if that time had passed.
        with freeze_time(datetime.now() + timedelta(minutes=5)):
            self.env["bus.bus"]._gc_messages()
        self.env.invalidate_all()
        self.assertEqual(self.places_holding(MARKER), [])
        self.assertFalse(self.tracking_values(last_year | old | cancelled))
        self.assertFalse(self.env["ir.attachment"].search_count([
            "|", "|", "&", ("res_model", "=", "mus.interview"), ("res_id", "in", (last_year | old | cancelled).ids),
            "&", ("res_model", "=", "mus.development.plan"), ("res_id", "in", old_plan.ids),
            "&", ("res_model", "=", "mus.interview.content"), ("res_id", "in", old_contents.ids),
            "|", ("res_field", "=", False), ("res_field", "!=", False),
        ]))
        # The dated status record stays.
        self.assertEqual(old.sudo().read(["state", "year", "employee_id", "leader_id", "held_on", "closed_on"]),
                         old_status)
        self.assertFalse(old_contents.exists())
        for interview in (last_year, old, cancelled):
            self.assertTrue(interview.sudo().anonymised_on)
        self.assertRecordValues(cancelled.sudo(), [{"state": "cancelled", "cancel_reason": False}])
        self.assertRecordValues(old_plan, [{
            "is_signed": True, "employee_signed_by": self.user_employee.id, "leader_signed_by": self.user_leader.id,
        }])
        self.assertEqual(old_plan.goal_ids.status, "not_started")
        # The seal stays; the chain still holds.
        self.assertTrue(old_plan.signed_hash)
        self.assertFalse(self.env["mus.development.plan"]._mus_check_integrity())
        # The recent MUS keeps everything.
        self.assertFalse(recent.sudo().anonymised_on)
        kept = self.places_holding(KEEP)
        for place in ("mus_interview_content.text", "mus_interview_content.html", "mus_development_goal.name",
                      "mus_follow_up.note", "mail_message.body", "mail_activity.note",
                      "mail_tracking_value.old_value_char", "ir_attachment.index_content"):
            self.assertIn(place, kept)
        self.assertEqual(base64.b64decode(recent.sudo().plan_id.employee_signature), base64.b64decode(SIGNATURE))

    def test_retention_period_is_per_company(self):
        with freeze_time(datetime.now() - timedelta(days=3 * 366)):
            interview = self.walk_to(self.create_interview(year=2023, scheduled_date=datetime(2023, 12, 1)), "done")
        self.env.ref("mus_odoo.ir_cron_mus_retention").method_direct_trigger()
        self.assertFalse(interview.sudo().anonymised_on)
        self.company.mus_retention_years = 2
        self.env.ref("mus_odoo.ir_cron_mus_retention").method_direct_trigger()
        self.assertTrue(interview.sudo().anonymised_on)
        self.assertFalse(interview.sudo().plan_id.goal_ids.actions)


    def test_anonymising_is_batched(self):
        """One query per kind of data, however many interviews are erased."""
        with freeze_time(OLD):
            employees = self.employee | self.colleague
            done = self.env["mus.interview"]
            for employee in employees:
                for year in (2015, 2016, 2017):
                    done |= self.walk_to(self.create_interview(
                        employee=employee, year=year, scheduled_date=datetime(year, 12, 1, 9, 0),
                    ), "done")
        Retention = self.env["mus.retention"]
        Retention._mus_anonymise(done[0])  # warm up the caches

        def queries(interviews):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Retention._mus_anonymise(interviews)
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        self.assertEqual(queries(done[1:3]), queries(done[3:]))
        self.assertTrue(all(done.mapped("anonymised_on")))

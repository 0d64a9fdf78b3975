from unittest.mock import patch

from odoo import fields
from odoo.addons.mus_odoo.mus_odoo.sql_insert import insert_columns, stored_columns
from odoo.tests import tagged

from .common import MusCommon


@tagged("post_install", "-at_install")
class TestBulkInsertsFollowTheModel(MusCommon):
    """The launch writes answer lines and followers with one SQL insert
    each, bypassing the ORM: their column lists come from the models' stored
    fields, so a stored field added there and not inserted fails."""

    def test_answer_insert_gives_every_stored_column_of_the_line_a_value(self):
        values = self.env["mus.interview"]._mus_answer_insert_values()
        self.assertEqual(set(values), stored_columns(self.env["mus.interview.answer"]) - {"id"})

    def test_follower_insert_gives_every_stored_column_of_a_follower_a_value(self):
        values = self.env["mus.interview"]._mus_follower_insert_values()
        self.assertEqual(set(values), stored_columns(self.env["mail.followers"]) - {"id"})

    def test_a_stored_column_added_to_the_lines_and_not_inserted_fails_the_launch(self):
        Answer = self.env["mus.interview.answer"]
        with patch.dict(type(Answer)._fields, {"x_forgotten": fields.Integer(string="Forgotten")}), \
                self.assertRaisesRegex(ValueError, "x_forgotten"):
            self.create_interview()

    def test_a_stored_column_added_to_followers_and_not_inserted_fails_the_subscription(self):
        interview = self.create_interview()
        Followers = self.env["mail.followers"]
        with patch.dict(type(Followers)._fields, {"x_forgotten": fields.Integer(string="Forgotten")}), \
                self.assertRaisesRegex(ValueError, "x_forgotten"):
            interview.sudo()._subscribe_parties()

    def test_a_value_for_a_column_the_model_does_not_store_fails(self):
        values = self.env["mus.interview"]._mus_follower_insert_values()
        with self.assertRaisesRegex(ValueError, "email"):
            insert_columns(self.env["mail.followers"], {**values, "email": "x"})

    def test_inserted_lines_hold_what_the_orm_computes_for_them(self):
        interview = self.create_interview()
        answers = interview.sudo().answer_ids
        self.assertTrue(answers)
        # The stored related values as the insert wrote them, against what the ORM computes them from.
        written = answers.read(["company_id", "theme_id", "theme_sequence", "question_sequence", "create_uid"])
        for line, row in zip(answers, written, strict=True):
            self.assertEqual(row["company_id"][0], interview.company_id.id)
            self.assertEqual(row["theme_id"][0], line.question_id.theme_id.id)
            self.assertEqual(row["theme_sequence"], line.question_id.theme_id.sequence)
            self.assertEqual(row["question_sequence"], line.question_id.sequence)
            self.assertEqual(row["create_uid"][0], self.user_leader.id)
        followers = self.env["mail.followers"].sudo().search([
            ("res_model", "=", "mus.interview"), ("res_id", "=", interview.id),
        ])
        self.assertEqual(followers.partner_id, interview.sudo()._mus_party_partners())
        self.assertTrue(all(follower.subtype_ids for follower in followers))

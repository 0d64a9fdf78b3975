from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MusWorkflowCase
from .seed_wording import SEED_DA, TEMPLATE_A_ORDER, TEMPLATE_B_ORDER


@tagged("post_install", "-at_install", "workflow")
class TestMusTemplate(MusWorkflowCase):
    """The shipped question templates, and how HR adapts them."""

    def refs(self, xmlids):
        return self.env["mus.question"].browse([self.env.ref(xmlid).id for xmlid in xmlids])

    def test_shipped_templates(self):
        template_b = self.env.ref("mus_odoo.template_mus_employee_preparation")
        for template, order in ((self.template, TEMPLATE_A_ORDER), (template_b, TEMPLATE_B_ORDER)):
            with self.subTest(template=template.name):
                self.assertTrue(template.active)
                self.assertFalse(template.company_id, "offered in every company")
                self.assertTrue(template.theme_ids)
                self.assertEqual(template.question_ids.ids, self.refs(order).ids)
                self.assertEqual(template.question_count, len(order))
                self.assertEqual(template.theme_ids, template.question_ids.theme_id)
        self.assertEqual(self.template.theme_ids.mapped("review_previous_plan"), [True, False, False, False])
        self.assertEqual(
            self.template.theme_ids.ids,
            [self.env.ref(f"mus_odoo.theme_{name}").id
             for name in ("since_last_mus", "wellbeing", "work_tasks", "development_plan")],
        )

    def test_interview_questions_in_seed_order(self):
        interview = self.create_interview()
        self.assertEqual(interview.answer_ids.question_id.ids, self.refs(TEMPLATE_A_ORDER).ids)
        other = self.create_interview(
            employee=self.colleague, template_id=self.env.ref("mus_odoo.template_mus_employee_preparation").id,
        )
        self.assertEqual(other.answer_ids.question_id.ids, self.refs(TEMPLATE_B_ORDER).ids)
        self.assertEqual(interview.answer_ids[1].guidance, self.env.ref("mus_odoo.question_wellbeing_thrive").guidance)

    def test_answer_lines_of_an_adapted_template(self):
        """The lines are written in one statement: they carry what the ORM
        would compute (theme, sequences, company), follow the template's
        order and active questions, and are not doubled when asked again."""
        copy = self.template.with_user(self.user_hr_manager).copy()
        copy.theme_ids[0].sequence = 99  # the first theme moves last
        archived = copy.question_ids[-1]
        archived.active = False
        interview = self.create_interview(template_id=copy.id)
        lines = interview.sudo().answer_ids
        expected = (copy.question_ids - archived).sorted(lambda q: (q.theme_id.sequence, q.sequence, q.id))
        self.assertEqual(lines.question_id.ids, expected.ids)
        self.assertEqual(lines.ids, sorted(lines.ids), "created in the order they are answered")
        self.assertRecordValues(lines, [
            {"theme_id": question.theme_id.id, "theme_sequence": question.theme_id.sequence,
             "question_sequence": question.sequence, "company_id": interview.company_id.id}
            for question in expected
        ])
        interview.sudo()._generate_answers()
        self.assertEqual(interview.sudo().answer_ids, lines, "asked again: no line twice")

        # A draft MUS changes template: the lines of the new one replace the old.
        template_b = self.env.ref("mus_odoo.template_mus_employee_preparation")
        self.as_leader(interview).template_id = template_b
        self.assertEqual(interview.sudo().answer_ids.question_id.ids, self.refs(TEMPLATE_B_ORDER).ids)
        self.assertEqual(self.as_employee(interview).answer_ids.question_id.ids, self.refs(TEMPLATE_B_ORDER).ids,
                         "the employee reads the new lines at once")

    def test_hr_manager_copies_template(self):
        copy = self.template.with_user(self.user_hr_manager).copy()
        self.assertEqual(copy.name, f"{self.template.name} (copy)")
        self.assertEqual(len(copy.theme_ids), len(self.template.theme_ids))
        self.assertFalse(copy.theme_ids & self.template.theme_ids)
        self.assertEqual(copy.theme_ids.mapped("name"), self.template.theme_ids.mapped("name"))
        self.assertEqual(
            copy.theme_ids.mapped("review_previous_plan"), self.template.theme_ids.mapped("review_previous_plan"),
        )
        self.assertFalse(copy.question_ids & self.template.question_ids)
        self.assertEqual(copy.question_ids.mapped("name"), self.template.question_ids.mapped("name"))
        self.assertEqual(copy.question_ids.mapped("guidance"), self.template.question_ids.mapped("guidance"))
        self.assertEqual(copy.question_ids.template_id, copy)
        self.assertEqual(len(self.template.question_ids), len(TEMPLATE_A_ORDER), "the original is untouched")

        # The copy is HR's to adapt.
        question = copy.question_ids[0].with_user(self.user_hr_manager)
        question.name = "Hvordan gik sidste år?"
        self.assertEqual(self.env.ref("mus_odoo.question_plan_followup").name,
                         "Follow-up on last year's personal development plan")

    def test_answered_question_cannot_be_deleted(self):
        interview = self.walk_to(self.create_interview(), "invited")
        question = self.env.ref("mus_odoo.question_wellbeing_thrive")
        answer = interview.answer_ids.filtered(lambda a: a.question_id == question)
        answer.with_user(self.user_employee).employee_note = "Jeg trives"

        with self.assertRaises(UserError) as catcher:
            question.with_user(self.user_hr_manager).unlink()
        self.assertIn("Archive them instead", catcher.exception.args[0])
        with self.assertRaises(UserError):
            question.theme_id.with_user(self.user_hr_manager).unlink()
        self.assertTrue(question.exists())

        question.with_user(self.user_hr_manager).active = False
        self.assertFalse(question.active)
        self.assertEqual(answer.question_id, question, "the answer keeps its question")
        self.assertNotIn(question, self.create_interview(employee=self.colleague).answer_ids.question_id,
                         "new interviews no longer ask an archived question")

    def test_unanswered_question_can_be_deleted(self):
        copy = self.template.with_user(self.user_hr_manager).copy()
        question = copy.question_ids[-1].with_user(self.user_hr_manager)
        question.unlink()
        self.assertFalse(question.exists())
        self.assertEqual(len(copy.question_ids), len(TEMPLATE_A_ORDER) - 1)

    def test_question_of_unanswered_interview_can_be_deleted(self):
        """An interview that has not answered a question (empty notes) does not keep it."""
        interview = self.walk_to(self.create_interview(), "invited")
        question = self.env.ref("mus_odoo.question_tasks_other")
        self.assertIn(question, interview.answer_ids.question_id)
        question.with_user(self.user_hr_manager).unlink()
        self.assertFalse(question.exists())
        self.assertNotIn(question, interview.answer_ids.question_id)

    def test_normal_users_cannot_change_templates(self):
        theme = self.template.theme_ids[0]
        question = self.template.question_ids[0]
        for user in (self.user_leader, self.user_employee, self.user_hr_officer):
            with self.subTest(user=user.login):
                self.assertEqual(self.template.with_user(user).name, self.template.name, "everyone reads them")
                with self.assertRaises(AccessError):
                    self.template.with_user(user).write({"name": "Min skabelon"})
                with self.assertRaises(AccessError):
                    self.template.with_user(user).copy()
                with self.assertRaises(AccessError):
                    theme.with_user(user).write({"name": "Mit tema"})
                with self.assertRaises(AccessError):
                    question.with_user(user).write({"name": "Mit spørgsmål"})
                with self.assertRaises(AccessError):
                    self.env["mus.question"].with_user(user).create({"theme_id": theme.id, "name": "Nyt"})
                with self.assertRaises(AccessError):
                    question.with_user(user).unlink()
        self.assertEqual(self.template.name, "MUS – Employee Development Interview")


@tagged("post_install", "-at_install", "workflow")
class TestMusSeedWording(MusWorkflowCase):
    """The Danish wording of the seeds reads back word for word."""

    def test_danish_seed_wording(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        self.env.invalidate_all()
        for xmlid, values in SEED_DA.items():
            record = self.env.ref(xmlid).with_user(self.user_employee).with_context(lang="da_DK")
            for field_name, expected in values.items():
                with self.subTest(record=xmlid, field=field_name):
                    self.assertEqual(record[field_name], expected)

    def test_every_seed_record_is_listed(self):
        """Every translatable seed record has its Danish wording in SEED_DA."""
        data = self.env["ir.model.data"].search([
            ("module", "=", "mus_odoo"),
            ("model", "in", ("mus.question.template", "mus.question.theme", "mus.question")),
        ])
        self.assertEqual(
            {f"mus_odoo.{name}" for name in data.mapped("name")} - set(SEED_DA), set(),
        )


@tagged("post_install", "-at_install", "access_rights")
class TestMusTemplateInUse(MusWorkflowCase):
    """A template whose questions hold answers stays; one with empty answers goes."""

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

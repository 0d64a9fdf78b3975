from lxml import etree

from odoo.addons.mus_odoo.mus_odoo import workflow
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import file_open

from .common import MusWorkflowCase


@tagged("post_install", "-at_install", "workflow")
class TestMusWorkflowDeclaration(MusWorkflowCase):
    """Everything that knows the workflow reads mus_odoo/workflow.py."""

    def can(self, interview, user):
        """The transitions ``user`` sees a button for."""
        interview = interview.with_user(user)
        return {t.name for t in workflow.TRANSITIONS if interview[f"can_{t.name}"]}

    def test_states_from_declaration(self):
        Interview = self.env["mus.interview"]
        self.assertEqual(Interview._fields["state"].selection, workflow.STATES)
        self.assertEqual(set(workflow.OPEN_STATES) | set(workflow.CLOSED_STATES), {s for s, _l in workflow.STATES})
        for transition in workflow.TRANSITIONS:
            with self.subTest(transition=transition.name):
                self.assertTrue(set(transition.sources) <= set(workflow.OPEN_STATES))
                self.assertIn(transition.target, {None} | {s for s, _l in workflow.STATES})

    def test_every_transition_has_field_and_method(self):
        Interview = self.env["mus.interview"]
        for transition in workflow.TRANSITIONS:
            with self.subTest(transition=transition.name):
                field = Interview._fields.get(f"can_{transition.name}")
                self.assertTrue(field, f"can_{transition.name} is a field")
                self.assertEqual(field.type, "boolean")
                self.assertFalse(field.store)
                self.assertTrue(callable(getattr(Interview, transition.method, None)), transition.method)
                self.assertTrue(callable(getattr(Interview, transition.button_method, None)))
                for requirement in transition.requires:
                    self.assertTrue(callable(getattr(Interview, f"_requirement_{requirement.name}", None)))

    def test_form_buttons_injected(self):
        arch = self.env["mus.interview"].with_user(self.user_leader).get_views([(False, "form")])[
            "views"]["form"]["arch"]
        header = etree.fromstring(arch).xpath("//header[@name='mus_workflow']")
        self.assertEqual(len(header), 1)
        for transition in workflow.TRANSITIONS:
            with self.subTest(transition=transition.name):
                buttons = header[0].xpath(f"./button[@name='{transition.button_method}']")
                self.assertEqual(len(buttons), 1)
                self.assertEqual(buttons[0].get("type"), "object")
                self.assertEqual(buttons[0].get("invisible"), f"not can_{transition.name}")
                self.assertEqual(buttons[0].get("string"), str(transition.label))
                self.assertTrue(header[0].xpath(f".//field[@name='can_{transition.name}']"))

    def test_can_per_role(self):
        interview = self.create_interview()
        self.assertEqual(self.can(interview, self.user_leader), {"invite", "cancel"})
        self.assertEqual(self.can(interview, self.user_hr_officer), {"invite", "cancel"})
        self.assertEqual(self.can(interview, self.user_employee), set())

        self.walk_to(interview, "invited")
        self.assertEqual(self.can(interview, self.user_employee), {"accept", "decline"})
        self.assertEqual(self.can(interview, self.user_leader), {"postpone", "cancel"})
        self.assertEqual(self.can(interview, self.user_hr_officer), {"postpone", "cancel"})

        self.walk_to(interview, "preparation")
        self.assertEqual(self.can(interview, self.user_employee), {"submit_preparation"})
        self.assertEqual(
            self.can(interview, self.user_leader),
            {"postpone", "submit_preparation", "start_interview", "cancel"},
        )
        self.assertEqual(self.can(interview, self.user_hr_officer), {"postpone", "cancel"})
        self.as_employee(interview).action_submit_preparation()
        self.assertEqual(self.can(interview, self.user_employee), set())

        self.walk_to(interview, "interview")
        self.assertEqual(self.can(interview, self.user_leader), {"request_signatures", "cancel"})
        self.walk_to(interview, "signing")
        self.assertEqual(self.can(interview, self.user_employee), {"sign"})
        self.assertEqual(self.can(interview, self.user_leader), {"sign", "cancel"})
        self.assertEqual(self.can(interview, self.user_hr_officer), {"cancel"})
        self.walk_to(interview, "follow_up")
        # Close shows only once every checkpoint is done (completing the last one closes).
        self.assertEqual(self.can(interview, self.user_leader), {"cancel"})
        self.assertEqual(self.can(interview, self.user_employee), set())
        self.walk_to(interview, "done")
        for user in (self.user_leader, self.user_employee, self.user_hr_officer):
            self.assertEqual(self.can(interview, user), set())

    def test_outsiders_see_no_button(self):
        interview = self.create_interview()
        for user in (self.user_colleague, self.user_other_leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.can(interview, user)

    def test_readme_shows_the_workflow(self):
        diagram = workflow.mermaid()
        for transition in workflow.TRANSITIONS:
            self.assertIn(f": {transition.name} [", diagram)
        for state, _label in workflow.STATES:
            self.assertIn(f"    {state}: ", diagram)
        try:
            with file_open("mus_odoo/README.md") as readme:
                text = readme.read()
        except FileNotFoundError:
            self.fail("README.md is missing at the root of the addon")
        self.assertIn(workflow.readme_block(), text, "the README shows the diagram of mus_odoo/workflow.py")

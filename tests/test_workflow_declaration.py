from datetime import datetime, timedelta

from lxml import etree

from odoo.addons.mus_odoo.mus_odoo import workflow
from odoo.exceptions import AccessError, UserError
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

    def test_declared_states_have_xml_ids_to_translate_them(self):
        """The values of both workflows' state selection carry the addon's xml ids, which the
        translations of their labels (i18n/da.po) and upgrades find them by."""
        for model, declaration in (("mus.interview", workflow.MUS_WORKFLOW), ("mus.cycle", workflow.CYCLE_WORKFLOW)):
            values = self.env["ir.model.fields.selection"].search([
                ("field_id.model", "=", model), ("field_id.name", "=", "state"),
            ])
            self.assertEqual(values.mapped("value"), [code for code, _label in declaration.states])
            xml_ids = values.get_external_id()
            for value in values:
                self.assertEqual(
                    xml_ids[value.id],
                    f"mus_odoo.selection__{model.replace('.', '_')}__state__{value.value}",
                )
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(["mus_odoo"], ["da_DK"], overwrite=True)
        danish = self.env(context={"lang": "da_DK"})
        labels = dict(danish["mus.cycle"]._fields["state"]._description_selection(danish))
        self.assertEqual(labels["launching"], "Sættes i gang")
        labels = dict(danish["mus.interview"]._fields["state"]._description_selection(danish))
        self.assertEqual(labels["follow_up"], "Opfølgning")

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

    def test_search_filters_from_state_groups(self):
        arch = self.env["mus.interview"].with_user(self.user_leader).get_views([(False, "search")])[
            "views"]["search"]["arch"]
        filters = {node.get("name"): node for node in etree.fromstring(arch).xpath("//filter")}
        self.assertEqual(filters["open"].get("domain"), repr([("state", "in", list(workflow.OPEN_STATES))]))
        self.assertEqual(filters["closed"].get("domain"), repr([("state", "in", list(workflow.CLOSED_STATES))]))
        self.assertIn("declined", workflow.CLOSED_STATES, "a declined MUS is closed, in the list filters too")
        declined = self.create_interview()
        self.walk_to(declined, "invited")
        self.as_employee(declined).action_decline(reason="Orlov")
        Interview = self.env["mus.interview"].with_user(self.user_leader)
        self.assertIn(declined, Interview.search(Interview._workflow_group_domain("closed")))
        self.assertNotIn(declined, Interview.search(Interview._workflow_group_domain("open")))

    def test_activity_types_from_declaration(self):
        """The to-dos the workflow schedules and closes are the addon's activity types."""
        declared = {*workflow.MUS_WORKFLOW.all_activity_types(), *workflow.MUS_WORKFLOW.discard_types}
        addon_types = set(self.env["ir.model.data"].search([
            ("module", "=", "mus_odoo"), ("model", "=", "mail.activity.type"),
        ]).mapped(lambda data: f"{data.module}.{data.name}"))
        self.assertEqual(declared, addon_types)
        for state, todos in workflow.STATE_ACTIVITIES.items():
            for role, _xmlid in todos:
                self.assertIn(role, workflow.ROLE_LABELS, state)

    def test_personal_steps_are_declared(self):
        """Which steps stay a party's own under sudo is a flag, not the shape of the actors."""
        personal = {t.name for t in workflow.TRANSITIONS if t.personal}
        self.assertEqual(personal, {"accept", "submit_preparation", "sign", "decline"})
        interview = self.create_interview()
        self.walk_to(interview, "invited")
        with self.assertRaises(AccessError):
            interview.with_user(self.user_leader).sudo().action_accept()
        # A step that is not personal is the workflow's under sudo (what the code calls it for).
        interview.with_user(self.user_colleague).sudo().action_postpone(
            reason="Syg", new_date=datetime.now() + timedelta(days=9),
        )
        self.assertEqual(interview.state, "invited")

    def test_cycle_runs_on_the_engine(self):
        Cycle = self.env["mus.cycle"]
        self.assertEqual(Cycle._workflow, workflow.CYCLE_WORKFLOW)
        self.assertEqual(Cycle._fields["state"].selection, list(workflow.CYCLE_WORKFLOW.states))
        for transition in workflow.CYCLE_WORKFLOW.transitions:
            with self.subTest(transition=transition.name):
                self.assertEqual(f"can_{transition.name}" in Cycle._fields, not transition.internal)
                self.assertEqual(callable(getattr(Cycle, transition.method, None)), not transition.internal)
        arch = Cycle.with_user(self.user_hr_officer).get_views([(False, "search")])["views"]["search"]["arch"]
        filters = {node.get("name"): node.get("domain") for node in etree.fromstring(arch).xpath("//filter")}
        self.assertEqual(filters["running"], repr([("state", "in", ["launching", "running"])]))
        self.assertEqual(filters["closed"], repr([("state", "in", ["closed"])]))
        cycle = Cycle.with_user(self.user_hr_officer).create({"name": "MUS på motoren"})
        self.assertEqual((cycle.state, cycle.can_launch, cycle.can_close), ("draft", True, False))
        self.assertEqual(cycle.with_user(self.user_leader).sudo()._workflow_roles(), set(), "HR alone runs a cycle")
        with self.assertRaises(UserError) as catcher:
            cycle.action_reopen()
        self.assertEqual(
            catcher.exception.args[0], "MUS på motoren is Draft: this is possible only when it is Closed.",
        )

"""Every access rule of the MUS says what mus_odoo/access.py declares: the
record rules of security/*.xml, the field rules of the models, the states
and roles of their checks, the content kinds, the party predicate, the
matrix of test_confidentiality and the role tables of the docstring and the
README."""
from odoo.addons.mus_odoo.mus_odoo import access, workflow
from odoo.addons.mus_odoo.mus_odoo.models.mus_interview import MusInterview
from odoo.addons.mus_odoo.mus_odoo.models.mus_interview_content import CONTENT_KINDS
from odoo.tests import tagged
from odoo.tools import file_open
from odoo.tools.safe_eval import safe_eval

from .common import MusWorkflowCase
from .test_confidentiality import CONFIDENTIAL

PERMS = (("r", "perm_read"), ("w", "perm_write"), ("c", "perm_create"), ("u", "perm_unlink"))
STATE_CODES = [code for code, _label in workflow.STATES]


@tagged("post_install", "-at_install", "access_rights")
class TestMusAccessDeclaration(MusWorkflowCase):

    def rule_domain(self, rule, user):
        """The domain of the ``ir.rule`` ``rule`` for ``user``, as Odoo evaluates it."""
        return safe_eval(rule.domain_force, rule.with_user(user)._eval_context())

    def db_rules(self, model):
        return self.env["ir.rule"].sudo().search([("model_id.model", "=", model)])

    def test_record_rules_say_what_the_declaration_says(self):
        """Per model: the groups with a rule, their read/write/create/unlink
        permissions and their domains are those of ``RECORD_RULES``."""
        group_ids = {}
        for model in {record_rule.model for record_rule in access.RECORD_RULES}:
            for user in (self.user_employee, self.user_leader):
                with self.subTest(model=model, user=user.login):
                    declared = sorted(
                        (self.env.ref(record_rule.group).id, record_rule.perms,
                         repr(access.rule_domain(record_rule, user.id)))
                        for record_rule in access.RECORD_RULES if record_rule.model == model
                    )
                    found = []
                    for rule in self.db_rules(model).filtered("groups"):
                        self.assertEqual(len(rule.groups), 1, rule.name)
                        perms = "".join(letter for letter, name in PERMS if rule[name])
                        found.append((rule.groups.id, perms, repr(self.rule_domain(rule, user))))
                        group_ids[rule.groups.id] = rule.groups
                    self.assertEqual(sorted(found), declared)

    def test_every_mus_model_is_per_company(self):
        """Beside the declared rules, each model has one global rule: its company's records."""
        for model in {record_rule.model for record_rule in access.RECORD_RULES} - {"mus.settings"}:
            with self.subTest(model=model):
                rule = self.db_rules(model).filtered(lambda r: not r.groups)
                self.assertEqual(len(rule), 1)
                domain = self.rule_domain(rule, self.user_employee)
                self.assertEqual(domain[0][:2], ("company_id", "in"))

    def test_party_models_use_the_one_predicate(self):
        """The models a party reads inherit ``mus.party.mixin``, whose domain is
        the one of their record rule; the content rule builds on the same."""
        for model, path in {**access.PARTY_MODELS, "mus.interview.content": "interview_id"}.items():
            with self.subTest(model=model):
                Model = self.env[model]
                self.assertIsInstance(Model, type(self.env["mus.party.mixin"]))
                self.assertEqual(Model._mus_party_path, path)
                self.assertEqual(
                    Model._mus_party_domain(self.user_leader),
                    access.party_domain(self.user_leader.id, path),
                )
        content_rule = self.env.ref("mus_odoo.mus_interview_content_rule_user")
        self.assertEqual(
            self.rule_domain(content_rule, self.user_leader), access.content_domain(self.user_leader.id),
        )

    def test_roles_followers_portal_follow_the_predicate(self):
        """Who the predicate finds is who ``_mus_roles`` names a party, who
        follows, who passes the message and file checks, and whose portal
        lists the MUS."""
        interview = self.create_interview()
        self.walk_to(interview, "invited")
        Interview = self.env["mus.interview"].sudo()
        for user in (self.user_employee, self.user_leader, self.user_colleague, self.user_other_leader,
                     self.user_hr_officer):
            with self.subTest(user=user.login):
                party = bool(interview._mus_roles(user) & set(access.PARTIES))
                self.assertEqual(interview in Interview.search(Interview._mus_party_domain(user)), party)
                self.assertEqual(bool(Interview.with_user(user)._mus_party_ids(interview.ids)), party)
                self.assertEqual(user.partner_id.id in interview._mus_party_partner_ids()[interview.id], party)
                self.assertEqual(
                    interview in Interview.search(Interview._mus_portal_domain(user)),
                    "employee" in interview._mus_roles(user),
                )
        self.assertEqual(
            set(interview.sudo().message_partner_ids.ids), interview._mus_party_partner_ids()[interview.id],
        )

    def test_content_kinds_are_declared_once(self):
        """The kinds the content rule names, the selection of the content
        model and the content fields of the models are the declared kinds."""
        self.assertEqual({kind for kind, _label in CONTENT_KINDS}, set(access.CONTENT_KINDS))
        self.assertEqual(
            {kind for kind, _label in self.env["mus.interview.content"]._fields["kind"].selection},
            set(access.CONTENT_KINDS),
        )
        domain = self.rule_domain(self.env.ref("mus_odoo.mus_interview_content_rule_user"), self.user_leader)
        in_rule = [kind for leaf in domain if isinstance(leaf, tuple) and leaf[0] == "kind" for kind in leaf[2]]
        self.assertCountEqual(in_rule, access.CONTENT_KINDS, "each kind is named once in the rule")
        for declared in access.CONTENT:
            with self.subTest(kind=declared.kind):
                Model = self.env[declared.model]
                self.assertEqual(Model._mus_content_fields.get(declared.fields[0]), declared.kind)

    def test_field_rules_are_read_from_the_declaration(self):
        self.assertEqual(self.env["mus.interview"]._MUS_FIELD_RULES, access.field_rules("mus.interview"))
        self.assertEqual(self.env["mus.interview"]._MUS_WORKFLOW_FIELDS, access.workflow_fields("mus.interview"))
        self.assertEqual(self.env["mus.interview.answer"]._NOTE_RULES, access.note_rules())
        self.assertEqual(self.env["mus.goal.review"]._REVIEW_FIELDS, access.writable_fields("mus.goal.review"))
        for declared in access.ACCESS:
            with self.subTest(model=declared.model, fields=declared.fields):
                Model = self.env[declared.model]
                for field in declared.fields:
                    self.assertIn(field, Model._fields)
        # Each role that writes has the access right to write.
        for model in {declared.model for declared in access.ACCESS if declared.write}:
            with self.subTest(model=model):
                self.assertTrue(self.env[model].with_user(self.user_leader).has_access("write"))

    def test_checks_follow_the_declaration_in_every_state(self):
        """The derived matrix: in every state, each role may change a field
        or write a text exactly when the declaration says so."""
        interview = self.create_interview()
        users = {
            access.EMPLOYEE: self.user_employee, access.LEADER: self.user_leader, access.HR: self.user_hr_officer,
        }
        # (what is checked, the check, (roles, states) it must allow)
        checks = [
            *((field, lambda i, f=field: i._mus_field_error(f), rule)
              for field, rule in access.field_rules("mus.interview").items()),
            *((field, lambda i, f=field: i._mus_note_error(f), ((role,), states))
              for field, (role, states, _until) in access.note_rules().items()),
            *((name, lambda i, n=name: getattr(i, f"_mus_{n}_error")(), access.rule(name))
              for name in ("review", "plan", "progress", "follow_up")),
        ]
        for state in STATE_CODES:
            interview.sudo().write({"state": state})
            for role, user in users.items():
                for name, check, (roles, states) in checks:
                    with self.subTest(state=state, role=role, check=name):
                        error = check(interview.with_user(user))
                        self.assertEqual(error is None, role in roles and state in states, error)
        # A submitted preparation is no longer written.
        interview.sudo().write({"state": "preparation", "employee_prepared_on": "2026-11-01 10:00:00"})
        self.assertTrue(interview.with_user(self.user_employee)._mus_note_error("employee_note"))
        self.assertIsNone(interview.with_user(self.user_leader)._mus_note_error("leader_note"))

    def test_confidentiality_matrix_reads_as_declared(self):
        """Who reads each field of the confidentiality matrix is who the
        declaration says (HR only ever under a condition the matrix's
        fixture does not meet: a plan not shared)."""
        for model, field, readers in CONFIDENTIAL:
            if model == "mus.interview.content":
                continue
            with self.subTest(model=model, field=field):
                declared = next(d for d in access.of_model(model) if field in d.fields)
                self.assertEqual(set(declared.read) - {access.HR}, readers)
                if access.HR in declared.read:
                    self.assertIn(access.HR, dict(declared.read_if))

    def test_role_table_in_readme_and_docstring(self):
        with file_open("mus_odoo/README.md") as readme:
            text = readme.read()
        self.assertIn(access.readme_block(), text, "the README shows access.role_table(): paste readme_block()")
        self.assertIn("``access.role_table()``", " ".join(MusInterview.__doc__.split()))
        table = access.role_table()
        for declared in access.ACCESS:
            for field in declared.fields:
                self.assertIn(f"`{field}`", table)

"""Who sees what in a MUS, attacked from outside: over HTTP, as a client does.

tests/test_confidentiality.py proves the access table on the ORM. This suite
logs in as every role (and as nobody) and calls what a client can call:

- ``/web/dataset/call_kw`` with every read, search, group and export verb
  on the MUS models and on the mail, attachment, activity, follower,
  notification and calendar models, with search oracles on every text field
  and one relation deep (a count that changes with a secret word is a leak);
- every public method of the MUS models and their mixins, on somebody
  else's MUS;
- every route Odoo registers under the prefixes of ``ROUTE_PREFIXES``, its
  parameters filled by name from ``_route_param``.

The methods and routes are read from the registry and the routing map, so a
new one is attacked without anybody adding it; a route with a parameter the
table does not know fails ``test_every_route_parameter_is_known``.

A distinct secret word is planted in every confidential thing of the MUS of
the fixture; ``SECRETS`` says who may see each. A response holding a word
its reader may not see is a leak; a row pointing at a MUS whose existence
its reader may not know is a status leak; a change its author may not make
is a leak ("change"); an expected word missing on a party's own path is an
over-denial. One table (roles x path families) is logged either way.
"""
import base64
import hashlib
import hmac
import inspect
import json
import logging
import re
import time
from collections import defaultdict
from datetime import datetime, timedelta

from werkzeug.urls import url_encode

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SIGNATURE, MusWorkflowCase

_logger = logging.getLogger(__name__)


def word(tag):
    """A secret word: letters only, so that no escaping changes it."""
    return f"ZQX{tag.upper()}QZX"


NOWHERE = word("nowhere")

EMPLOYEE, LEADER, COLLEAGUE, OTHER_LEADER, FORMER_LEADER = (
    "employee", "leader", "colleague", "other_leader", "former_leader")
HR_OFFICER, HR_MANAGER, KARIN, OUTSIDER, OTHER_COMPANY, PUBLIC, ADMIN = (
    "hr_officer", "hr_manager", "portal_employee", "portal_outsider", "other_company_hr", "public", "admin")
ROLES = (EMPLOYEE, LEADER, COLLEAGUE, OTHER_LEADER, FORMER_LEADER, HR_OFFICER, HR_MANAGER, KARIN,
         OUTSIDER, OTHER_COMPANY, PUBLIC, ADMIN)
# The administrator may do anything in Odoo: shown in the table, never a failure.
INFORMATIVE = {ADMIN}
HR = {HR_OFFICER, HR_MANAGER}

# Who may know that each MUS of the fixture exists (its status): its parties
# and HR of its company.
STATUS = {
    "m0": {EMPLOYEE, LEADER} | HR,        # Erik's last year, followed up
    "m1": {EMPLOYEE, LEADER} | HR,        # Erik's, in follow-up, everything written
    "m2": {COLLEAGUE, LEADER} | HR,       # Karen's, preparation not submitted
    "m3": {KARIN, LEADER} | HR,           # Karin's (portal employee), preparation submitted
    "m4": {LEADER} | HR,                  # Birgit's, who moved from Fie's team to Lene's
    "m5": {COLLEAGUE, LEADER} | HR,       # Karen's next year, cancelled by HR
}
M1_PARTIES = {EMPLOYEE, LEADER}
# secret word -> who may read it (the word's own MUS is in the fixture).
SECRETS = {
    word("m0place"): STATUS["m0"], word("m1place"): STATUS["m1"], word("m2place"): STATUS["m2"],
    word("m3place"): STATUS["m3"], word("m4place"): STATUS["m4"], word("m5place"): STATUS["m5"],
    word("lastgoal"): M1_PARTIES, word("funote"): M1_PARTIES,
    word("erikprep"): M1_PARTIES, word("leaderprep"): {LEADER}, word("leaderpriv"): {LEADER},
    word("agreed"): M1_PARTIES, word("summary"): M1_PARTIES, word("feedback"): M1_PARTIES,
    word("goalname"): M1_PARTIES, word("goalactions"): M1_PARTIES, word("goalsupport"): M1_PARTIES,
    word("whatled"): M1_PARTIES, word("effect"): M1_PARTIES,
    word("erikmsg"): M1_PARTIES, word("lenemsg"): M1_PARTIES, word("tokaren"): M1_PARTIES,
    word("hrpost"): M1_PARTIES | {HR_OFFICER},
    word("scheduled"): M1_PARTIES,
    word("attname"): M1_PARTIES, word("attbody"): M1_PARTIES,
    word("actnote"): M1_PARTIES, word("actsummary"): M1_PARTIES,
    word("meetdesc"): M1_PARTIES,
    word("karenprep"): {COLLEAGUE},
    word("karinprep"): {KARIN, LEADER}, word("m3leaderprep"): {LEADER},
    word("fiemsg"): {LEADER}, word("birgitmsg"): {LEADER},
    word("cancelreason"): STATUS["m5"],
}
SIGNATURE_WORD = "signature"  # the parties' drawn signatures (SIGNATURE), m0 and m1

# Models attacked besides every stored ``mus.*`` model of the registry.
EXTRA_MODELS = (
    "mail.message", "mail.scheduled.message", "ir.attachment", "mail.activity", "mail.followers",
    "mail.notification", "mail.tracking.value", "mail.message.reaction", "mail.mail",
    "calendar.event", "calendar.attendee", "hr.employee", "hr.employee.public",
)
# The verbs of call_kw that read; each is called on every attacked model.
READ_VERBS = ("read", "web_read", "search_read", "web_search_read", "export_data", "read_group",
              "name_search", "search_count")
TEXT_TYPES = ("char", "text", "html")
# Where a method's module may come from to be attacked as a public method:
# what the MUS models define, and the mixins Odoo lets through call_kw.
METHOD_MODULES = ("odoo.addons.mus_odoo.", "odoo.addons.mail.", "odoo.addons.portal.", "odoo.addons.calendar.")

ROUTE_PREFIXES = (
    "/mail/", "/discuss/", "/portal/", "/my", "/mus/", "/web/content", "/web/image", "/report/",
    "/calendar/", "/web/dataset/", "/web/binary/", "/web/export/", "/rate/",
)
# Routes deliberately not attacked, each with its reason.
OUT_OF_SCOPE = {
    "/discuss/": "discuss.channel threads only: a MUS cannot be named in them (the channel is the "
                 "thread); MUS messages reached by id are attacked through /mail/message/*",
    "/mail/rtc/": "calls in discuss channels, no MUS record",
    "/discuss/voice/": "a static audio worklet",
    "/mail/audio_worklet": "a static audio worklet",
    "/my/deactivate_account": "deactivates the caller's own account (and ends the session); no MUS data",
    "/my/security": "the caller's own password and API keys; no MUS data",
    "/web/dataset/resequence": "resequences records the caller may write (ORM write, attacked via call_kw)",
}
# The routes' parameters that are optional and irrelevant: left to their defaults.
IGNORED_OPTIONAL = {
    "context", "limit", "offset", "before", "after", "around", "search_term", "page", "sortby", "filterby",
    "groupby", "search", "search_in", "redirect", "options", "unique", "download", "debug", "nocache",
    "placeholder", "mimetype", "width", "height", "crop", "quality", "filename_field", "filename",
    "access_mode", "is_pending", "attachment_tokens", "partner_emails", "partner_additional_values",
    "canned_response_ids", "kwargs", "message", "error", "hash", "pid", "_hash", "path",
    "fetch_params", "thread_id_field", "store_data", "subtype_xmlid", "guest_id",
}


# A comment as the chatter posts it (the portal's chatter shows comments only).
COMMENT = {"message_type": "comment", "subtype_xmlid": "mail.mt_comment"}


def _b64(text):
    return base64.b64encode(text.encode()).decode()


@tagged("post_install", "-at_install", "access_rights", "confidentiality")
class TestMusConfidentialityHttpRoutes(HttpCase):
    """The list of routes is derived, not written: a new route is attacked
    or named out of scope, never silently skipped."""

    def test_every_route_parameter_is_known(self):
        unknown = [
            f"unknown parameter {name} of route {rule.rule}: add it to _route_param"
            for rule in in_scope_rules(self.env)
            for name in required_params(rule)
            if name not in KNOWN_PARAMS
        ]
        self.assertFalse(unknown, "\n".join(unknown))
        self.assertGreater(len(in_scope_rules(self.env)), 40, "the routing map was read")


def in_scope_rules(env):
    seen, rules = set(), []
    for rule in env["ir.http"].routing_map().iter_rules():
        path = rule.rule
        if path in seen or not path.startswith(ROUTE_PREFIXES):
            continue
        if any(path.startswith(prefix) for prefix in OUT_OF_SCOPE):
            continue
        seen.add(path)
        rules.append(rule)
    return sorted(rules, key=lambda rule: rule.rule)


def original_endpoint(rule):
    endpoint = rule.endpoint
    return getattr(endpoint, "original_endpoint", None) or getattr(endpoint, "func", endpoint)


def endpoint_params(rule):
    """{name: required?} of the route's function, path arguments included."""
    params = {}
    signature = inspect.signature(original_endpoint(rule))
    for name, param in signature.parameters.items():
        if name == "self" or param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
            continue
        params[name] = param.default is param.empty
    for name in rule.arguments:
        params[name] = True
    return params


def required_params(rule):
    return [name for name, required in endpoint_params(rule).items() if required]


# Every parameter name _route_param fills.
KNOWN_PARAMS = {
    "thread_model", "model", "res_model", "thread_id", "res_id", "id", "interview_id", "message_id",
    "attachment_id", "follower_id", "token", "access_token", "request_list", "post_data", "body",
    "attachment_ids", "partner_ids", "ufile", "file_ids", "zip_name", "field", "xmlid", "converter",
    "reportname", "docids", "data", "kind", "feedback", "reason", "proposed_date", "note", "submit",
    "name", "signature", "counters", "emails", "is_internal", "action", "content", "link_preview_ids",
    "ids", "method", "args", "export_id", "import_compat", "parent_field", "parent_name", "exclude",
    "domain", "callback", "params", "tz", "rating_value", "feedback_text", "rate", "hide_partner",
    "filename", "redirect", "page", "partner_id", "attachment_data", "fields", "prefix", "parent_model",
    "type", "response_format", "unread", "exclude_fields", "barcode_type", "value",
} | IGNORED_OPTIONAL


@tagged("post_install", "-at_install", "access_rights", "confidentiality")
class TestMusConfidentialityHttp(HttpCase, MusWorkflowCase):
    """Every role against everything a client can call, on one fixture."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company_b = env["res.company"].create({"name": "Anden Kommune HTTP"})
        cls.user_former = mail_new_test_user(env, login="mus_former", name="Fie Førleder", groups="base.group_user")
        cls.user_birgit = mail_new_test_user(env, login="mus_birgit", name="Birgit Bech", groups="base.group_user")
        cls.user_karin = mail_new_test_user(
            env, login="mus_karin", name="Karin Kristensen", groups="base.group_portal", tz="Europe/Copenhagen")
        cls.user_outsider = mail_new_test_user(
            env, login="mus_outsider", name="Poul Udefra", groups="base.group_portal")
        cls.user_hr_b = mail_new_test_user(
            env, login="mus_hr_b", name="Bente HR B", company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)], groups="base.group_user,mus_odoo.group_mus_manager",
        )
        Employee = env["hr.employee"]
        cls.former = Employee.create({"name": "Fie Førleder", "user_id": cls.user_former.id})
        cls.birgit = Employee.create({
            "name": "Birgit Bech", "user_id": cls.user_birgit.id, "parent_id": cls.former.id})
        cls.karin = Employee.create({
            "name": "Karin Kristensen", "user_id": cls.user_karin.id, "parent_id": cls.leader.id,
            "tz": "Europe/Copenhagen"})
        cls.hr_employee = Employee.create({"name": "Ole HR", "user_id": cls.user_hr_officer.id})
        # HR edits the organisation in Odoo HR too.
        for user in (cls.user_hr_officer, cls.user_hr_manager, cls.user_hr_b):
            user.groups_id = [Command.link(env.ref("hr.group_hr_user").id)]
        export = env.ref("base.group_allow_export")
        for user in (cls.user_employee, cls.user_leader, cls.user_colleague, cls.user_other_leader,
                     cls.user_former, cls.user_hr_officer, cls.user_hr_manager, cls.user_hr_b):
            user.groups_id = [Command.link(export.id)]
        cls.logins = {
            EMPLOYEE: "mus_employee", LEADER: "mus_leader", COLLEAGUE: "mus_colleague",
            OTHER_LEADER: "mus_other_leader", FORMER_LEADER: "mus_former", HR_OFFICER: "mus_hr_officer",
            HR_MANAGER: "mus_hr_manager", KARIN: "mus_karin", OUTSIDER: "mus_outsider",
            OTHER_COMPANY: "mus_hr_b", PUBLIC: None, ADMIN: "admin",
        }

    # ------------------------------------------------------------------
    # The fixture: every confidential thing of a MUS holds its own word
    # ------------------------------------------------------------------
    def setUp(self):
        super().setUp()
        self.env.user.partner_id.email = self.env.user.partner_id.email or "admin@example.com"
        future = datetime.now().replace(microsecond=0) + timedelta(days=20)
        self.mus = {}
        m0 = self.walk_to(self.create_interview(year=2025, location=word("m0place")), "interview")
        self.add_goal(m0, name=word("lastgoal"))
        self.walk_to(m0, "follow_up")
        m0.sudo().follow_up_ids[0].with_user(self.user_leader).action_complete(note=word("funote"))
        self.mus["m0"] = m0

        m1 = self.walk_to(self.create_interview(location=word("m1place")), "preparation")
        employee, leader = self.as_employee(m1), self.as_leader(m1)
        employee.answer_ids.write({"employee_note": word("erikprep")})
        employee.employee_feedback = f"<p>{word('feedback')}</p>"
        leader.answer_ids.write({"leader_note": word("leaderprep")})
        leader.leader_private_note = f"<p>{word('leaderpriv')}</p>"
        employee.action_submit_preparation()
        self.walk_to(m1, "interview")
        leader.answer_ids.write({"agreed_note": word("agreed")})
        leader.summary = f"<p>{word('summary')}</p>"
        leader.review_ids.write({"what_led": word("whatled"), "effect": word("effect"), "reached": "yes"})
        self.add_goal(m1, name=word("goalname"), actions=word("goalactions"), supporters=word("goalsupport"))
        self.walk_to(m1, "follow_up")
        self.mus["m1"] = m1
        self.messages = {
            "erik": employee.message_post(body=word("erikmsg"), **COMMENT),
            "lene": leader.message_post(body=word("lenemsg"), **COMMENT),
            "to_karen": leader.message_post(
                body=word("tokaren"), partner_ids=self.user_colleague.partner_id.ids, **COMMENT),
            "hr": m1.with_user(self.user_hr_officer).message_post(body=word("hrpost"), **COMMENT),
        }
        self.env["mail.scheduled.message"].sudo().create({
            "model": "mus.interview", "res_id": m1.id, "body": word("scheduled"),
            "scheduled_date": future, "author_id": self.user_leader.partner_id.id,
        })
        self.attachment = self.env["ir.attachment"].with_user(self.user_employee).create({
            "name": f"{word('attname')}.txt", "raw": word("attbody").encode(),
            "res_model": "mus.interview", "res_id": m1.id,
        })
        m1.sudo().activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_leader.id,
            summary=word("actsummary"), note=word("actnote"),
        )
        m1.sudo().calendar_event_id.write({"description": word("meetdesc")})
        self.tokens = {"m1": m1.sudo()._portal_ensure_token()}

        m2 = self.walk_to(self.create_interview(employee=self.colleague, location=word("m2place")), "preparation")
        m2.with_user(self.user_colleague).answer_ids.write({"employee_note": word("karenprep")})
        self.mus["m2"] = m2

        m3 = self.create_interview(employee=self.karin, location=word("m3place"), scheduled_date=future)
        self.as_leader(m3).action_invite()
        as_karin = m3.with_user(self.user_karin).sudo()
        as_karin.action_accept()
        as_karin._mus_portal_save_preparation({answer.id: word("karinprep") for answer in as_karin.answer_ids})
        as_karin.action_submit_preparation()
        self.as_leader(m3).answer_ids.write({"leader_note": word("m3leaderprep")})
        self.tokens["m3"] = m3.sudo()._portal_ensure_token()
        self.mus["m3"] = m3

        m4 = self.walk_to(
            self.create_interview(employee=self.birgit, user=self.user_former, location=word("m4place")),
            "preparation")
        m4.with_user(self.user_former).message_post(body=word("fiemsg"), **COMMENT)
        m4.with_user(self.user_birgit).message_post(body=word("birgitmsg"), **COMMENT)
        self.birgit.parent_id = self.leader  # Birgit moves to Lene's team
        self.assertEqual(m4.sudo().leader_user_id, self.user_leader)
        self.mus["m4"] = m4

        m5 = self.create_interview(employee=self.colleague, year=2027, location=word("m5place"))
        m5.with_user(self.user_hr_officer).action_cancel(reason=word("cancelreason"))
        self.mus["m5"] = m5

        self.secrets = dict(SECRETS)
        for token in self.tokens.values():
            self.secrets[token] = set()  # the token: nobody over HTTP
        self.env.flush_all()
        self.env.invalidate_all()
        self.findings = []      # (role, family, path, what)
        self.cells = defaultdict(lambda: defaultdict(int))
        self.unknown = []

    # ------------------------------------------------------------------
    # HTTP helpers
    # ------------------------------------------------------------------
    def login(self, role):
        login = self.logins[role]
        self.authenticate(login, login)
        self.role = role

    def csrf(self):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(secret.encode("ascii"), self.session.sid.encode(), hashlib.sha1).hexdigest() + "o"

    def post_json(self, url, params):
        response = self.url_open(url, data=json.dumps({
            "jsonrpc": "2.0", "method": "call", "id": 0, "params": params,
        }), headers={"Content-Type": "application/json"}, allow_redirects=False)
        try:
            payload = response.json()
        except ValueError:
            payload = None
        error = None
        if isinstance(payload, dict) and payload.get("error"):
            error = payload["error"].get("data", {}).get("name") or str(payload["error"].get("message"))
        result = payload.get("result") if isinstance(payload, dict) else None
        return response, result, error

    def call_kw(self, model, method, args, kwargs=None):
        return self.post_json(f"/web/dataset/call_kw/{model}/{method}", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {},
        })

    # ------------------------------------------------------------------
    # Judging a response
    # ------------------------------------------------------------------
    def forms(self, secret):
        if secret == SIGNATURE_WORD:
            return (SIGNATURE, base64.b64decode(SIGNATURE))
        return (secret.encode(), _b64(secret).encode())

    def allowed(self, secret):
        if secret == SIGNATURE_WORD:
            return M1_PARTIES
        return self.secrets[secret]

    def scan(self, family, path, response, expect=()):
        """Report every word in ``response`` its reader may not see, and every
        word of ``expect`` it lacks."""
        content = response.content if hasattr(response, "content") else str(response).encode()
        for secret in (*self.secrets, SIGNATURE_WORD):
            if self.role in self.allowed(secret):
                continue
            if any(form in content for form in self.forms(secret)):
                self.leak(family, path, f"reads {self.name(secret)}")
        for secret in expect:
            if not any(form in content for form in self.forms(secret)):
                self.leak("over-denial", path, f"does not get {self.name(secret)}")

    def name(self, secret):
        for key, token in self.tokens.items():
            if secret == token:
                return f"the access token of {key}"
        return secret

    def leak(self, family, path, what):
        finding = (self.role, family, path, what)
        if finding not in self.findings:
            self.findings.append(finding)
            self.cells[self.role][family] += 1

    def error(self, path, error):
        self.leak("error", path, f"server error {error}")

    # ------------------------------------------------------------------
    # What points at which MUS (a row of it tells that the MUS exists)
    # ------------------------------------------------------------------
    def mus_of(self, model):
        """{record id: fixture MUS key} for the records of ``model`` that
        belong to a MUS of the fixture (read as superuser)."""
        if model in self._mus_of_cache:
            return self._mus_of_cache[model]
        keys = {record.id: key for key, record in self.mus.items()}
        Model = self.env[model].sudo().with_context(active_test=False)
        result = {}
        if model == "mus.interview":
            result = dict(keys)
        elif "res_id" in Model._fields and ({"res_model", "model"} & set(Model._fields)):
            model_field = "res_model" if "res_model" in Model._fields else "model"
            for row in Model.search_read([(model_field, "=", "mus.interview"), ("res_id", "in", list(keys))],
                                         ["res_id"]):
                result[row["id"]] = keys[row["res_id"]]
        else:
            # Relations may run in a circle (a goal continues a review line of
            # a goal): a model being walked counts as belonging to no MUS.
            self._mus_of_cache[model] = result
            for field in Model._fields.values():
                if field.type == "many2one" and field.store and field.comodel_name != model and (
                        field.comodel_name.startswith("mus.")
                        or field.comodel_name in ("mail.message", "calendar.event")):
                    parents = self.mus_of(field.comodel_name)
                    if parents:
                        for row in Model.search_read([(field.name, "in", list(parents))], [field.name]):
                            result.setdefault(row["id"], parents[row[field.name][0]])
        self._mus_of_cache[model] = result
        return result

    def status_forbidden(self, key):
        return self.role not in STATUS[key]

    def check_rows(self, family, path, model, ids, revealed=True):
        pointers = self.mus_of(model)
        for rid in ids:
            key = pointers.get(rid)
            if key and revealed and self.status_forbidden(key):
                self.leak(family, path, f"sees a {model} row of {key} (that MUS exists)")

    # ------------------------------------------------------------------
    # (1) call_kw: read verbs and search oracles
    # ------------------------------------------------------------------
    def attacked_models(self):
        names = [name for name in self.env.registry if name.startswith("mus.")
                 and not self.env[name]._transient and not self.env[name]._abstract]
        return sorted(names) + [name for name in EXTRA_MODELS if name in self.env]

    def text_paths(self, model):
        """The searchable text fields of ``model``, and one relation deep."""
        Model = self.env[model]
        attacked = set(self.attacked_models())
        paths = []
        for field in Model._fields.values():
            if field.type in TEXT_TYPES and field._description_searchable and self.searchable(Model, field):
                paths.append(field.name)
            elif field.type in ("many2one", "one2many", "many2many") and field.comodel_name in attacked \
                    and field._description_searchable:
                comodel = self.env[field.comodel_name]
                paths += [f"{field.name}.{sub.name}" for sub in comodel._fields.values()
                          if sub.type in TEXT_TYPES and sub._description_searchable and sub.store]
        return paths

    @staticmethod
    def searchable(Model, field):
        """Odoo searches a related field through its first link; a related
        field on a related field that is not stored cannot be searched."""
        if field.store or not field.related:
            return True
        first = Model._fields.get(field.related.split(".")[0] if isinstance(field.related, str)
                                  else field.related[0])
        return bool(first and first.store)

    def secrets_in_path(self, model, path):
        """The words that a search on ``path`` finds as superuser."""
        cache_key = (model, path)
        if cache_key not in self._path_cache:
            Model = self.env[model].sudo().with_context(active_test=False)
            found = []
            try:
                with self.env.cr.savepoint():
                    if Model.search_count([(path, "ilike", "ZQX")]) or path.endswith("access_token"):
                        found = [secret for secret in self.secrets
                                 if Model.search_count([(path, "ilike", secret)])]
            except Exception:
                found = []
            self._path_cache[cache_key] = found
        return self._path_cache[cache_key]

    def accessible_fields(self, model):
        user = self.env["res.users"].browse(self.uids[self.role])
        Model = self.env[model].with_user(user)
        try:
            return [name for name in Model.check_field_access_rights("read", None)
                    if Model._fields[name].type not in ("binary",) or model == "ir.attachment"]
        except Exception:
            return []

    def attack_call_kw(self):
        for model in self.attacked_models():
            self.attack_read_verbs(model)
            self.attack_oracles(model)

    def attack_read_verbs(self, model):
        Model = self.env[model]
        pointers = self.mus_of(model)
        by_mus = defaultdict(list)
        for rid, key in pointers.items():
            by_mus[key].append(rid)
        names = self.accessible_fields(model) or ["display_name"]
        spec = {}
        for name in names:
            field = Model._fields[name]
            spec[name] = {"fields": {"display_name": {}}} if field.relational else {}
        export_fields = [name for name in names if Model._fields[name].type != "binary"]
        for rel in self.text_paths(model):
            if "." in rel:
                export_fields.append(rel.replace(".", "/"))
        path = f"call_kw {model}"
        groups = {key: ids for key, ids in by_mus.items() if not self.status_forbidden(key)}
        hidden = [rid for key, ids in by_mus.items() if self.status_forbidden(key) for rid in ids]
        if hidden:
            groups["others"] = hidden
        for key, ids in sorted(groups.items()):
            for verb, args, kwargs in (
                ("read", [ids], {}),
                ("web_read", [ids], {"specification": spec}),
                ("export_data", [ids, export_fields], {}),
            ):
                response, result, error = self.call_kw(model, verb, args, kwargs)
                self.scan("rpc-read", f"{path}.{verb}({key})", response)
                if result and verb != "export_data" and not error:
                    self.check_each_row("rpc-status", f"{path}.{verb}({key})", model, result)
        response, result, error = self.call_kw(model, "search_read", [[]], {"fields": names, "limit": 500})
        self.scan("rpc-read", f"{path}.search_read", response)
        if isinstance(result, list):
            self.check_each_row("rpc-status", f"{path}.search_read", model, result)
        response, result, error = self.call_kw(model, "web_search_read", [], {
            "domain": [], "specification": spec, "limit": 500})
        self.scan("rpc-read", f"{path}.web_search_read", response)
        response, result, error = self.call_kw(model, "name_search", [], {"name": "", "limit": 500})
        self.scan("rpc-read", f"{path}.name_search", response)
        if isinstance(result, list) and model != "calendar.event":
            self.check_rows("rpc-status", f"{path}.name_search", model, [row[0] for row in result])
        groupable = [name for name in names if Model._fields[name].store
                     and Model._fields[name].type in ("char", "many2one", "selection", "text")
                     and Model._fields[name]._description_groupable(self.env)]
        if groupable:
            response, result, error = self.call_kw(model, "read_group", [[], ["__count"], groupable], {
                "lazy": False})
            if error and "AccessError" not in error:
                for name in groupable:
                    response, _result, _error = self.call_kw(model, "read_group", [[], ["__count"], [name]], {})
                    self.scan("rpc-read", f"{path}.read_group({name})", response)
            else:
                self.scan("rpc-read", f"{path}.read_group", response)

    def check_each_row(self, family, path, model, rows):
        """``check_rows`` row by row: a meeting shown as busy time only is no leak."""
        for row in rows:
            if isinstance(row, dict) and "id" in row:
                self.check_rows(family, path, model, [row["id"]], revealed=self.revealing(model, [row]))

    def revealing(self, model, rows):
        """A meeting row may show others that the two are busy; it must not
        show which document it belongs to, nor what it is about."""
        if model != "calendar.event":
            return True
        return any(row.get("res_model") == "mus.interview" or (row.get("res_id") and row.get("res_model"))
                   for row in rows)

    def attack_oracles(self, model):
        paths = self.text_paths(model)
        path = f"call_kw {model}.search_count"
        if paths:
            domain = ["|"] * (len(paths) - 1) + [(p, "ilike", NOWHERE) for p in paths]
            _response, _result, error = self.call_kw(model, "search_count", [domain])
            if error and not self.denied(error):
                for p in paths:
                    _response, _result, error = self.call_kw(model, "search_count", [[(p, "ilike", NOWHERE)]])
                    if error and not self.denied(error):
                        self.error(f"{path}[{p}]", error)
        for p in paths:
            for secret in self.secrets_in_path(model, p):
                if self.role in self.allowed(secret):
                    continue
                _response, count, error = self.call_kw(model, "search_count", [[(p, "ilike", secret)]])
                if isinstance(count, int) and count:
                    _response, baseline, _error = self.call_kw(model, "search_count", [[(p, "ilike", NOWHERE)]])
                    if count > (baseline or 0):
                        self.leak("rpc-oracle", f"{path}[{p}]", f"counts {self.name(secret)}")
        # Existence oracles: rows pointing at a MUS one may not know of.
        Model = self.env[model]
        for key, record in self.mus.items():
            if not self.status_forbidden(key):
                continue
            if model == "mus.interview":
                domain = [("id", "=", record.id)]
            elif "res_id" in Model._fields and "res_model" in Model._fields:
                domain = [("res_model", "=", "mus.interview"), ("res_id", "=", record.id)]
            elif "res_id" in Model._fields and "model" in Model._fields:
                domain = [("model", "=", "mus.interview"), ("res_id", "=", record.id)]
            elif "interview_id" in Model._fields:
                domain = [("interview_id", "=", record.id)]
            elif "mail_message_id" in Model._fields:
                domain = [("mail_message_id.model", "=", "mus.interview"),
                          ("mail_message_id.res_id", "=", record.id)]
            elif "event_id" in Model._fields:
                domain = [("event_id.res_model", "=", "mus.interview"), ("event_id.res_id", "=", record.id)]
            elif "message_id" in Model._fields and Model._fields["message_id"].type == "many2one":
                domain = [("message_id.model", "=", "mus.interview"), ("message_id.res_id", "=", record.id)]
            elif "mus_interview_ids" in Model._fields:
                domain = [("mus_interview_ids", "in", record.ids)]
            else:
                continue
            _response, count, error = self.call_kw(model, "search_count", [domain])
            if isinstance(count, int) and count:
                self.leak("rpc-status", f"{path}{domain}", f"counts rows of {key} (that MUS exists)")
            elif error and not self.denied(error):
                self.error(f"{path}{domain}", error)

    @staticmethod
    def denied(error):
        return any(name in error for name in (
            "AccessError", "UserError", "ValidationError", "MissingError", "SessionExpired", "NotFound",
            "Forbidden", "AccessDenied", "RedirectWarning"))

    # ------------------------------------------------------------------
    # (2) Public methods of the MUS models and their mixins
    # ------------------------------------------------------------------
    def public_methods(self, model):
        cls = type(self.env[model])
        methods = []
        for name in dir(cls):
            if name.startswith("_") or name == "init":
                continue
            owner = next((klass for klass in cls.__mro__ if name in klass.__dict__), None)
            if owner is None or not callable(getattr(cls, name, None)):
                continue
            if owner.__module__.startswith(METHOD_MODULES):
                methods.append(name)
        return methods

    def attack_methods(self):
        for model in self.attacked_models():
            if not model.startswith("mus."):
                continue
            pointers = self.mus_of(model)
            for key in ("m1",):
                ids = sorted(rid for rid, mus in pointers.items() if mus == key)
                if not ids:
                    continue
                for method in self.public_methods(model):
                    def call(model=model, method=method, ids=ids):
                        return self.call_kw(model, method, [ids])[0]
                    self.in_savepoint("methods", f"{model}.{method}({key})", self.mus[key], call)

    # ------------------------------------------------------------------
    # Changes: what a request changed on a MUS, and whether its author may
    # ------------------------------------------------------------------
    def fingerprint(self, interview):
        self.env.invalidate_all()
        mus = interview.sudo().with_context(active_test=False)
        messages = self.env["mail.message"].sudo().search([("model", "=", mus._name), ("res_id", "=", mus.id)])
        contents = self.env["mus.interview.content"].sudo().search([("interview_id", "=", mus.id)])
        return {
            "state": (mus.state, str(mus.scheduled_date), mus.location),
            "leader": mus.leader_user_id.id,
            "content": tuple(sorted((content.id, str(content.read()[0])) for content in contents)),
            "messages": {message.id: (str(message.body), tuple(message.partner_ids.ids), message.author_id.id)
                         for message in messages},
            "attachments": tuple(sorted(self.env["ir.attachment"].sudo().search([
                ("res_model", "=", mus._name), ("res_id", "=", mus.id)]).mapped(lambda a: (a.id, a.name)))),
            "followers": tuple(sorted(mus.message_partner_ids.ids)),
            "reactions": self.env["mail.message.reaction"].sudo().search_count([("message_id", "in", messages.ids)]),
            "activities": tuple(sorted(mus.activity_ids.mapped(lambda a: (a.id, str(a.note), a.user_id.id)))),
        }

    def changes(self, key, before, after):
        parties = STATUS[key] - HR
        if key in ("m1", "m0"):
            parties = M1_PARTIES
        role = self.role
        found = []
        for part in ("state", "content", "attachments", "followers", "reactions", "activities"):
            if before[part] != after[part]:
                allowed = parties | (HR if part == "state" else set())
                if role not in allowed:
                    found.append(part)
        if before["leader"] != after["leader"] and (
                after["leader"] == self.uids.get(role) or role not in HR | parties):
            found.append("leader (made itself leader)" if after["leader"] == self.uids.get(role) else "leader")
        new = set(after["messages"]) - set(before["messages"])
        if new and role not in parties | HR:
            found.append("new message")
        edited = [mid for mid in before["messages"] if after["messages"].get(mid) != before["messages"][mid]]
        if edited and role not in parties:
            found.append(f"edits/deletes {len(edited)} message(s) of the parties")
        return found

    def in_savepoint(self, family, path, interview, call, expect=()):
        self.env.flush_all()
        # Every attack is rolled back: what was before is the fixture's.
        before = self._before.get(interview.id) or self._before.setdefault(interview.id, self.fingerprint(interview))
        with self.env.cr.savepoint() as savepoint:
            response = call()
            after = self.fingerprint(interview)
            savepoint.rollback()
        self.env.invalidate_all()
        key = next(key for key, record in self.mus.items() if record == interview)
        for part in self.changes(key, before, after):
            self.leak("change", path, f"changes {part} of {key}")
        self.scan(family, path, response, expect=expect)
        return response

    def attack_mutations(self):
        """Explicit changes a client may try: rewrite, delete or readdress a
        party's message; make oneself leader through the employee record."""
        m1 = self.mus["m1"]
        message = self.messages["lene"]
        partner_id = self.env["res.users"].browse(self.uids.get(self.role) or []).partner_id.id
        attacks = [
            ("mail.message.write", lambda: self.call_kw("mail.message", "write", [message.ids, {
                "body": word("overwritten")}])[0]),
            ("mail.message.unlink", lambda: self.call_kw("mail.message", "unlink", [message.ids])[0]),
        ]
        if partner_id:
            def readdress():
                self.call_kw("mail.message", "write", [message.ids, {"partner_ids": [Command.link(partner_id)]}])
                return self.call_kw("mail.message", "read", [message.ids, ["body"]])[0]
            attacks.append(("mail.message.write(partner_ids)+read", readdress))
        own_employee = self.env["hr.employee"].sudo().search([("user_id", "=", self.uids.get(self.role))], limit=1)
        if own_employee:
            def make_leader():
                self.call_kw("hr.employee", "write", [self.employee.ids, {"parent_id": own_employee.id}])
                return self.call_kw("mus.interview", "web_read", [m1.ids], {"specification": {
                    "summary": {}, "leader_private_note": {},
                    "answer_ids": {"fields": {"employee_note": {}, "leader_note": {}}}}})[0]
            attacks.append(("hr.employee.write(parent_id)+web_read", make_leader))
        for path, attack in attacks:
            if self.role == PUBLIC:
                continue
            self.in_savepoint("change", f"call_kw {path}", m1, attack)

    # ------------------------------------------------------------------
    # (3) Routes
    # ------------------------------------------------------------------
    def _route_param(self, name, key, rule):
        """Candidate values of the parameter ``name`` of ``rule`` against the
        fixture MUS ``key``; a list means one call per value."""
        mus = self.mus[key]
        message = self.messages["lene"] if key == "m1" else self.env["mail.message"].sudo().search([
            ("model", "=", "mus.interview"), ("res_id", "=", mus.id)], limit=1)
        attachment = self.attachment
        follower = self.env["mail.followers"].sudo().search([
            ("res_model", "=", "mus.interview"), ("res_id", "=", mus.id)], limit=1)
        path = rule.rule
        args = set(rule.arguments)
        reports = self.env["ir.actions.report"].sudo().search([("model", "in", self.attacked_models())])
        values = {
            "thread_model": "mus.interview", "res_model": "mus.interview",
            "thread_id": mus.id, "res_id": message.id if "/mail/avatar/" in path else mus.id,
            "interview_id": mus.id, "message_id": message.id, "attachment_id": attachment.id,
            "follower_id": follower.id, "token": "garbage-token", "access_token": "garbage-token",
            "request_list": ["activities", "attachments", "followers", "scheduledMessages", "suggestedRecipients"],
            "post_data": {"body": "Udefra", "message_type": "comment", "subtype_xmlid": "mail.mt_comment",
                          "partner_ids": []},
            "body": "Overskrevet", "attachment_ids": [], "partner_ids": [],
            "ufile": ("upload.txt", b"Udefra"), "file_ids": str(attachment.id), "zip_name": "x.zip",
            "xmlid": "base.main_company", "converter": "html",
            "reportname": reports.mapped("report_name") or ["none"], "docids": str(mus.id),
            "data": json.dumps([f"/report/html/{reports[:1].report_name}/{mus.id}", "qweb-html"])
            if path.startswith("/report/") else json.dumps({
                "model": "mus.interview", "fields": [{"name": "summary"}, {"name": "location"},
                                                     {"name": "answer_ids/employee_note"}],
                "ids": mus.ids, "domain": [], "import_compat": False}),
            "kind": ["plan", "summary"], "feedback": word("overwritten"), "reason": "Udefra",
            "proposed_date": "2030-01-01 10:00", "note": "Udefra", "submit": None, "name": "Udefra",
            "signature": SIGNATURE.decode(), "counters": ["mus_count"], "emails": ["udefra@example.com"],
            "is_internal": True, "action": "add", "content": "+1", "link_preview_ids": [],
            "ids": mus.ids, "method": "read", "args": [mus.ids], "export_id": 0, "import_compat": False,
            "parent_field": None, "parent_name": None, "exclude": None, "domain": [], "callback": None,
            "params": {}, "tz": "UTC", "rating_value": 5, "feedback_text": "", "rate": 5, "hide_partner": False,
            "partner_id": self.env.user.partner_id.id, "attachment_data": None, "fields": [], "prefix": "",
            "parent_model": None, "type": "comment", "response_format": None, "unread": False,
            "exclude_fields": [], "filename": "x", "redirect": None, "page": 1,
            "barcode_type": "QR", "value": "x",
        }
        if name == "model":
            return "mus.interview"
        if name == "id":
            return mus.id if "model" in args else attachment.id
        if name == "field":
            return ["plan_employee_signature", "plan_leader_signature", "access_token", "summary"]
        if name in values:
            return values[name]
        return {"width": 64, "height": 64, "page": 1}.get(name, "x")  # an ignored argument of the path

    def route_calls(self, rule, key):
        """The calls to make on ``rule`` for MUS ``key``: [(url, params)]."""
        params = endpoint_params(rule)
        fixed, variants = {}, []
        for name, required in params.items():
            if name in IGNORED_OPTIONAL and name not in rule.arguments:
                continue
            if name not in KNOWN_PARAMS:
                if required:
                    self.unknown.append(f"unknown parameter {name} of route {rule.rule}: add it")
                continue
            if not required and name not in ("token", "access_token", "request_list", "ufile"):
                continue
            value = self._route_param(name, key, rule)
            if isinstance(value, list) and name in ("reportname", "kind", "field"):
                variants.append((name, value))
            else:
                fixed[name] = value
        if "/mail/chatter_fetch" in rule.rule or "/portal/chatter_init" in rule.rule \
                or "/mail/thread/data" in rule.rule:
            fixed["token"] = "garbage-token"
        combos = [dict(fixed)]
        for name, values in variants:
            combos = [dict(combo, **{name: value}) for combo in combos for value in values]
        calls = []
        for combo in combos:
            url = rule.rule
            for arg in rule.arguments:
                url = re.sub(rf"<(?:[^<>:]+:)?{re.escape(arg)}>", str(combo.pop(arg)), url)
            calls.append((url, combo))
        return calls

    def call_route(self, rule, url, params):
        routing = rule.endpoint.routing
        if routing["type"] == "json":
            return self.post_json(url, params)[0]
        methods = routing.get("methods") or ["GET"]
        files = None
        if "ufile" in params:
            filename, content = params.pop("ufile")
            files = {"ufile": (filename, content, "text/plain")}
        if "GET" in methods and not files:
            query = {name: value if isinstance(value, str) else json.dumps(value)
                     for name, value in params.items() if value is not None}
            return self.url_open(f"{url}?{url_encode(query)}" if query else url, allow_redirects=False)
        data = {name: value if isinstance(value, str) else json.dumps(value)
                for name, value in params.items() if value is not None}
        if routing.get("csrf", True):
            data["csrf_token"] = self.csrf()
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def attack_routes(self):
        for rule in self.rules:
            keys = ["m1"]
            if rule.rule.startswith(("/my/mus", "/mail/chatter_fetch", "/mail/thread/")):
                keys.append("m3")
            for key in keys:
                for url, params in self.route_calls(rule, key):
                    family = self.route_family(rule.rule)

                    def call(rule=rule, url=url, params=params):
                        return self.call_route(rule, url, dict(params))
                    self.in_savepoint(family, f"{url} {sorted(params)}"[:160], self.mus[key], call)

    @staticmethod
    def route_family(path):
        for prefix, family in (("/mail/", "routes /mail"), ("/my", "routes /my+/portal"),
                               ("/portal/", "routes /my+/portal"), ("/mus/", "routes /mus"),
                               ("/report/", "routes /report"), ("/calendar/", "routes /calendar")):
            if path.startswith(prefix):
                return family
        return "routes /web"

    # ------------------------------------------------------------------
    # Over-denials: what the parties must reach on their own paths
    # ------------------------------------------------------------------
    def check_own_paths(self):
        m1, m2, m3, m4, m5 = (self.mus[key] for key in ("m1", "m2", "m3", "m4", "m5"))
        role = self.role

        def web_read(record, spec, expect):
            response, _result, _error = self.call_kw("mus.interview", "web_read", [record.ids], {
                "specification": spec})
            self.scan("rpc-read", f"own: web_read {sorted(spec)}", response, expect=expect)

        def thread_messages(record, expect):
            response = self.post_json("/mail/thread/messages", {
                "thread_model": "mus.interview", "thread_id": record.id})[0]
            self.scan("routes /mail", f"own: /mail/thread/messages {record.id}", response, expect=expect)

        def page(url, expect, status=200):
            response = self.url_open(url, allow_redirects=False)
            if response.status_code != status:
                self.leak("over-denial", f"own: GET {url}", f"answers {response.status_code}, not {status}")
            self.scan(self.route_family(url), f"own: GET {url}", response, expect=expect)

        answers = {"answer_ids": {"fields": {"employee_note": {}, "leader_note": {}, "agreed_note": {}}},
                   "goal_ids": {"fields": {"name": {}}}}
        if role == EMPLOYEE:
            web_read(m1, {"location": {}, "summary": {}, "employee_feedback": {}, **answers}, [
                word("m1place"), word("summary"), word("feedback"), word("erikprep"), word("agreed"),
                word("goalname")])
            thread_messages(m1, [word("erikmsg"), word("lenemsg"), word("hrpost")])
            page(f"/my/mus/{m1.id}", [word("m1place"), word("summary")])
        elif role == LEADER:
            web_read(m1, {"leader_private_note": {}, **answers}, [
                word("erikprep"), word("leaderprep"), word("leaderpriv"), word("agreed")])
            web_read(m2, {"location": {}, **answers}, [word("m2place")])
            thread_messages(m1, [word("erikmsg"), word("lenemsg"), word("tokaren")])
            thread_messages(m4, [word("fiemsg"), word("birgitmsg")])
        elif role == COLLEAGUE:
            web_read(m2, {"location": {}, **answers}, [word("m2place"), word("karenprep")])
        elif role == KARIN:
            page("/mus/my_data", [word("karinprep"), word("m3place")])
            page(f"/my/mus/{m3.id}", [word("m3place"), word("karinprep")])
        elif role in HR:
            response, _result, _error = self.call_kw("mus.interview", "web_search_read", [], {
                "domain": [], "specification": {"state": {}, "scheduled_date": {}, "location": {}}})
            self.scan("rpc-read", "own: web_search_read status", response, expect=[
                word(f"{key}place") for key in ("m0", "m1", "m2", "m3", "m4", "m5")])
            web_read(m5, {"cancel_reason": {}, "state": {}}, [word("cancelreason")])

    # ------------------------------------------------------------------
    # The test
    # ------------------------------------------------------------------
    def test_no_role_reads_or_changes_more_than_readme_allows(self):
        """0 leaks and 0 over-denials for every role, over HTTP."""
        self._mus_of_cache, self._path_cache, self._before = {}, {}, {}
        self.uids = {role: self.env["res.users"].search([("login", "=", login)]).id
                     for role, login in self.logins.items() if login}
        self.uids[PUBLIC] = self.env.ref("base.public_user").id
        self.rules = in_scope_rules(self.env)
        self.timings = defaultdict(float)
        muted = ("odoo.http", "odoo.sql_db", "odoo.models", "odoo.models.unlink", "odoo.api", "werkzeug",
                 "odoo.addons.base", "odoo.addons.mail", "odoo.addons.portal", "odoo.addons.web",
                 "odoo.addons.calendar", "odoo.addons.hr", "odoo.addons.bus", "odoo.addons.mus_odoo.mus_odoo",
                 "odoo.tools", "odoo.service", "odoo.osv.expression")
        with mute_logger(*muted):
            for role in ROLES:
                self.login(role)
                for attack in (self.check_own_paths, self.attack_call_kw, self.attack_methods,
                               self.attack_mutations, self.attack_routes):
                    start = time.time()
                    attack()
                    self.timings[attack.__name__] += time.time() - start
        self.report()

    def report(self):
        families = ("rpc-read", "rpc-oracle", "rpc-status", "methods", "change", "routes /mail",
                    "routes /my+/portal", "routes /mus", "routes /report", "routes /calendar", "routes /web",
                    "error", "over-denial")
        width = max(len(role) for role in ROLES) + 7
        lines = [f"MUS confidentiality over HTTP: {len(self.rules)} routes, "
                 f"{len(self.attacked_models())} models, roles x path families (leaks / over-denials)",
                 "role".ljust(width) + " ".join(family.rjust(max(len(family), 4)) for family in families)
                 + "  total"]
        for role in ROLES:
            label = f"{role} (info)" if role in INFORMATIVE else role
            cells = self.cells[role]
            lines.append(label.ljust(width) + " ".join(
                str(cells.get(family, 0)).rjust(max(len(family), 4)) for family in families)
                + f"  {sum(cells.values()):5d}")
        failing = [finding for finding in self.findings if finding[0] not in INFORMATIVE]
        lines.append(f"{len(failing)} findings (admin excluded), {len(self.unknown)} unknown route parameters")
        lines.append("seconds: " + ", ".join(f"{name} {spent:.0f}" for name, spent in self.timings.items()))
        _logger.info("\n".join(lines))
        for role, family, path, what in self.findings:
            _logger.info("MUS HTTP finding: %s | %s | %s | %s", role, family, path, what)
        problems = self.unknown + [
            f"{role}: {family}: {path}: {what}" for role, family, path, what in failing]
        self.assertFalse(problems, f"{len(problems)} leaks, over-denials or errors over HTTP; the first 40:\n"
                         + "\n".join(problems[:40]))

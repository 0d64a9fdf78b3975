from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL


class MusContentMixin(models.AbstractModel):
    """Fields whose value is a confidential text kept in
    ``mus.interview.content``.

    Reading one returns the text only to those the content's record rules
    let read it (others get nothing, not an error, so that HR can open the
    MUS and see its status); searching on one finds only what the searcher
    may read (no oracle); writing one stores the text once the owning
    model's own checks passed. A model using it declares
    ``_mus_content_fields`` (field name → content kind) and gives its fields
    ``compute="_compute_mus_content"``, ``inverse="_inverse_<field>"``
    (one each, so a write never touches a text it did not set) and
    ``search="_search_<field>"``.
    """

    _name = "mus.content.mixin"
    _description = "MUS Confidential Content Fields"

    _mus_content_fields = {}

    def _mus_content_link(self):
        """The field of ``mus.interview.content`` pointing to this model's records."""
        raise NotImplementedError

    def _mus_content_domain(self):
        return [(self._mus_content_link(), "in", self.ids)]

    def _mus_content_records(self, kinds):
        """The contents of ``self`` of ``kinds`` the current user may read."""
        Content = self.env["mus.interview.content"]
        real = self.filtered("id")
        if not real:
            return Content
        return Content.search(expression.AND([real._mus_content_domain(), [("kind", "in", list(kinds))]]))

    def _mus_content_owner_id(self, content):
        return content[self._mus_content_link()].id

    @api.depends_context("uid")
    def _compute_mus_content(self):
        Content = self.env["mus.interview.content"]
        kinds = self._mus_content_fields
        values = {
            (self._mus_content_owner_id(content), content.kind): content[Content._value_field(content.kind)]
            for content in self._mus_content_records(kinds.values())
        }
        for record in self:
            for field_name, kind in kinds.items():
                record[field_name] = values.get((record._origin.id, kind), False)

    def _mus_content_write(self, field_name):
        """Store the value of ``field_name`` set on ``self``: the owning
        model checked who may write it; the content is written as superuser."""
        kind = self._mus_content_fields[field_name]
        Content = self.env["mus.interview.content"].sudo()
        value_field = Content._value_field(kind)
        existing = {
            self._mus_content_owner_id(content): content
            for content in self.sudo()._mus_content_records([kind])
        }
        to_create = []
        for record in self:
            value = record[field_name] or False
            content = existing.get(record.id)
            if content:
                content[value_field] = value
            elif value:
                to_create.append({**record._mus_content_vals(), "kind": kind, value_field: value})
        Content.create(to_create)
        # The same text shows on several models (a signature on the plan and
        # on the interview): forget every copy read before.
        for model_name in self.env.registry.descendants(["mus.content.mixin"], "_inherit"):
            Model = self.env[model_name]
            if Model._mus_content_fields:
                Model.invalidate_model(list(Model._mus_content_fields))

    def _mus_content_search(self, field_name, operator, value):
        kind = self._mus_content_fields[field_name]
        Content = self.env["mus.interview.content"]
        value_field = Content._value_field(kind)
        if operator in expression.NEGATIVE_TERM_OPERATORS and operator != "!=":
            positive, negate = expression.TERM_OPERATORS_NEGATION[operator], True
        elif operator == "!=" and value:
            positive, negate = "=", True
        elif operator in ("=", "!=") and not value:
            positive, negate = "!=", operator == "="
            value = False
        else:
            positive, negate = operator, False
        # Searched as the current user: the record rules decide what is found.
        query = Content._search([("kind", "=", kind), (value_field, positive, value)])
        owner_ids = query.subselect(SQL.identifier(Content._table, self._mus_content_link()))
        return self._mus_content_search_domain(owner_ids, negate)

    def _mus_content_search_domain(self, owner_ids_query, negate):
        return [("id", "not in" if negate else "in", owner_ids_query)]

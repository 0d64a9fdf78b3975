from odoo import fields, models


class MusCycleIssue(models.Model):
    """A targeted employee the launch of a cycle could not offer a MUS to:
    HR resolves the reason (gives them a leader with a user, or gives the
    employee a user, a portal one will do) and launches the cycle again,
    which picks them up. A MUS is invited, prepared and signed by the
    employee's own user: without one it could never be held."""

    _name = "mus.cycle.issue"
    _description = "MUS Cycle: Employee to Resolve"
    _order = "cycle_id, reason, id"
    _rec_name = "employee_id"

    cycle_id = fields.Many2one("mus.cycle", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True)
    department_id = fields.Many2one(related="employee_id.department_id", string="Department")
    company_id = fields.Many2one(related="cycle_id.company_id", store=True)
    reason = fields.Selection(
        [
            ("no_leader", "No leader (manager) in the employee record"),
            ("no_leader_user", "The leader has no user"),
            ("no_employee_user", "The employee has no user (grant portal access)"),
        ],
        required=True,
    )

    _sql_constraints = [
        ("cycle_employee_uniq", "UNIQUE(cycle_id, employee_id)", "An employee is listed once per cycle."),
    ]

"""The MUS cycle benchmark, run inside Odoo by scripts/benchmark.sh (``odoo
shell``, which provides ``env``). Builds an organisation of employees under
leaders and departments, measures each scenario in a savepoint that is rolled
back, and prints a table. Only the organisation is committed (and reused by
the next runs).

Scenarios: launching a cycle for 1,000 and for 10,000 employees (interviews,
all answer lines, plans, followers, activities and queued offer mails, in
batches of 1,000 as the cron runs them), the same launch done naively (one
``create`` and one mail and activity per employee), one reminder run over
10,000 open interviews, and the cycle's reporting read over 100,000
interviews.
"""
import os
import time
from datetime import date, timedelta

SIZES = [int(size) for size in os.environ.get("MUS_BENCH_SIZES", "1000,10000").split(",")]
NAIVE = int(os.environ.get("MUS_BENCH_NAIVE", "1000"))
REPORT_YEARS = int(os.environ.get("MUS_BENCH_REPORT_YEARS", "10"))
TEAM = 10  # employees per leader
rows = []


def build(env, size):
    """``size`` employees (with portal users) in departments of 100, under
    leaders of TEAM each (leaders have internal users, in the same
    department)."""
    department_count = max(1, size // 100)
    root = env["hr.department"].create({"name": f"Bench {size}"})
    departments = env["hr.department"].create([
        {"name": f"Bench {size}/{index}", "parent_id": root.id} for index in range(department_count)
    ])
    leader_count = max(1, size // TEAM)
    users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True).create([
        {"name": f"Leader {size}-{index}", "login": f"bench_{size}_{index}",
         "email": f"bench_{size}_{index}@example.com"}
        for index in range(leader_count)
    ])
    leaders = env["hr.employee"].with_context(mail_create_nolog=True).create([
        {"name": user.name, "user_id": user.id, "department_id": departments[index % department_count].id}
        for index, user in enumerate(users)
    ])
    # Employees have portal users: a MUS is accepted, prepared and signed by
    # the employee's own user (the launch lists employees without one).
    employee_users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True).create([
        {"name": f"Employee {size}-{index}", "login": f"bench_employee_{size}_{index}",
         "email": f"employee_{size}_{index}@example.com",
         "groups_id": [(6, 0, env.ref("base.group_portal").ids)]}
        for index in range(size)
    ])
    employees = env["hr.employee"].with_context(mail_create_nolog=True).create([
        {
            "name": user.name,
            "user_id": user.id,
            "work_email": user.email,
            "department_id": departments[(index // TEAM) % department_count].id,
            "parent_id": leaders[index // TEAM % leader_count].id,
        }
        for index, user in enumerate(employee_users)
    ])
    env.flush_all()
    return root, employees


def measure(env, scenario, n, func):
    env.flush_all()
    env.invalidate_all()
    cr = env.cr
    start_count = cr.sql_log_count
    start = time.perf_counter()
    func()
    env.flush_all()
    wall = time.perf_counter() - start
    queries = cr.sql_log_count - start_count
    rows.append((scenario, n, wall, queries, 100.0 * queries / n, n / wall))
    print(f"  {scenario}: {wall:.2f} s, {queries} queries", flush=True)


def make_cycle(env, root, **vals):
    today = date.today()
    return env["mus.cycle"].create({
        "name": root.name,
        "date_from": today.replace(month=1, day=1),
        "date_to": today.replace(month=12, day=31),
        "department_ids": [(6, 0, root.ids)],
        "date_invitations": today + timedelta(days=30),
        **vals,
    })


def launch(env, cycle):
    """As the cron does it: batch after batch until nothing is pending (one
    transaction here; the cron commits after each batch)."""
    cycle.write({"state": "launching", "launch_total": cycle._pending_employees_count()})
    while cycle.state == "launching":
        cycle._launch_batch(cycle._LAUNCH_BATCH_SIZE)


def naive(env, cycle, employees):
    """The baseline: one create, one mail and one activity per employee."""
    Interview = env["mus.interview"]
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    for employee in employees:
        interview = Interview.create(cycle._prepare_interview_vals(employee, now))
        env["mail.mail"].create(cycle._prepare_offer_mail_vals_list(interview))
        interview.activity_schedule(
            "mus_odoo.mail_act_mus_invite", date_deadline=cycle.date_invitations,
            user_id=employee.parent_id.user_id.id,
        )


def bulk_interviews(env, employees, years):
    """Setup only: ``len(employees) * years`` interviews straight in SQL, in
    every state of the workflow in turn."""
    states = [code for code, _label in env["mus.interview"]._fields["state"].selection]
    env.cr.execute(
        """INSERT INTO mus_interview (employee_id, leader_id, leader_user_id, department_id, company_id,
                                      year, state, duration, name, offered_on, scheduled_date, cycle_id)
           SELECT e.id, e.parent_id, l.user_id, e.department_id, e.company_id, y,
                  (%s::varchar[])[1 + (e.id + y) %% %s],
                  1, 'Bench', now() AT TIME ZONE 'UTC', make_timestamp(y, 5, 1, 9, 0, 0), %s
             FROM hr_employee e
             JOIN hr_employee l ON l.id = e.parent_id
            CROSS JOIN generate_series(2000, 2000 + %s - 1) y
            WHERE e.id = ANY(%s)""",
        (states, len(states), env.context["bench_cycle_id"], years, employees.ids),
    )
    env.cr.execute("ANALYZE mus_interview")


def main(env):
    env = env(context=dict(env.context, tracking_disable=False))
    cr = env.cr
    print("Building the organisations…", flush=True)
    built = {}
    for size in sorted(set(SIZES) | {NAIVE}):
        root = env["hr.department"].search([("name", "=", f"Bench {size}")], limit=1)
        if root:
            employees = env["hr.employee"].search([("name", "=like", f"Employee {size}-%")], order="id")
            if not all(employees.mapped("user_id")):
                raise SystemExit(
                    f"The organisation of {size} employees in this database was built by an earlier version "
                    "(employees without users, whom a launch lists to resolve): run scripts/benchmark.sh --reset"
                )
            built[size] = root, employees
            print(f"  {size} employees found (built by an earlier run)", flush=True)
            continue
        start = time.perf_counter()
        built[size] = build(env, size)
        # The organisation is kept for the next runs; every scenario below
        # is rolled back.
        cr.commit()
        print(f"  {size} employees built in {time.perf_counter() - start:.1f} s", flush=True)

    for size in SIZES:
        root, employees = built[size]
        cycle = make_cycle(env, root, user_id=env.ref("base.user_admin").id)
        with cr.savepoint(flush=False) as savepoint:
            measure(env, f"launch {size:,}", size, lambda cycle=cycle: launch(env, cycle))
            assert len(cycle.interview_ids) == size, len(cycle.interview_ids)
            if size == max(SIZES):
                # The open interviews just launched, past their cycle's
                # deadline: each is overdue to its leader and to HR.
                cycle.date_interviews = date.today() - timedelta(days=30)
                env["mus.reminder"].search([]).unlink()
                measure(env, f"reminder run, {size:,} open interviews", size,
                        lambda: env["mus.reminder"]._send_reminders())
            savepoint.rollback()

    root, employees = built[NAIVE]
    cycle = make_cycle(env, root)
    with cr.savepoint(flush=False) as savepoint:
        measure(env, f"naive launch {NAIVE:,} (one create each)", NAIVE, lambda: naive(env, cycle, employees))
        savepoint.rollback()

    root, employees = built[max(SIZES)]
    with cr.savepoint(flush=False) as savepoint:
        report_cycle = make_cycle(env, root, name="Report")
        bulk_interviews(env(context=dict(env.context, bench_cycle_id=report_cycle.id)), employees, REPORT_YEARS)
        total = len(employees) * REPORT_YEARS

        def reporting_read():
            env["mus.interview"]._read_group(
                [("cycle_id", "=", report_cycle.id)], ["state", "department_id", "leader_id"], ["__count"],
            )

        def cycle_form():
            report_cycle.invalidate_recordset()
            report_cycle._compute_counts()
            report_cycle.progress_ids.mapped("completion")

        measure(env, f"cycle reporting read (by state, department, leader), {total:,} interviews", total,
                reporting_read)
        measure(env, f"cycle form (counts, late, progress per team), {total:,} interviews", total, cycle_form)
        savepoint.rollback()

    # A launch is compared with the naive one per employee (the naive one is
    # measured on NAIVE employees: its time grows linearly with N).
    naive_rate = next(rate for scenario, _n, _wall, _q, _p, rate in rows if scenario.startswith("naive"))
    print()
    print("| scenario | N | wall time s | SQL queries | queries per 100 employees | rows/s | x naive |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for scenario, n, wall, queries, per100, rate in rows:
        speedup = f"{rate / naive_rate:.1f}x" if scenario.startswith("launch") else ""
        # The reporting reads count interviews, not employees.
        per_employee = "–" if scenario.startswith("cycle") else f"{per100:,.1f}"
        print(f"| {scenario} | {n:,} | {wall:.2f} | {queries:,} | {per_employee} | {rate:,.0f} | {speedup} |")
    cr.rollback()


main(env)  # noqa: F821 (provided by odoo shell)

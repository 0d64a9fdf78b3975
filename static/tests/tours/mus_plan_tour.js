/** @odoo-module **/

// The leader edits the development plan where it is shown, in the MUS form
// (tests/test_plan_tour.py opens the interview, runs these tours in order and
// checks the plan after each): edit a goal and save; after the employee has
// signed, edit again and see the employee's signature cleared.

import { registry } from "@web/core/registry";

const GOALS = 'div[name="goal_ids"]';
const EMPLOYEE_SIGNATURE = 'div[name="plan_employee_signature"]';

const OPEN_PLAN = {
    content: "Open the development plan",
    trigger: '.o_notebook .nav-link[name="development_plan"]',
    run: "click",
};

function editFirstGoal(text) {
    return [
        {
            content: "Click the learning goal of the first goal",
            trigger: `${GOALS} .o_data_row:first td.o_data_cell[name="name"]`,
            run: "click",
        },
        {
            content: "Rewrite the learning goal",
            trigger: `${GOALS} .o_selected_row div[name="name"] textarea`,
            run: `edit ${text}`,
        },
        {
            content: "Save the MUS",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, without an error",
            trigger: `.o_form_renderer.o_form_saved ${GOALS} .o_data_row:first td[name="name"]:contains(${text})`,
        },
        {
            content: "No error dialog",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

registry.category("web_tour.tours").add("mus_plan_tour_leader_edit", {
    steps: () => [OPEN_PLAN, ...editFirstGoal("Lære at lede workshops")],
});

registry.category("web_tour.tours").add("mus_plan_tour_leader_edit_signed", {
    steps: () => [
        OPEN_PLAN,
        {
            content: "The employee has signed",
            trigger: `${EMPLOYEE_SIGNATURE} img[src*="/web/image"]`,
        },
        ...editFirstGoal("Lære at lede store workshops"),
        {
            content: "The employee's signature is cleared",
            trigger: `.o_form_renderer.o_form_saved ${EMPLOYEE_SIGNATURE}:not(:has(img[src*="/web/image"]))`,
        },
    ],
});

registry.category("web_tour.tours").add("mus_plan_tour_leader_follow_up", {
    steps: () => [
        OPEN_PLAN,
        {
            content: "Click the status of the first goal",
            trigger: `${GOALS} .o_data_row:first td.o_data_cell[name="status"]`,
            run: "click",
        },
        {
            content: "The signed texts are read-only in follow-up",
            trigger: `${GOALS} .o_selected_row div[name="name"]:not(:has(textarea))`,
        },
        {
            content: "Set the status to in progress",
            trigger: `${GOALS} .o_selected_row div[name="status"] select`,
            run: 'select "in_progress"',
        },
        {
            content: "Open the progress for editing",
            trigger: `${GOALS} .o_selected_row div[name="progress"] .o_progressbar`,
            run: "click",
        },
        {
            content: "Set the progress",
            trigger: `${GOALS} .o_selected_row div[name="progress"] input`,
            run: "edit 40 && press Tab",
        },
        {
            content: "Save the MUS",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_renderer.o_form_saved",
        },
        {
            content: "Leave the goal list",
            trigger: ".o_form_view .oe_title",
            run: "click",
        },
        {
            content: "The goal shows its new status (Danish)",
            trigger: `${GOALS} .o_data_row:first:not(.o_selected_row) td[name="status"]:contains(I gang)`,
        },
        {
            content: "No error dialog",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

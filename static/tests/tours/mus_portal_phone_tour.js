/** @odoo-module **/

// The employee's side of a MUS on a phone (390x844, touch), in Danish:
// tests/test_portal_phone_tour.py opens the browser at that size. The
// employee finds her MUS in the list (status and minute-precise date on
// screen), backs out of declining, types an answer and is warned before
// another button would lose it, saves, accepts; later she signs the plan,
// which is one card per goal on the phone, never wider than the screen.

import { registry } from "@web/core/registry";

const NOTE = "Jeg vil gerne lære at holde oplæg for kunder.";

function assertFits(what) {
    const width = window.innerWidth;
    if (width > 400) {
        throw new Error(`The window is ${width} px wide, not a phone`);
    }
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) {
        throw new Error(`${what}: the page is ${scrollWidth} px wide on a ${width} px screen`);
    }
}

function assertOnScreen(selector) {
    for (const el of document.querySelectorAll(selector)) {
        const box = el.getBoundingClientRect();
        if (box.left < 0 || box.right > window.innerWidth) {
            throw new Error(`${selector} is off-screen (${box.left}–${box.right} of ${window.innerWidth} px)`);
        }
    }
}

registry.category("web_tour.tours").add("mus_portal_phone_prepare", {
    steps: () => [
        {
            content: "My MUS on the portal home",
            trigger: ".o_portal_index_card a[href='/my/mus']:contains(Min MUS)",
            run: "click",
        },
        {
            content: "The list fits the phone; the status is on screen",
            trigger: ".o_mus_portal_row .o_mus_portal_row_state:contains(Inviteret)",
            run() {
                assertFits("The list");
                assertOnScreen(".o_mus_portal_row_state");
                const date = document.querySelector(".o_mus_portal_row_date").textContent.trim();
                if (!/^\d{1,4}\D\d{1,2}\D\d{1,4} \d{1,2}[:.]\d{2}$/.test(date)) {
                    throw new Error(`The date "${date}" is not a date and a time without seconds`);
                }
            },
        },
        {
            content: "Open the interview",
            trigger: ".o_mus_portal_row a",
            run: "click",
        },
        {
            content: "The meeting can go into my own calendar",
            trigger: ".o_mus_portal .card a.o_mus_portal_ics[download][href$='/meeting.ics']",
            run: () => assertFits("The page"),
        },
        {
            content: "Tap Decline",
            trigger: "button.o_mus_portal_decline",
            run: "click",
        },
        {
            content: "Declining asks first; keep the MUS",
            trigger: "#mus_modal_decline.show .o_mus_portal_decline_cancel",
            run: "click",
        },
        {
            content: "Nothing was declined",
            trigger: "body:not(:has(.modal.show)) .o_mus_portal_accept",
        },
        {
            content: "Type the first answer",
            trigger: ".o_mus_portal_preparation textarea[name^='note_']:eq(0)",
            run: `edit ${NOTE}`,
        },
        {
            content: "Press another button: Accept time",
            trigger: ".o_mus_portal_accept",
            run: "click",
        },
        {
            content: "A warning names the unsaved preparation",
            trigger: "#mus_modal_unsaved.show li[data-mus-unsaved=prepare]:not(.d-none)",
            run: () => assertFits("The warning"),
        },
        {
            content: "Nothing else is named",
            trigger: "#mus_modal_unsaved.show:not(:has(li[data-mus-unsaved=feedback]:not(.d-none)))",
        },
        {
            content: "Go back",
            trigger: "#mus_modal_unsaved.show .o_mus_portal_unsaved_back",
            run: "click",
        },
        {
            content: "The answer is still there, and the time is not accepted yet",
            trigger: "body:not(:has(.modal.show)) .o_mus_portal[data-state=invited] textarea[name^='note_']:eq(0):value(holde oplæg)",
        },
        {
            content: "Save it",
            trigger: ".o_mus_portal_save:contains(Gem kladde)",
            run: "click",
        },
        {
            content: "The draft is saved",
            trigger: ".o_mus_portal_message:contains(gemt som kladde)",
        },
        {
            content: "Now accept the time",
            trigger: ".o_mus_portal_accept",
            run: "click",
        },
        {
            content: "The time is accepted, the answer kept",
            trigger: ".o_mus_portal[data-state=preparation] textarea[name^='note_']:eq(0):value(holde oplæg)",
        },
        {
            content: "Start a feedback to the leader",
            trigger: ".o_mus_portal_feedback textarea[name=feedback]",
            run: "edit Halvfærdig tanke",
        },
        {
            content: "Save the preparation instead",
            trigger: ".o_mus_portal_save",
            run: "click",
        },
        {
            content: "The warning names the feedback, not the preparation being saved",
            trigger: "#mus_modal_unsaved.show li[data-mus-unsaved=feedback]:not(.d-none)",
        },
        {
            content: "The preparation is not named",
            trigger: "#mus_modal_unsaved.show:has(li[data-mus-unsaved=prepare].d-none)",
        },
        {
            content: "Continue without saving the feedback",
            trigger: "#mus_modal_unsaved.show .o_mus_portal_unsaved_discard",
            run: "click",
        },
        {
            content: "The preparation is saved; the feedback was let go",
            trigger: ".o_mus_portal_message:contains(gemt som kladde)",
        },
        {
            content: "The feedback box is empty again",
            trigger: ".o_mus_portal_feedback textarea[name=feedback]:empty",
        },
    ],
});

registry.category("web_tour.tours").add("mus_portal_phone_sign", {
    steps: () => [
        {
            content: "The plan is a card per goal: the timeline is labelled and on screen",
            trigger: ".o_mus_portal_goal .o_mus_portal_goal_timeline .o_mus_portal_cell_label:contains(Tidsplan og ansvar)",
            run() {
                assertFits("The plan");
                assertOnScreen(".o_mus_portal_goal td");
            },
        },
        {
            content: "The leader has signed",
            trigger: ".o_mus_portal_signature_leader img",
        },
        {
            content: "Open the signature dialog",
            trigger: ".o_mus_portal_sign:contains(Underskriv plan)",
            run: "click",
        },
        {
            content: "While signing, nothing is wider than the phone",
            trigger: "#mus_modal_sign.show .o_portal_sign_submit:enabled",
            run: () => assertFits("The signature dialog"),
        },
        {
            content: "Sign with the name (auto mode)",
            trigger: "#mus_modal_sign .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "Signed",
            trigger: ".o_mus_portal_message:contains(Du har underskrevet udviklingsplanen)",
        },
        {
            content: "Both signatures are shown, on screen",
            trigger: ".o_mus_portal_signature_employee img",
            run() {
                assertFits("The signed plan");
                assertOnScreen(".o_mus_portal_signature_employee img");
            },
        },
    ],
});

/** @odoo-module **/

// The employee's side of a MUS in the portal, in Danish: from the link of
// the invitation mail (not logged in) the employee accepts, prepares and
// submits; later, logged in as a portal user, they sign the plan the leader
// has written and signed in the backend (tour mus_tour_leader_hold).
// The records are created and checked by tests/test_portal_tour.py.

import { registry } from "@web/core/registry";

const NOTE = "Jeg vil gerne lære at facilitere workshops.";

registry.category("web_tour.tours").add("mus_portal_prepare", {
    steps: () => [
        {
            content: "The invitation link opens the MUS, in Danish",
            trigger: ".o_mus_portal h3:contains(Min forberedelse)",
        },
        {
            content: "The time and place are shown",
            trigger: ".o_mus_portal .card:contains(Mødelokale 2)",
        },
        {
            content: "Accept the time",
            trigger: ".o_mus_portal_accept:contains(Accepter tidspunkt)",
            run: "click",
        },
        {
            content: "The time is accepted",
            trigger: ".o_mus_portal_message:contains(Du har accepteret tidspunktet)",
        },
        {
            content: "The reflection guidance of the first question is shown",
            trigger: ".o_mus_portal_preparation .text-muted.small:eq(0)",
        },
        {
            content: "Write the first answer",
            trigger: ".o_mus_portal_preparation textarea[name^='note_']:eq(0)",
            run: `edit ${NOTE}`,
        },
        {
            content: "Save as a draft",
            trigger: ".o_mus_portal_save:contains(Gem kladde)",
            run: "click",
        },
        {
            content: "The draft is saved",
            trigger: ".o_mus_portal_message:contains(gemt som kladde)",
        },
        {
            content: "The answer is still there",
            trigger: ".o_mus_portal_preparation textarea[name^='note_']:eq(0):value(facilitere workshops)",
        },
        {
            content: "Submit the preparation",
            trigger: ".o_mus_portal_submit:contains(Indsend min forberedelse)",
            run: "click",
        },
        {
            content: "The preparation is submitted and can no longer be changed",
            trigger: ".o_mus_portal_message:contains(indsendt)",
        },
        {
            content: "No more buttons to change it",
            trigger: ".o_mus_portal_preparation:not(:has(.o_mus_portal_submit)) textarea[readonly]",
        },
    ],
});

registry.category("web_tour.tours").add("mus_portal_sign", {
    steps: () => [
        {
            content: "My MUS on the portal home",
            trigger: ".o_portal_index_card a[href='/my/mus']:contains(Min MUS)",
            run: "click",
        },
        {
            content: "Open the interview",
            trigger: ".o_mus_portal_row a",
            run: "click",
        },
        {
            content: "What was agreed is shown read only",
            trigger: ".o_mus_portal_agreed h3:contains(Det aftalte vi)",
        },
        {
            content: "The goal the leader wrote is in the plan",
            trigger: ".o_mus_portal_goal:contains(Lære at facilitere workshops)",
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
            content: "Sign with the name (auto mode)",
            trigger: "#mus_modal_sign .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "Signed",
            trigger: ".o_mus_portal_message:contains(Du har underskrevet udviklingsplanen)",
        },
        {
            content: "Both signatures are shown",
            trigger: ".o_mus_portal_signature_employee img",
        },
        {
            content: "The signed plan can be downloaded",
            trigger: ".o_mus_portal_plan:not(:has(.o_mus_portal_sign)) .o_mus_portal_pdf",
        },
    ],
});

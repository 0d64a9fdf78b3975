"""The Danish wording of the shipped question templates, word for word as in the seeds.

Copied from the two source documents: the municipality's MUS material (template A,
``template_mus_interview``) and the guide's employee preparation (template B,
``template_mus_employee_preparation``). Only the PDF line-break hyphenation is undone and
trailing spaces are trimmed; the seeds' own punctuation and small oddities are kept.
Reflection sub-questions (``guidance``) are one per line: ``- `` for a question, ``  - ``
for a nested one. A test activates Danish and checks the records read back exactly so;
keep this module free of Odoo imports.
"""

SEED_DA = {
    "mus_odoo.template_mus_interview": {
        "name": "Medarbejder-Udviklings-Samtale",
        "description": (
            "Medarbejderudviklingssamtalen (MUS) er en mulighed for, at du kan drøfte din "
            "nuværende og kommende arbejdssituation med din nærmeste leder. MUS har fokus på "
            "dine kompetencer og din udvikling, og afstemmer forventninger til det kommende år. "
            "Derfor munder MUS ud i, at du sammen med din leder udarbejder din personlige "
            "udviklingsplan til gavn for dig og for opgaveløsningen på din arbejdsplads."
        ),
    },
    "mus_odoo.theme_since_last_mus": {
        "name": "Siden sidste MUS",
        "description": "Opfølgning på sidste års personlige udviklingsplan",
    },
    "mus_odoo.question_plan_followup": {
        "name": "Opfølgning på sidste års personlige udviklingsplan",
        "guidance": "\n".join([
            "- Hvilke læringsmål er blevet nået siden sidste samtale?",
            "- Hvad førte til at de blev nået?",
            "- Hvilken effekt har det haft?",
            "- Er der noget, der skal arbejdes videre med fremover?",
        ]),
    },
    "mus_odoo.theme_wellbeing": {
        "name": "Trivsel",
    },
    "mus_odoo.question_wellbeing_thrive": {
        "name": "Hvordan trives du på dit arbejde?",
        "guidance": "\n".join([
            "- Hvordan trives du generelt med dit arbejde?",
            "- Hvilke forhold får din trivsel til at forbedres?",
            "- Hvilke forhold får din trivsel til at forringes?",
            "- Hvordan kan vi skabe endnu bedre trivsel for dig på arbejdspladsen?",
            "  - Hvad kan du selv gøre?",
            "  - Hvad kan din chef gøre?",
            "  - Hvad skal der ellers til?",
        ]),
    },
    "mus_odoo.question_wellbeing_collaboration": {
        "name": "Hvordan oplever du samarbejdet på arbejdspladsen?",
        "guidance": "\n".join([
            "- Fortæl om et rigtig godt samarbejde med kollegaer.",
            "- Hvad gjorde netop dette samarbejde konstruktivt?",
            "- Hvordan bidrog du/kollegaerne til at skabe det gode samarbejde?",
            "- Fortæl om et godt samarbejde med ledelsen.",
            "- Hvad gjorde netop dette samarbejde konstruktivt?",
            "- Hvordan bidrog du/ledelsen til at skabe det gode samarbejde?",
            "- Hvordan kan vi skabe et endnu bedre samarbejde på arbejdspladsen?",
            "  - Hvad kan du selv gøre?",
            "  - Hvad kan ledelsen gøre?",
            "  - Hvad skal der ellers til?",
        ]),
    },
    "mus_odoo.question_wellbeing_other": {
        "name": (
            "Er der andre forhold i forbindelse med trivsel, som du gerne vil have at vi "
            "drøfter?"
        ),
    },
    "mus_odoo.theme_work_tasks": {
        "name": "Arbejdsopgaver",
    },
    "mus_odoo.question_tasks_went_well": {
        "name": "Hvad har du lært af det der er gået godt?",
        "guidance": "\n".join([
            (
                "- Hvilke arbejdsopgaver er lykkedes for dig i året der gik? Giv eksempler på "
                "dine succeser."
            ),
            "- Hvad fik dem til at lykkes?",
            "- Hvordan har dine succeser bidraget arbejdspladsen?",
            "- På hvilke måder kan du fremadrettet bruge denne læring?",
            (
                "- Hvordan kan arbejdspladsen fremadrettet skabe mulighed for at du får endnu "
                "flere succeser?"
            ),
            (
                "- Hvordan kan din opgaveløsning fremover bidrage til arbejdspladsens "
                "udvikling?"
            ),
        ]),
    },
    "mus_odoo.question_tasks_difficult": {
        "name": "Hvad har du lært af det, der har været svært?",
        "guidance": "\n".join([
            "- Hvilken arbejdsopgave har været den største udfordring i året der gik?",
            "- Hvordan har opgaven udfordret dig?",
            "- Hvordan har du mødt og håndteret udfordringen?",
            (
                "- På hvilken måde tænker du, at dine erfaringer kan bruges i forhold til "
                "kommende udfordringer?"
            ),
        ]),
    },
    "mus_odoo.question_tasks_other": {
        "name": (
            "Er der andre forhold i forbindelse med dine arbejdsopgaver, som du gerne vil have "
            "at vi drøfter?"
        ),
    },
    "mus_odoo.question_tasks_coming_year": {
        "name": (
            "Hvilke arbejdsopgaver optager dig og hvilke arbejdsopgaver kommer i det kommende "
            "år?"
        ),
        "guidance": "\n".join([
            "- Hvilke arbejdsopgaver er du i øjeblikket mest optaget af?",
            "- Hvilke arbejdsopgaver vil du særligt gerne arbejde med fremover?",
            "- Hvilke arbejdsopgaver forventes det kommende år at bringe?",
            "- Hvordan er du klædt på til dine nuværende og kommende arbejdsopgaver?",
            "- Hvilke succeser vil du gerne have det næste år?",
            "  - Hvad kan du selv gøre?",
            "  - Hvad kan din chef gøre?",
            "  - Hvad skal der ellers til?",
        ]),
    },
    "mus_odoo.theme_development_plan": {
        "name": "Frem mod Udviklingsplanen",
    },
    "mus_odoo.question_development_goals": {
        "name": "Hvad skal læringsmålene være i udviklingsplanen?",
        "guidance": "\n".join([
            "- Hvordan kan dine nuværende kompetencer komme endnu mere i spil?",
            (
                "- Hvilke kompetencer ser du som særligt vigtige i dine nuværende og kommende "
                "arbejdsopgaver?"
            ),
            (
                "- Hvilke kompetencer tænker du skal udvikles for at du bedst kan løse dine "
                "opgaver fremover?"
            ),
        ]),
    },
    "mus_odoo.template_mus_employee_preparation": {
        "name": "Medarbejder: Sådan forbereder du dig til MUS-samtalen",
        "description": (
            "Ud over at udfylde et eventuelt skema er det en god ide, at du gør dig dine egne "
            "tanker inden samtalen. Nedenfor er nogle gode råd til, hvordan du sikrer, at du "
            "ankommer forberedt til samtalen."
        ),
    },
    "mus_odoo.theme_prep_expectations": {
        "name": "Hvad vil du gerne have ud af MUS-samtalen?",
        "description": (
            "Start med at gøre dig nogle overvejelser om, hvad du gerne vil have ud af din "
            "MUS-samtale."
        ),
    },
    "mus_odoo.question_prep_expectations": {
        "name": "Hvad vil du gerne have ud af MUS-samtalen?",
        "guidance": "\n".join([
            "- Ønsker du konkrete forandringer?",
            "- Ønsker du feedback på din performance?",
            "- Ønsker du kompetenceudvikling?",
        ]),
    },
    "mus_odoo.theme_prep_status": {
        "name": "Status siden sidste MUS-samtale",
        "description": "Lav en liste med dine opgaver.",
    },
    "mus_odoo.question_prep_status": {
        "name": "Status siden sidste MUS-samtale",
        "guidance": "\n".join([
            "- Laver du det, du i virkeligheden gerne vil?",
            (
                "- Er der nogle opgaver, du er udfordret med og dræner din motivation og "
                "trivsel?"
            ),
            "- Er der opgaver, du trives med og gerne vil have flere af?",
            "- Har du opnået dine mål?",
        ]),
    },
    "mus_odoo.theme_prep_look_ahead": {
        "name": "Se fremad",
        "description": (
            "Din MUS-samtale handler om din trivsel og udvikling, så det er vigtigt at gøre "
            "nogle tanker om, i hvilken retning du ønsker at udvikle dig."
        ),
    },
    "mus_odoo.question_prep_look_ahead": {
        "name": (
            "Hvor ser du dig selv om et, to og tre år, og hvad skal der til for at du når "
            "derhen?"
        ),
    },
    "mus_odoo.theme_prep_contribution": {
        "name": "Hvad kan du bidrage med?",
        "description": (
            "Når du har gjort status og set fremad, er det vigtigt, at du også vurderer, hvor "
            "og hvordan du bedst kan bidrage til virksomhedens vækst og trivsel, samt vurderer "
            "hvordan dine fremtidsplaner og ønsker kan gavne din arbejdsplads."
        ),
    },
    "mus_odoo.question_prep_contribution": {
        "name": "Hvad kan du bidrage med?",
    },
    "mus_odoo.theme_prep_supplementary": {
        "name": "Fem supplerende spørgsmål til din forberedelse",
    },
    "mus_odoo.question_prep_career": {
        "name": "Hvordan vil jeg gerne have, at mit arbejdsliv og min karriere skal se ud?",
    },
    "mus_odoo.question_prep_reach_goals": {
        "name": "Hvad skal der til, for at jeg når mine mål?",
    },
    "mus_odoo.question_prep_needed_competences": {
        "name": "Hvilke kompetencer skal jeg bruge for at nå mine mål?",
    },
    "mus_odoo.question_prep_develop_competences": {
        "name": "Hvordan udvikler jeg bedst, de kompetencer jeg har?",
    },
    "mus_odoo.question_prep_new_competences": {
        "name": "Hvordan tilegner jeg mig nye kompetencer?",
    },
}

# The questions of template A, in the order of the seed.
TEMPLATE_A_ORDER = [
    "mus_odoo.question_plan_followup",
    "mus_odoo.question_wellbeing_thrive",
    "mus_odoo.question_wellbeing_collaboration",
    "mus_odoo.question_wellbeing_other",
    "mus_odoo.question_tasks_went_well",
    "mus_odoo.question_tasks_difficult",
    "mus_odoo.question_tasks_other",
    "mus_odoo.question_tasks_coming_year",
    "mus_odoo.question_development_goals",
]

# The questions of template B, in the order of the seed.
TEMPLATE_B_ORDER = [
    "mus_odoo.question_prep_expectations",
    "mus_odoo.question_prep_status",
    "mus_odoo.question_prep_look_ahead",
    "mus_odoo.question_prep_contribution",
    "mus_odoo.question_prep_career",
    "mus_odoo.question_prep_reach_goals",
    "mus_odoo.question_prep_needed_competences",
    "mus_odoo.question_prep_develop_competences",
    "mus_odoo.question_prep_new_competences",
]

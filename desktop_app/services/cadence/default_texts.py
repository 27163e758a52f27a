"""The messages a new shop starts with, per step and language: warm, short, and in the shop's own voice.
Placeholders are the fixed list of domain/templates.py. The owner rewrites any of them in the cadence
settings; these are only the first draft."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "pt_BR": {
        "signup": "Oi {{ first_name | \"\" }}! Seu cadastro na {{ shop_name }} está feito. Obrigada pela visita!",
        "welcome": "Oi {{ first_name | \"\" }}, que bom ter você com a gente na {{ shop_name }}! "
                   "Qualquer coisa, é só chamar por aqui.",
        "unfinished_purchase": "Oi {{ first_name | \"\" }}, tudo bem? Aqui é da {{ shop_name }}. "
                               "Separamos {{ item | \"o que você viu\" }} para você. Quer passar para buscar?",
        "post_sale": "Oi {{ first_name | \"\" }}! Aqui é da {{ shop_name }}. Gostou da sua compra? "
                     "Se precisar de algo, estamos por aqui.",
        "birthday": "Feliz aniversário, {{ first_name | \"querida cliente\" }}! "
                    "A {{ shop_name }} preparou um carinho para você: {{ reward | \"passe aqui para ver\" }}.",
        "reactivation": "Oi {{ first_name | \"\" }}, sentimos sua falta na {{ shop_name }}! "
                        "Chegaram novidades, passe para ver.",
        "reward_reached": "{{ first_name | \"Oi\" }}, você já pode trocar seus pontos na {{ shop_name }}: "
                          "{{ reward | \"um prêmio\" }} está esperando por você!",
        "points_expiring": "{{ first_name | \"Oi\" }}, seus {{ points_balance }} pontos na {{ shop_name }} "
                           "vencem em {{ date }}. Passe para usar!",
    },
    "pt_PT": {
        "signup": "Olá {{ first_name | \"\" }}! O seu registo na {{ shop_name }} está feito. Obrigada pela visita!",
        "welcome": "Olá {{ first_name | \"\" }}, é um gosto tê-la como cliente da {{ shop_name }}! "
                   "Se precisar de alguma coisa, diga.",
        "unfinished_purchase": "Olá {{ first_name | \"\" }}, daqui é a {{ shop_name }}. "
                               "Guardámos {{ item | \"o que viu\" }} para si. Quer passar cá?",
        "post_sale": "Olá {{ first_name | \"\" }}! Daqui é a {{ shop_name }}. Gostou da sua compra? "
                     "Estamos cá para o que precisar.",
        "birthday": "Parabéns, {{ first_name | \"cara cliente\" }}! "
                    "A {{ shop_name }} tem uma surpresa para si: {{ reward | \"passe cá para ver\" }}.",
        "reactivation": "Olá {{ first_name | \"\" }}, temos saudades suas na {{ shop_name }}! "
                        "Chegaram novidades, passe cá.",
        "reward_reached": "{{ first_name | \"Olá\" }}, já pode trocar os seus pontos na {{ shop_name }}: "
                          "{{ reward | \"um prémio\" }} está à sua espera!",
        "points_expiring": "{{ first_name | \"Olá\" }}, os seus {{ points_balance }} pontos na {{ shop_name }} "
                           "expiram a {{ date }}. Passe cá para os usar!",
    },
    "en": {
        "signup": "Hi {{ first_name | \"there\" }}! You are now signed up at {{ shop_name }}. Thanks for coming in!",
        "welcome": "Hi {{ first_name | \"there\" }}, lovely to have you with us at {{ shop_name }}! "
                   "If you need anything, just reply here.",
        "unfinished_purchase": "Hi {{ first_name | \"there\" }}, it's {{ shop_name }}. "
                               "We kept {{ item | \"what you looked at\" }} for you. Would you like to pick it up?",
        "post_sale": "Hi {{ first_name | \"there\" }}! It's {{ shop_name }}. Are you happy with your purchase? "
                     "We're here if you need anything.",
        "birthday": "Happy birthday, {{ first_name | \"dear customer\" }}! "
                    "{{ shop_name }} has something for you: {{ reward | \"come by to see\" }}.",
        "reactivation": "Hi {{ first_name | \"there\" }}, we miss you at {{ shop_name }}! "
                        "New things have arrived, come and see.",
        "reward_reached": "{{ first_name | \"Hi\" }}, your points at {{ shop_name }} are ready: "
                          "{{ reward | \"a reward\" }} is waiting for you!",
        "points_expiring": "{{ first_name | \"Hi\" }}, your {{ points_balance }} points at {{ shop_name }} "
                           "expire on {{ date }}. Come and use them!",
    },
}


def default_text(step: str, language: str) -> str:
    texts = TEXTS.get(language) or TEXTS.get(language.split("_")[0]) or TEXTS["en"]
    return texts[step]


GIFT_LINES = {
    "pt_BR": "{gift} (mostre o código {code} no caixa até {date})",
    "pt_PT": "{gift} (mostre o código {code} na loja até {date})",
    "en": "{gift} (show the code {code} at the till by {date})",
}


def gift_line(language: str) -> str:
    """How a birthday gift with its coupon reads inside the message."""
    return GIFT_LINES.get(language) or GIFT_LINES.get(language.split("_")[0]) or GIFT_LINES["en"]


SUBJECTS: dict[str, dict[str, str]] = {
    "pt_BR": {
        "signup": "Seu cadastro na {{ shop_name }}", "welcome": "Boas-vindas à {{ shop_name }}!",
        "unfinished_purchase": "Separamos para você, {{ first_name | \"cliente\" }}",
        "post_sale": "Gostou da sua compra?", "birthday": "Feliz aniversário, {{ first_name | \"cliente\" }}!",
        "reactivation": "Sentimos sua falta!", "reward_reached": "Você já pode trocar seus pontos",
        "points_expiring": "Seus pontos vencem em {{ date }}",
    },
    "pt_PT": {
        "signup": "O seu registo na {{ shop_name }}", "welcome": "Bem-vinda à {{ shop_name }}!",
        "unfinished_purchase": "Guardámos para si, {{ first_name | \"cliente\" }}",
        "post_sale": "Gostou da sua compra?", "birthday": "Parabéns, {{ first_name | \"cliente\" }}!",
        "reactivation": "Temos saudades suas!", "reward_reached": "Já pode trocar os seus pontos",
        "points_expiring": "Os seus pontos expiram a {{ date }}",
    },
    "en": {
        "signup": "You're signed up at {{ shop_name }}", "welcome": "Welcome to {{ shop_name }}!",
        "unfinished_purchase": "We kept it for you, {{ first_name | \"there\" }}",
        "post_sale": "How do you like your purchase?", "birthday": "Happy birthday, {{ first_name | \"there\" }}!",
        "reactivation": "We miss you!", "reward_reached": "Your points are ready to use",
        "points_expiring": "Your points expire on {{ date }}",
    },
}

UNSUBSCRIBE = {
    "pt_BR": "Não quer mais receber nossos e-mails? Responda com SAIR.",
    "pt_PT": "Não quer receber mais e-mails nossos? Responda com SAIR.",
    "en": "Rather not hear from us? Reply STOP.",
}


def _pick(table: dict, language: str):
    return table.get(language) or table.get(language.split("_")[0]) or table["en"]


def subject_for(step: str, language: str, custom: str = "") -> str:
    return custom or _pick(SUBJECTS, language)[step]


def unsubscribe_line(language: str) -> str:
    return _pick(UNSUBSCRIBE, language)

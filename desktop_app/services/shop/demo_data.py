"""Names, places and notes for the demo shop: Brazilian and Portuguese, as a real customer list has."""

FEMALE = (
    "Ana", "Maria", "Juliana", "Fernanda", "Patrícia", "Aline", "Camila", "Amanda", "Bruna", "Jéssica",
    "Letícia", "Larissa", "Beatriz", "Mariana", "Gabriela", "Vanessa", "Luciana", "Renata", "Cristina",
    "Adriana", "Sandra", "Márcia", "Débora", "Tatiane", "Raquel", "Carolina", "Isabela", "Lúcia", "Helena",
    "Sofia", "Inês", "Joana", "Rita", "Catarina", "Leonor", "Matilde", "Francisca", "Conceição", "Graça",
    "Fátima", "Rosângela", "Simone", "Priscila", "Daniela", "Lívia", "Natália", "Yasmin", "Valentina",
)
MALE = (
    "João", "José", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
    "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo",
    "Gonçalo", "Tiago", "Rui", "Nuno", "Duarte", "Vasco", "Afonso", "Tomás", "Diogo", "André", "Sérgio",
    "Fábio", "Thiago", "Guilherme", "Leandro", "Ricardo", "Vinícius", "Caio", "Otávio", "Henrique",
)
SURNAMES = (
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
    "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira",
    "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado",
    "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Conceição",
    "Magalhães", "Sousa", "Pinto", "Correia", "Fonseca", "Azevedo", "Brandão", "Leal", "Falcão", "Peixoto",
)
# The particle a surname takes when it has one ("da Silva", "dos Santos", "de Oliveira").
PARTICLES = {
    "Silva": "da", "Santos": "dos", "Costa": "da", "Conceição": "da", "Nascimento": "do", "Oliveira": "de",
    "Souza": "de", "Almeida": "de", "Araújo": "de", "Carvalho": "de", "Rocha": "da", "Cruz": "da",
    "Assunção": "da", "Jesus": "de", "Paula": "de", "Reis": "dos", "Anjos": "dos", "Lima": "de",
}
CITIES_BR = (
    "São Paulo", "São Paulo", "São Paulo", "Guarulhos", "Osasco", "Santo André", "São Bernardo do Campo",
    "Campinas", "Santos", "Rio de Janeiro", "Belo Horizonte", "Curitiba",
)
CITIES_PT = ("Lisboa", "Porto", "Braga", "Coimbra", "Setúbal", "Amadora", "Sintra")
DDD = ("11", "11", "11", "11", "13", "19", "21", "31", "41")
EMAIL_DOMAINS = ("gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br",
                 "uol.com.br", "terra.com.br", "icloud.com", "sapo.pt")
TAGS = ("vip", "atacado", "noiva", "revendedora", "influencer", "indicação", "instagram")
PURCHASE_NOTES = ("Vestido midi", "Calça jeans", "Blusa de linho", "Bolsa de couro", "Sandália", "Kit presente",
                  "Camisa social", "Saia plissada", "Brincos de prata", "Lenço de seda", "Casaco de lã", "")
COMPLAINT_NOTES = ("Zíper quebrou na primeira semana", "Cobrança em duplicidade no cartão",
                   "Atendimento demorado no sábado", "Peça com defeito na costura")
QUOTE_NOTES = ("Vestido de festa sob medida", "Reservou o casaco bege, volta na sexta",
               "Orçamento de 12 camisetas para a equipe", "Experimentou a bota, vai pensar")
RESOLUTIONS = (
    "Trocamos a peça", "Ajuste feito sem custo", "Devolvemos o valor", "Pedimos desculpas e demos um desconto",
    "Conserto pronto e entregue",
)

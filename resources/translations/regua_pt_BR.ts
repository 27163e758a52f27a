<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name>BugDialog</name>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="42" />
        <source>Something went wrong</source>
        <translation>Algo deu errado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="46" />
        <source>Régua hit a problem it did not expect. Your data is safe: nothing half-done was saved.
Copy the details below and send them to whoever supports your Régua.</source>
        <translation>O Régua encontrou um problema inesperado. Seus dados estão seguros: nada pela metade foi salvo.
Copie os detalhes abaixo e envie para quem dá suporte ao seu Régua.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="53" />
        <source>Copy details</source>
        <translation>Copiar detalhes</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="46" />
        <source>Sizes, preferences, anything the team should know</source>
        <translation>Tamanhos, preferências, tudo o que a equipe deve saber</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="48" />
        <location filename="../../ui/customer_dialog.ui" line="21" />
        <source>day/month, year optional: 15/03 or 15/03/1990</source>
        <translation>dia/mês, ano opcional: 15/03 ou 15/03/1990</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="50" />
        <source>New customer</source>
        <translation>Novo cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="52" />
        <source>Edit customer</source>
        <translation>Editar cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="113" />
        <source>This e-mail already belongs to {name} (#{id}).</source>
        <translation>Este e-mail já pertence a {name} (nº {id}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="114" />
        <source>This phone already belongs to {name} (#{id}).</source>
        <translation>Este telefone já pertence a {name} (nº {id}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="116" />
        <source>This tax id already belongs to {name} (#{id}).</source>
        <translation>Este CPF/NIF já pertence a {name} (nº {id}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="119" />
        <source>If it is the same person, cancel and use Merge on the customer's page; press Save again to keep them as two customers.</source>
        <translation>Se for a mesma pessoa, cancele e use Mesclar na página do cliente; clique em Salvar de novo para manter dois clientes.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="135" />
        <source>Save anyway</source>
        <translation>Salvar mesmo assim</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="6" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="11" />
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="12" />
        <source>Full name</source>
        <translation>Nome completo</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="14" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="15" />
        <source>name@example.com</source>
        <translation>nome@exemplo.com.br</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="17" />
        <source>Phone / WhatsApp</source>
        <translation>Telefone / WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="18" />
        <source>(11) 98765-4321</source>
        <translation>(11) 98765-4321</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="20" />
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="23" />
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="26" />
        <source>Tax id (CPF / NIF)</source>
        <translation>CPF / NIF</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="29" />
        <source>Card code</source>
        <translation>Cartão fidelidade</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="30" />
        <source>scan or type the loyalty card</source>
        <translation>passe o leitor ou digite o cartão</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="32" />
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="33" />
        <source>separated by commas: vip, noivas</source>
        <translation>separadas por vírgula: vip, noivas</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="35" />
        <source>May we contact?</source>
        <translation>Pode receber contato?</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="37" />
        <source>By e-mail</source>
        <translation>Por e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="38" />
        <source>By WhatsApp</source>
        <translation>Por WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="41" />
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91" />
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91" />
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91" />
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="92" />
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="92" />
        <source>Last visit</source>
        <translation>Última visita</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="60" />
        <source>Timeline</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="83" />
        <source>Birthday: {date}</source>
        <translation>Aniversário: {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="85" />
        <source>Card: {code}</source>
        <translation>Cartão: {code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="87" />
        <source>Tax id: {id}</source>
        <translation>CPF/NIF: {id}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="91" />
        <source>E-mail: {email}   WhatsApp: {whatsapp}</source>
        <translation>E-mail: {email}   WhatsApp: {whatsapp}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="114" />
        <source>by {name}</source>
        <translation>por {name}</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="136" />
        <source>Search: name, phone digits, e-mail, card or tax id</source>
        <translation>Buscar: nome, dígitos do telefone, e-mail, cartão ou CPF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="140" />
        <source>Any birthday month</source>
        <translation>Qualquer mês de aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="142" />
        <source>Birthday in {month}</source>
        <translation>Aniversário em {month}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="143" />
        <source>&amp;New customer</source>
        <translation>&amp;Novo cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="144" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="145" />
        <source>&amp;Merge…</source>
        <translation>&amp;Mesclar…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="225" />
        <source>All tags</source>
        <translation>Todas as etiquetas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="255" />
        <source>The first {n} matches; type more to narrow the search.</source>
        <translation>Os primeiros {n} resultados; digite mais para refinar a busca.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="258" />
        <source>1 customer</source>
        <translation>1 cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="259" />
        <source>{n} customers</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="309" />
        <location filename="../../desktop_app/gui/customers_view.py" line="322" />
        <source>Customer saved.</source>
        <translation>Cliente salvo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="332" />
        <source>Merge customers</source>
        <translation>Mesclar clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="334" />
        <source>Merge “{other}” into “{keep}”? Their history, consents and tags move over, and “{other}” is removed. This cannot be undone.</source>
        <translation>Mesclar “{other}” em “{keep}”? O histórico, os consentimentos e as etiquetas passam para “{keep}”, e “{other}” é removido. Não é possível desfazer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="343" />
        <source>Customers merged.</source>
        <translation>Clientes mesclados.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="30" />
        <source>Welcome to Régua</source>
        <translation>Bem-vinda ao Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="33" />
        <source>Tell Régua about your shop. The country sets the phone prefix, the currency and the date format; you can change all of this later.</source>
        <translation>Conte ao Régua sobre a sua loja. O país define o código do telefone, a moeda e o formato das datas; tudo isso pode ser alterado depois.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="38" />
        <source>e.g. Ateliê Flor de Lis</source>
        <translation>ex.: Ateliê Flor de Lis</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="39" />
        <source>Shop name</source>
        <translation>Nome da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="43" />
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="49" />
        <source>Time zone</source>
        <translation>Fuso horário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="54" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="42" />
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="73" />
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="74" />
        <source>&amp;New customer</source>
        <translation>&amp;Novo cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="78" />
        <source>&amp;Find customer</source>
        <translation>&amp;Buscar cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="83" />
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="87" />
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="88" />
        <source>Open the &amp;log folder</source>
        <translation>Abrir a pasta de &amp;registros</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="91" />
        <source>&amp;About Régua</source>
        <translation>&amp;Sobre o Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="105" />
        <source>About Régua</source>
        <translation>Sobre o Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="106" />
        <source>Régua {version}
A customer relationship manager for small shops.

Database: {db}</source>
        <translation>Régua {version}
Gestão de relacionamento com clientes para pequenas lojas.

Banco de dados: {db}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="31" />
        <source>Merge customers</source>
        <translation>Mesclar clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="34" />
        <source>Find the other record of “{name}”. It will be merged into this one, which keeps its own values and gains what it lacks.</source>
        <translation>Encontre o outro cadastro de “{name}”. Ele será mesclado a este, que mantém os próprios dados e ganha o que faltar.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="38" />
        <source>Search: name, phone digits, e-mail, card or tax id</source>
        <translation>Buscar: nome, dígitos do telefone, e-mail, cartão ou CPF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="43" />
        <source>Merge</source>
        <translation>Mesclar</translation>
    </message>
</context>
<context>
    <name>countries</name>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="22" />
        <source>Brazil</source>
        <translation>Brasil</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="23" />
        <source>Portugal</source>
        <translation>Portugal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="24" />
        <source>Angola</source>
        <translation>Angola</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="25" />
        <source>Mozambique</source>
        <translation>Moçambique</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="26" />
        <source>Spain</source>
        <translation>Espanha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="27" />
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="28" />
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="16" />
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="17" />
        <source>This is not a valid e-mail address.</source>
        <translation>Este não é um e-mail válido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="18" />
        <source>This is not a valid phone number for {country}.</source>
        <translation>Este não é um telefone válido para {country}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="19" />
        <source>This date does not exist.</source>
        <translation>Esta data não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="20" />
        <source>Enter the birthday as day and month, with an optional year.</source>
        <translation>Informe o aniversário como dia e mês, com o ano opcional.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="21" />
        <source>The birth year cannot be in the future.</source>
        <translation>O ano de nascimento não pode estar no futuro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="22" />
        <source>This is too long (at most {max} characters).</source>
        <translation>Texto longo demais (no máximo {max} caracteres).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="23" />
        <source>This contains characters that cannot be stored.</source>
        <translation>Contém caracteres que não podem ser gravados.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="24" />
        <source>Enter an amount such as 49,90.</source>
        <translation>Informe um valor como 49,90.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="25" />
        <source>The amount cannot be negative.</source>
        <translation>O valor não pode ser negativo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="26" />
        <source>This card code already belongs to {name}.</source>
        <translation>Este cartão já pertence a {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="27" />
        <source>A customer cannot be merged with itself.</source>
        <translation>Um cliente não pode ser mesclado com ele mesmo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="28" />
        <source>Unknown time zone.</source>
        <translation>Fuso horário desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="29" />
        <source>Unknown country.</source>
        <translation>País desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="30" />
        <source>The limit must be a whole number from 1 to 10000.</source>
        <translation>O limite deve ser um número inteiro de 1 a 10000.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="33" />
        <source>This database already holds {count} customers; a demo shop is only made in a new or empty database.</source>
        <translation>Este banco de dados já tem {count} clientes; a loja de demonstração só é criada num banco novo ou vazio.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="34" />
        <source>The number of customers must be from 1 to 2000000.</source>
        <translation>O número de clientes deve ser de 1 a 2000000.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="35" />
        <source>This shop has not been set up yet: open Régua once to set it up.</source>
        <translation>Esta loja ainda não foi configurada: abra o Régua uma vez para configurá-la.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="37" />
        <source>Only a manager or the owner can do this.</source>
        <translation>Só um gerente ou a dona da loja pode fazer isso.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="38" />
        <source>Only the owner can do this.</source>
        <translation>Só a dona da loja pode fazer isso.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="39" />
        <source>Wrong PIN. {left} tries left before this account is locked.</source>
        <translation>PIN errado. Restam {left} tentativas antes de esta conta ser bloqueada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="41" />
        <source>Too many wrong PINs: this account is locked for {minutes} more minutes.</source>
        <translation>PIN errado vezes demais: esta conta está bloqueada por mais {minutes} minutos.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="42" />
        <source>The PIN needs at least 4 characters.</source>
        <translation>O PIN precisa de pelo menos 4 caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="43" />
        <source>There is already a staff member called {name}.</source>
        <translation>Já existe alguém da equipe chamado {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="44" />
        <source>Unknown role.</source>
        <translation>Função desconhecida.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="45" />
        <source>The shop needs at least one active owner.</source>
        <translation>A loja precisa de pelo menos uma dona ativa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="46" />
        <source>This staff account does not exist or is switched off.</source>
        <translation>Esta conta da equipe não existe ou está desativada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="48" />
        <source>Unknown kind of interaction.</source>
        <translation>Tipo de registro desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="49" />
        <source>Enter the amount.</source>
        <translation>Informe o valor.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="50" />
        <source>This date is in the future.</source>
        <translation>Esta data está no futuro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="51" />
        <source>The follow-up date cannot be before the day it was logged.</source>
        <translation>A data de retorno não pode ser anterior ao dia do registro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="53" />
        <source>The refund is larger than what is left of the purchase ({left}).</source>
        <translation>O reembolso é maior do que o que resta da compra ({left}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="54" />
        <source>This customer has no purchase this refund could reverse.</source>
        <translation>Este cliente não tem compra que este reembolso possa estornar.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="55" />
        <source>This is already closed.</source>
        <translation>Isto já foi encerrado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="56" />
        <source>Write how it was resolved.</source>
        <translation>Escreva como foi resolvido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="57" />
        <source>This entry no longer exists.</source>
        <translation>Este registro não existe mais.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="59" />
        <source>No customer matches “{ref}”.</source>
        <translation>Nenhum cliente corresponde a “{ref}”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="65" />
        <source>This database was made by a newer version of Régua (schema {found}, this version knows {known}). Install the newer version to open it; nothing was changed.</source>
        <translation>Este banco de dados foi criado por uma versão mais nova do Régua (esquema {found}; esta versão conhece até {known}). Instale a versão mais nova para abri-lo; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="68" />
        <source>The file {path} is not a Régua database or is damaged. Restore a backup; nothing was changed.</source>
        <translation>O arquivo {path} não é um banco de dados do Régua ou está danificado. Restaure uma cópia de segurança; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="69" />
        <source>The database {path} cannot be opened: {reason}</source>
        <translation>Não foi possível abrir o banco de dados {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="70" />
        <source>There is no database at {path}.</source>
        <translation>Não há banco de dados em {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="71" />
        <source>The database is busy in another program. Try again in a moment.</source>
        <translation>O banco de dados está ocupado em outro programa. Tente de novo em instantes.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="72" />
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>Não foi possível gravar a cópia de segurança em {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="34" />
        <source>Régua</source>
        <translation>Régua</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="33" />
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="34" />
        <source>Purchase</source>
        <translation>Compra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="35" />
        <source>Call</source>
        <translation>Ligação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="36" />
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="37" />
        <source>Complaint</source>
        <translation>Reclamação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="38" />
        <source>Return / refund</source>
        <translation>Devolução / reembolso</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="39" />
        <source>Note</source>
        <translation>Anotação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="40" />
        <source>Quote</source>
        <translation>Orçamento</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="41" />
        <source>Reservation</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="42" />
        <source>Special order</source>
        <translation>Encomenda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="43" />
        <source>Tried on, did not buy</source>
        <translation>Provou e não levou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="44" />
        <source>Customer created</source>
        <translation>Cliente cadastrado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="45" />
        <source>Agreed to e-mails</source>
        <translation>Aceitou e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="46" />
        <source>Stopped e-mails</source>
        <translation>Parou de receber e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="47" />
        <source>Agreed to WhatsApp</source>
        <translation>Aceitou WhatsApp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="48" />
        <source>Stopped WhatsApp</source>
        <translation>Parou de receber WhatsApp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="49" />
        <source>Merged with another record</source>
        <translation>Mesclado com outro cadastro</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="405" />
        <source>the command line</source>
        <translation>a linha de comando</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="406" />
        <source>a spreadsheet import</source>
        <translation>uma importação de planilha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="407" />
        <source>the demo data</source>
        <translation>os dados de demonstração</translation>
    </message>
</context>
</TS>
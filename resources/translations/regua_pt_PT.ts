<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="230"/>
        <source>Adjust points</source>
        <translation>Ajustar pontos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="238"/>
        <source>Why? e.g. balance from the old card system</source>
        <translation>Porquê? Por ex.: saldo do antigo cartão de fidelização</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="244"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="245"/>
        <source>Points (− to remove)</source>
        <translation>Pontos (− para retirar)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="246"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="248"/>
        <source>Owner</source>
        <translation>Proprietária</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="248"/>
        <source>Owner&apos;s PIN</source>
        <translation>PIN da proprietária</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="285"/>
        <source>More than {limit} points: the owner approves with her PIN.</source>
        <translation>Mais de {limit} pontos: a proprietária aprova com o seu PIN.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="173"/>
        <source>Audit log</source>
        <translation>Registo de auditoria</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="176"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="176"/>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="176"/>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="176"/>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="58"/>
        <source>Backups</source>
        <translation>Cópias de segurança</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="60"/>
        <source>Régua copies the shop&apos;s data every day it is opened: a copy a day for a week and a copy a week for a month, in {folder}.</source>
        <translation>A Régua copia os dados da loja todos os dias em que é aberta: uma cópia por dia durante uma semana e uma por semana durante um mês, em {folder}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="64"/>
        <source>Also copy to a folder…</source>
        <translation>Copiar também para uma pasta…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="72"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="129"/>
        <source> years</source>
        <translation>
            <numerusform> ano</numerusform>
            <numerusform> anos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="75"/>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="80"/>
        <source>Anonymise customers with nothing logged for</source>
        <translation>Anonimizar clientes sem nenhum registo há</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="85"/>
        <source>Made</source>
        <translation>Feita em</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="85"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="85"/>
        <source>File</source>
        <translation>Ficheiro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="97"/>
        <source>Back up &amp;now</source>
        <translation>Fazer cópia &amp;agora</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="99"/>
        <source>&amp;Restore the selected copy…</source>
        <translation>&amp;Restaurar a cópia selecionada…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="101"/>
        <source>Restore from a file…</source>
        <translation>Restaurar de um ficheiro…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="156"/>
        <source>Copies also go to: {folder}</source>
        <translation>As cópias também vão para: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="157"/>
        <source>Copies stay on this computer only.</source>
        <translation>As cópias ficam só neste computador.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="184"/>
        <source>Copy made: {path}</source>
        <translation>Cópia feita: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="201"/>
        <source>Saved. Customers it would anonymise today: {n}.</source>
        <translation>Guardado. Clientes que seriam anonimizados hoje: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="202"/>
        <source>Saved. Customers are kept until erased by hand.</source>
        <translation>Guardado. Os clientes ficam guardados até serem apagados à mão.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="207"/>
        <source>A second folder for the copies</source>
        <translation>Uma segunda pasta para as cópias</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="220"/>
        <source>Restore from a copy</source>
        <translation>Restaurar de uma cópia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="221"/>
        <source>Régua copies (*.db)</source>
        <translation>Cópias da Régua (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="231"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="233"/>
        <source>Replace the shop&apos;s data with the copy of {when}? Everything done since then is set aside (kept in a copy of its own).</source>
        <translation>Substituir os dados da loja pela cópia de {when}? Tudo o que foi feito depois fica de lado (guardado numa cópia própria).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="239"/>
        <source>Restored. What was there before is kept in {path}.</source>
        <translation>Restaurado. O que havia antes está guardado em {path}.</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <location filename="../../desktop_app/gui/common/errors.py" line="58"/>
        <source>Something went wrong</source>
        <translation>Algo correu mal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/errors.py" line="62"/>
        <source>Régua hit a problem it did not expect. Your data is safe: nothing half-done was saved.
Copy the details below and send them to whoever supports your Régua.</source>
        <translation>A Régua encontrou um problema inesperado. Os seus dados estão seguros: nada ficou guardado a meio.
Copie os detalhes abaixo e envie-os a quem dá apoio à sua Régua.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/errors.py" line="69"/>
        <source>Copy details</source>
        <translation>Copiar detalhes</translation>
    </message>
</context>
<context>
    <name>CadenceDialog</name>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="211"/>
        <source>Relationship cadence</source>
        <translation>Régua de relacionamento</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="217"/>
        <source>The messages the shop sends by itself along each customer&apos;s journey. Every customer gets each message at most once.</source>
        <translation>As mensagens que a loja envia sozinha ao longo do percurso de cada cliente. Cada cliente recebe cada mensagem no máximo uma vez.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="241"/>
        <source>For every step</source>
        <translation>Para todas as etapas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="246"/>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="259"/>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="263"/>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="250"/>
        <source>0: no limit. Birthday wins over loyalty, unfinished purchase, after the sale, we miss you and welcome; the others wait or are skipped.</source>
        <translation>0: sem limite. Aniversário vem antes de fidelização, compra não concluída, pós-venda, saudade e boas-vindas; as outras esperam ou são saltadas.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="264"/>
        <source>E-mails wait for approval on the Today screen</source>
        <translation>Os e-mails esperam aprovação no ecrã Hoje</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="266"/>
        <source>No after-sale message while a complaint is open</source>
        <translation>Sem pós-venda enquanto houver reclamação aberta</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="279"/>
        <source>to</source>
        <translation>às</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="282"/>
        <source>At most one message per customer every</source>
        <translation>No máximo uma mensagem por cliente a cada</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="284"/>
        <source>Send between</source>
        <translation>Enviar entre</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="286"/>
        <source>Open days</source>
        <translation>Dias de funcionamento</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="288"/>
        <source>After days with the PC off, still send what is up to</source>
        <translation>Depois de dias com o PC desligado, ainda enviar o que houver até</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="290"/>
        <source>A birthday changed less than this before waits a year</source>
        <translation>Aniversário alterado há menos que isso espera o ano seguinte</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="302"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="41"/>
        <source>Message these customers</source>
        <translation>Mensagem para estes clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="42"/>
        <source>Counting who agreed to receive e-mails…</source>
        <translation>A contar quem aceitou receber e-mails…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="45"/>
        <source>e.g. Summer sale: 30% off until Saturday</source>
        <translation>ex.: Saldos de verão: 30% até sábado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="46"/>
        <source>Hi {{ first_name | &quot;there&quot; }}, ...</source>
        <translation>Olá {{ first_name | &quot;cliente&quot; }}, ...</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="54"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="71"/>
        <source>Will go by e-mail to {n} of the {total} customers in the list: those who agreed to receive e-mails.</source>
        <translation>
            <numerusform>Vai por e-mail para {n} do {total} cliente da lista: quem aceitou receber e-mails.</numerusform>
            <numerusform>Vai por e-mail para {n} dos {total} clientes da lista: os que aceitaram receber e-mails.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="73"/>
        <source>Send to {n} customers</source>
        <translation>
            <numerusform>Enviar para {n} cliente</numerusform>
            <numerusform>Enviar para {n} clientes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="91"/>
        <source>The message, as the first of them will read it, shows here.</source>
        <translation>A mensagem aparece aqui como o primeiro deles a vai ler.</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../desktop_app/gui/reports/charts.py" line="161"/>
        <location filename="../../desktop_app/gui/reports/charts.py" line="186"/>
        <source>Table</source>
        <translation>Tabela</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/charts.py" line="163"/>
        <source>Show the numbers behind the chart</source>
        <translation>Mostrar os números do gráfico</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/charts.py" line="186"/>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="44"/>
        <source>Connect to the shop&apos;s server</source>
        <translation>Ligar ao servidor da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="47"/>
        <source>The shop&apos;s PostgreSQL server, as whoever set it up gave it to you. The password is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>O servidor PostgreSQL da loja, tal como lho deu quem o configurou. A palavra-passe fica no porta-chaves deste computador, nunca num ficheiro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="63"/>
        <source>e.g. Ateliê Flor de Lis</source>
        <translation>p. ex. Ateliê Flor de Lis</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="70"/>
        <source>Shop &amp;name</source>
        <translation>&amp;Nome da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="70"/>
        <source>Coun&amp;try</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="79"/>
        <source>&amp;Connect</source>
        <translation>&amp;Ligar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="80"/>
        <source>&amp;Set up the shop here</source>
        <translation>C&amp;riar a loja aqui</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/connect_dialog.py" line="127"/>
        <source>The database {name} on this server has no Régua shop yet. Set one up there? Every till of the shop will then connect to it.</source>
        <translation>A base de dados {name} neste servidor ainda não tem uma loja da Régua. Criar uma lá? Todas as caixas da loja passam a ligar-se a ela.</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="75"/>
        <source>Sizes, preferences, anything the team should know</source>
        <translation>Tamanhos, preferências, tudo o que a equipa deve saber</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="77"/>
        <location filename="../../ui/customer_dialog.ui" line="21"/>
        <source>day/month, year optional: 15/03 or 15/03/1990</source>
        <translation>dia/mês, ano opcional: 15/03 ou 15/03/1990</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="79"/>
        <source>New customer</source>
        <translation>Novo cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="81"/>
        <source>Edit customer</source>
        <translation>Editar cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="39"/>
        <source>This e-mail already belongs to {name} (#{id}).</source>
        <translation>Este e-mail já pertence a {name} (nº {id}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="40"/>
        <source>This phone already belongs to {name} (#{id}).</source>
        <translation>Este telefone já pertence a {name} (nº {id}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="42"/>
        <source>This tax id already belongs to {name} (#{id}).</source>
        <translation>Este NIF já pertence a {name} (nº {id}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="171"/>
        <source>If it is the same person, cancel and use Merge on the customer&apos;s page; press Save again to keep them as two customers.</source>
        <translation>Se for a mesma pessoa, cancele e use Fundir na página do cliente; clique em Guardar de novo para manter dois clientes.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="208"/>
        <source>Save anyway</source>
        <translation>Guardar mesmo assim</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/widgets.py" line="170"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="274"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="285"/>
        <source>Discard changes?</source>
        <translation>Descartar as alterações?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_dialog.py" line="238"/>
        <source>Discard what you typed for this customer?</source>
        <translation>Descartar o que escreveu para este cliente?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/widgets.py" line="173"/>
        <source>Keep editing</source>
        <translation>Continuar a editar</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="6"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="11"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="12"/>
        <source>Full name</source>
        <translation>Nome completo</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="14"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="15"/>
        <source>name@example.com</source>
        <translation>nome@exemplo.pt</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="17"/>
        <source>Phone / WhatsApp</source>
        <translation>Telefone / WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="18"/>
        <source>(11) 98765-4321</source>
        <translation>912 345 678</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="20"/>
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="23"/>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="26"/>
        <source>Tax id (CPF / NIF)</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="29"/>
        <source>Card code</source>
        <translation>Cartão de fidelização</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="30"/>
        <source>scan or type the loyalty card</source>
        <translation>passe no leitor ou escreva o código do cartão</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="32"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="33"/>
        <source>separated by commas: vip, noivas</source>
        <translation>separadas por vírgula: vip, noivas</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="35"/>
        <source>May we contact?</source>
        <translation>Pode receber contacto?</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="37"/>
        <source>By e-mail</source>
        <translation>Por e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="38"/>
        <source>By WhatsApp</source>
        <translation>Por WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="42"/>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_model.py" line="118"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_model.py" line="118"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_model.py" line="118"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_model.py" line="118"/>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_model.py" line="119"/>
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_model.py" line="119"/>
        <source>Last visit</source>
        <translation>Última visita</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="78"/>
        <source>Use &amp;gift…</source>
        <translation>Usar pre&amp;sente…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="88"/>
        <source>Open</source>
        <translation>Em aberto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="94"/>
        <source>Resolve &amp;complaint…</source>
        <translation>Resol&amp;ver reclamação…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="95"/>
        <source>&amp;Bought</source>
        <translation>&amp;Comprou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="96"/>
        <source>&amp;Lost</source>
        <translation>&amp;Perdido</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="106"/>
        <source>Timeline</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="117"/>
        <source>Pick a customer to see their page.</source>
        <translation>Escolha um cliente para ver a página dele.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="127"/>
        <source>OPEN</source>
        <translation>EM ABERTO</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="127"/>
        <source>resolved</source>
        <translation>resolvida</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="127"/>
        <source>bought</source>
        <translation>comprou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="128"/>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="209"/>
        <source>by {name} at {till}</source>
        <translation>por {name} em {till}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="228"/>
        <source>(follow up {date})</source>
        <translation>(dar seguimento a {date})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="154"/>
        <source>Gift: {gift} — code {code}, until {date}</source>
        <translation>Presente: {gift} — código {code}, até {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="165"/>
        <source>Birthday: {date}</source>
        <translation>Aniversário: {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="167"/>
        <source>Card: {code}</source>
        <translation>Cartão: {code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="169"/>
        <source>Tax id: {id}</source>
        <translation>NIF: {id}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="173"/>
        <source>Stage: {name}</source>
        <translation>Fase: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="175"/>
        <source>Segment: {name}</source>
        <translation>Segmento: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="178"/>
        <source>E-mail: {email}   WhatsApp: {whatsapp}</source>
        <translation>E-mail: {email}   WhatsApp: {whatsapp}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="205"/>
        <source>Resolution: {text}</source>
        <translation>Solução: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_page.py" line="210"/>
        <source>by {name}</source>
        <translation>por {name}</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="88"/>
        <source>Search: name, phone digits, e-mail, card or tax id</source>
        <translation>Pesquisar: nome, dígitos do telefone, e-mail, cartão ou NIF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="104"/>
        <source>Any birthday month</source>
        <translation>Qualquer mês de aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="106"/>
        <source>Birthday in {month}</source>
        <translation>Aniversário em {month}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="92"/>
        <source>&amp;New customer</source>
        <translation>&amp;Novo cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="182"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="183"/>
        <source>&amp;Merge…</source>
        <translation>Fun&amp;dir…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="147"/>
        <source>Message these customers…</source>
        <translation>Mensagem para estes clientes…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="149"/>
        <source>An e-mail (a sale, news, an event) to the customers the list shows now, to those who agreed to e-mails</source>
        <translation>Um e-mail (promoção, novidade, evento) para os clientes que a lista mostra agora, os que aceitaram e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="167"/>
        <source>Export her data…</source>
        <translation>Exportar os dados…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="169"/>
        <source>Everything Régua keeps about this customer, in xlsx and JSON (for an access request)</source>
        <translation>Tudo o que a Régua guarda sobre este cliente, em xlsx e JSON (para um pedido de acesso)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="171"/>
        <source>Erase…</source>
        <translation>Apagar…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="173"/>
        <source>Erase this customer at her request: the sales figures stay, anonymous; nothing that names her does</source>
        <translation>Apagar este cliente a pedido dele: os números de vendas ficam, anónimos; nada que o identifique fica</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="164"/>
        <source>Stop messages</source>
        <translation>Parar mensagens</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="108"/>
        <source>Segments and lifecycle stages, worked out once a day (see Reports)</source>
        <translation>Segmentos e fases do ciclo de vida, calculados uma vez por dia (veja Relatórios)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="109"/>
        <source>Every customer</source>
        <translation>Todos os clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="118"/>
        <source>Saved filters</source>
        <translation>Filtros guardados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="120"/>
        <source>Keep the search and filters above under a name, and come back to them in one click</source>
        <translation>Guarde a pesquisa e os filtros acima com um nome, e volte a eles num clique</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="166"/>
        <source>The customer asked for no more messages (or replied STOP/SAIR): no on every channel, and nothing waiting is sent</source>
        <translation>O cliente pediu para não receber mais mensagens (ou respondeu SAIR): não em todos os canais, e nada do que está previsto é enviado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="175"/>
        <source>More</source>
        <translation>Mais</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="256"/>
        <source>All tags</source>
        <translation>Todas as etiquetas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="341"/>
        <source>No saved filters yet</source>
        <translation>Nenhum filtro guardado ainda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="344"/>
        <source>Save these filters…</source>
        <translation>Guardar estes filtros…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="346"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="363"/>
        <source>Filter “{name}”</source>
        <translation>Filtro “{name}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="367"/>
        <source>Save these filters</source>
        <translation>Guardar estes filtros</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="367"/>
        <source>Name (e.g. VIPs in São Paulo)</source>
        <translation>Nome (por ex. VIPs de Lisboa)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="299"/>
        <source>The first {n} matches; type more to narrow the search.</source>
        <translation>Os primeiros {n} resultados; escreva mais para refinar a pesquisa.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="301"/>
        <source>{n} customers</source>
        <translation>
            <numerusform>{n} cliente</numerusform>
            <numerusform>{n} clientes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="442"/>
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="466"/>
        <source>Customer saved.</source>
        <translation>Cliente guardado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="108"/>
        <source>Merge customers</source>
        <translation>Fundir clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="111"/>
        <source>Merge “{other}” into “{keep}”? Their history, consents and tags move over, and “{other}” is removed. This cannot be undone.</source>
        <translation>Fundir “{other}” em “{keep}”? O histórico, os consentimentos e as etiquetas passam para “{keep}”, e “{other}” é removido. Não é possível desfazer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="116"/>
        <source>Customers merged.</source>
        <translation>Clientes fundidos.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="132"/>
        <source>Resolve complaint</source>
        <translation>Resolver reclamação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="134"/>
        <source>How was it resolved?</source>
        <translation>Como foi resolvida?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="170"/>
        <source>Complaint resolved.</source>
        <translation>Reclamação resolvida.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="473"/>
        <source>Message queued for {n} customers; it goes out within the send window.</source>
        <translation>
            <numerusform>Mensagem em fila para {n} cliente; sai dentro do horário de envio.</numerusform>
            <numerusform>Mensagem em fila para {n} clientes; sai dentro do horário de envio.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="196"/>
        <source>Where to save her data</source>
        <translation>Onde guardar os dados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="202"/>
        <source>Data saved in {folder}.</source>
        <translation>Dados guardados em {folder}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="213"/>
        <source>Erase customer</source>
        <translation>Apagar cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="217"/>
        <source>Erase {name} for good? Her sales and points stay in the figures without her name; her details, notes, consent and messages are deleted, and a re-import will skip her. This cannot be undone.</source>
        <translation>Apagar {name} de vez? As vendas e os pontos ficam nos números sem o nome; dados, observações, consentimentos e mensagens são apagados, e uma nova importação vai saltar este cliente. Não é possível desfazer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="224"/>
        <source>{name} was erased.</source>
        <translation>{name} foi apagado(a).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="241"/>
        <source>{name} will get no more messages (cancelled: {n}).</source>
        <translation>{name} não vai receber mais mensagens (canceladas: {n}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="272"/>
        <source>Gift used: {gift}.</source>
        <translation>Presente usado: {gift}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="300"/>
        <source>Reward redeemed.</source>
        <translation>Recompensa resgatada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/customer_actions.py" line="321"/>
        <source>Points adjusted.</source>
        <translation>Pontos ajustados.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="121"/>
        <source>Which file?</source>
        <translation>Qual ficheiro?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="122"/>
        <source>An Excel sheet (.xlsx, .xls), a LibreOffice sheet (.ods) or a .csv file.</source>
        <translation>Uma folha de cálculo do Excel (.xlsx, .xls), do LibreOffice (.ods) ou um ficheiro .csv.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="126"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Escolher…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="138"/>
        <source>Import customers</source>
        <translation>Importar clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="139"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>Folhas de cálculo (*.xlsx *.xls *.ods *.csv);;Todos os ficheiros (*)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="45"/>
        <source>Welcome to Régua</source>
        <translation>Bem-vinda à Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="48"/>
        <source>Tell Régua about your shop. The country sets the phone prefix, the currency and the date format; you can change all of this later in Shop → Settings.</source>
        <translation>Fale à Régua da sua loja. O país define o indicativo telefónico, a moeda e o formato das datas; tudo isto pode ser alterado depois em Loja → Definições.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="53"/>
        <source>e.g. Ateliê Flor de Lis</source>
        <translation>ex.: Ateliê Flor de Lis</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="54"/>
        <source>Shop name</source>
        <translation>Nome da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="58"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="64"/>
        <source>Time zone</source>
        <translation>Fuso horário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="69"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="71"/>
        <source>Your name</source>
        <translation>O seu nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="76"/>
        <source>Owner</source>
        <translation>Dona da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="77"/>
        <source>Owner&apos;s PIN</source>
        <translation>PIN da dona</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="78"/>
        <source>PIN again</source>
        <translation>Repita o PIN</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_run.py" line="85"/>
        <source>Connect to the shop&apos;s &amp;server…</source>
        <translation>Ligar ao &amp;servidor da loja…</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="28"/>
        <source>Your shop has no customers yet</source>
        <translation>A sua loja ainda não tem clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="31"/>
        <source>A few first steps, in any order; each can be done again later from the menus.</source>
        <translation>Alguns primeiros passos, por qualquer ordem; todos podem ser feitos de novo mais tarde a partir dos menus.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="42"/>
        <source>&amp;Import your customer list…</source>
        <translation>&amp;Importar a sua lista de clientes…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="44"/>
        <source>The Excel or CSV list you keep today: Régua finds the columns and shows every problem before anything is saved. An import can be undone.</source>
        <translation>A lista em Excel ou CSV que usa hoje: a Régua encontra as colunas e mostra cada problema antes de guardar o que quer que seja. Uma importação pode ser desfeita.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="45"/>
        <source>&amp;Add a customer…</source>
        <translation>Adicionar um &amp;cliente…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="46"/>
        <source>Or start with the next person at the counter (F2 logs a visit or a purchase in seconds).</source>
        <translation>Ou comece pela próxima pessoa ao balcão (F2 regista uma visita ou uma compra em segundos).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="48"/>
        <source>Set up the shop&apos;s e-&amp;mail…</source>
        <translation>Configurar o e-&amp;mail da loja…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="50"/>
        <source>The account Régua sends from: birthday wishes, thank-yous and “we miss you” go out on their own.</source>
        <translation>A conta a partir da qual a Régua envia: os parabéns, os agradecimentos e o “sentimos a sua falta” saem sozinhos.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="51"/>
        <source>Set up &amp;loyalty…</source>
        <translation>Configurar a fideli&amp;zação…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="52"/>
        <source>A points club or a stamp card, with the rewards your customers earn.</source>
        <translation>Um clube de pontos ou um cartão de selos, com as recompensas que os clientes ganham.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="54"/>
        <source>&amp;Plan the régua…</source>
        <translation>&amp;Planear a régua…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/first_steps.py" line="55"/>
        <source>Which messages the shop sends, when, and how: e-mail, WhatsApp or a call.</source>
        <translation>Que mensagens a loja envia, quando e como: e-mail, WhatsApp ou uma chamada.</translation>
    </message>
</context>
<context>
    <name>GiftDialog</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="196"/>
        <source>Use a gift</source>
        <translation>Usar um presente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="198"/>
        <source>Gift code {name} shows:</source>
        <translation>Código do presente que {name} mostrou:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="205"/>
        <source>Use gift</source>
        <translation>Usar presente</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="552"/>
        <source>Imports</source>
        <translation>Importações</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="555"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="555"/>
        <source>File</source>
        <translation>Ficheiro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="555"/>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="556"/>
        <source>Created / updated</source>
        <translation>Criados / atualizados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="556"/>
        <source>Undone</source>
        <translation>Desfeita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="567"/>
        <source>&amp;Undo this import</source>
        <translation>&amp;Desfazer esta importação</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="73"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="484"/>
        <source>Import customers</source>
        <translation>Importar clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="492"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="530"/>
        <source>Something went wrong while reading or checking the file, and nothing was imported. You can try again, go Back, or Cancel. The details are in Régua&apos;s log.</source>
        <translation>Algo correu mal ao ler ou verificar o ficheiro, e nada foi importado. Pode tentar de novo, Voltar ou Cancelar. Os detalhes estão no registo da Régua.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="536"/>
        <source>Undo import</source>
        <translation>Desfazer importação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="539"/>
        <source>Undo the import of {file}? The customers it created are removed and what it changed is restored.</source>
        <translation>Desfazer a importação de {file}? Os clientes criados por ela são removidos e o que ela alterou é restaurado.</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="335"/>
        <source>Points history: {name}</source>
        <translation>Extrato de pontos: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="342"/>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="342"/>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="342"/>
        <source>Points</source>
        <translation>Pontos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="342"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="343"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="343"/>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="371"/>
        <source>valid until {date}</source>
        <translation>válidos até {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="373"/>
        <source>from {lots}</source>
        <translation>de {lots}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="376"/>
        <source>approved by {name}</source>
        <translation>aprovado por {name}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="48"/>
        <source>Log in — {shop}</source>
        <translation>Entrar — {shop}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="58"/>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="60"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="59"/>
        <source>Who are you?</source>
        <translation>Quem é?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="62"/>
        <source>Demo shop: every account&apos;s PIN is {pin}.</source>
        <translation>Loja de demonstração: o PIN de todas as contas é {pin}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="72"/>
        <source>Log in</source>
        <translation>Entrar</translation>
    </message>
</context>
<context>
    <name>LoyaltyPanel</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="124"/>
        <source>Loyalty</source>
        <translation>Fidelização</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="133"/>
        <source>Re&amp;deem…</source>
        <translation>Res&amp;gatar…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="135"/>
        <source>Ad&amp;just…</source>
        <translation>Aj&amp;ustar…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="136"/>
        <source>Points his&amp;tory…</source>
        <translation>Ex&amp;trato de pontos…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="134"/>
        <source>Redeem a reward (Ctrl+R)</source>
        <translation>Resgatar uma recompensa (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>LoyaltyReportDialog</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="447"/>
        <source>Loyalty report</source>
        <translation>Relatório de fidelização</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="450"/>
        <source>Members</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="450"/>
        <source>Outstanding</source>
        <translation>Em aberto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="450"/>
        <source>Worth</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="450"/>
        <source>Expiring next month</source>
        <translation>Expiram no próximo mês</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="451"/>
        <source>Redeemed / earned (12 months)</source>
        <translation>Resgatados / ganhos (12 meses)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="451"/>
        <source>Customers per tier</source>
        <translation>Clientes por nível</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="453"/>
        <source>Negative balances</source>
        <translation>Saldos negativos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="456"/>
        <source>Loading…</source>
        <translation>A carregar…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="474"/>
        <source>no tier</source>
        <translation>sem nível</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="475"/>
        <source>no points earned</source>
        <translation>nenhum ponto ganho</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="490"/>
        <source>Outstanding: points earned and not yet spent or expired. Worth: at the most generous reward&apos;s rate, what the shop would give if every point were redeemed.</source>
        <translation>Em aberto: pontos ganhos e ainda não usados nem expirados. Valor: pela recompensa mais generosa, quanto a loja daria se todos os pontos fossem resgatados.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="491"/>
        <source>No loyalty program yet: set one up in Shop → Loyalty programs.</source>
        <translation>Ainda não há programa de fidelização: crie um em Loja → Programas de fidelização.</translation>
    </message>
</context>
<context>
    <name>MailAccountDialog</name>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="48"/>
        <source>Mail account</source>
        <translation>Conta de e-mail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="54"/>
        <source>Other server</source>
        <translation>Outro servidor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="60"/>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (normalmente porta 587)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="61"/>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS (normalmente porta 465)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="71"/>
        <source>No keyring here: keep the password only until Régua closes</source>
        <translation>Sem porta-chaves aqui: guardar a palavra-passe só até fechar a Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="156"/>
        <source>Password kept in: {where}</source>
        <translation>Palavra-passe guardada em: {where}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="157"/>
        <source>This computer has no safe place for passwords (keyring).</source>
        <translation>Este computador não tem um lugar seguro para palavras-passe (porta-chaves).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="89"/>
        <source>Provider</source>
        <translation>Fornecedor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="80"/>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="56"/>
        <source>for example mail.yourshop.com</source>
        <translation>por exemplo mail.asualoja.pt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="80"/>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="81"/>
        <source>Security</source>
        <translation>Segurança</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="81"/>
        <source>User</source>
        <translation>Utilizador</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="82"/>
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="83"/>
        <source>Sender address</source>
        <translation>Endereço do remetente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="84"/>
        <source>Sender name</source>
        <translation>Nome do remetente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="85"/>
        <source>At most per day</source>
        <translation>No máximo por dia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="86"/>
        <source>At most per minute</source>
        <translation>No máximo por minuto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="100"/>
        <source>Pick…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="103"/>
        <source>e.g. Rua Augusta, 120 · (11) 3456-7890 · Mon–Sat 9–19h</source>
        <translation>ex.: Rua Augusta, 120, Lisboa · 213 456 789 · seg–sáb 9h–19h</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="111"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="113"/>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="119"/>
        <source>How the shop&apos;s e-mails look</source>
        <translation>Como ficam os e-mails da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="123"/>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="121"/>
        <source>Colour</source>
        <translation>Cor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="122"/>
        <source>Signature</source>
        <translation>Assinatura</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="130"/>
        <source>&amp;Test</source>
        <translation>&amp;Testar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="181"/>
        <source>Discard what you typed for the mail account?</source>
        <translation>Descartar o que escreveu para a conta de e-mail?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="210"/>
        <source>kept in the keyring; type to change it</source>
        <translation>guardada no porta-chaves; escreva para a alterar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="405"/>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="241"/>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="259"/>
        <source>Connecting to {host}…</source>
        <translation>A ligar a {host}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="265"/>
        <source>It works: connected to {host}, encrypted, and logged in.</source>
        <translation>Funciona: ligou-se a {host}, com encriptação, e entrou na conta.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="282"/>
        <source>(no logo)</source>
        <translation>(sem logotipo)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="285"/>
        <source>The shop&apos;s logo</source>
        <translation>O logotipo da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="286"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Imagens (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/mail_setup.py" line="293"/>
        <source>Colour of the shop&apos;s e-mails</source>
        <translation>Cor dos e-mails da loja</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="73"/>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="74"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="76"/>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="79"/>
        <source>Reports</source>
        <translation>Relatórios</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="135"/>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="136"/>
        <source>&amp;New customer</source>
        <translation>&amp;Novo cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="140"/>
        <source>&amp;Find customer</source>
        <translation>&amp;Pesquisar cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="144"/>
        <source>&amp;Quick log…</source>
        <translation>&amp;Registo rápido…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="151"/>
        <source>&amp;Import customers…</source>
        <translation>&amp;Importar clientes…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="154"/>
        <source>Import &amp;history…</source>
        <translation>&amp;Histórico de importações…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="157"/>
        <source>&amp;Export customers…</source>
        <translation>E&amp;xportar clientes…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="160"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Cópias de segurança…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="164"/>
        <source>&amp;Switch user…</source>
        <translation>&amp;Mudar de utilizador…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="169"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="173"/>
        <source>&amp;Shop</source>
        <translation>&amp;Loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="174"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Definições…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="177"/>
        <source>&amp;Staff…</source>
        <translation>&amp;Equipa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="180"/>
        <source>&amp;Audit log…</source>
        <translation>Registo de &amp;auditoria…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="183"/>
        <source>&amp;Mail account…</source>
        <translation>Conta de e-&amp;mail…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="186"/>
        <source>Relationship &amp;cadence…</source>
        <translation>&amp;Régua de relacionamento…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="189"/>
        <source>&amp;Loyalty programs…</source>
        <translation>&amp;Programas de fidelização…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="192"/>
        <source>Mo&amp;ve the shop to a server…</source>
        <translation>Mo&amp;ver a loja para um servidor…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="195"/>
        <source>&amp;Reports</source>
        <translation>&amp;Relatórios</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="196"/>
        <source>&amp;Loyalty: points owed…</source>
        <translation>&amp;Fidelização: pontos a resgatar…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="199"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="200"/>
        <source>Open the &amp;log folder</source>
        <translation>Abrir a pasta de &amp;registos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="203"/>
        <source>&amp;About Régua</source>
        <translation>&amp;Sobre a Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="219"/>
        <source>Logged in: {name} ({role})</source>
        <translation>Sessão iniciada: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="258"/>
        <source>Hello, {name}.</source>
        <translation>Olá, {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="269"/>
        <source>Import finished.</source>
        <translation>Importação concluída.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="275"/>
        <source>Export customers</source>
        <translation>Exportar clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="276"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/shell/main_window.py" line="283"/>
        <source>{n} customers exported to {file}.</source>
        <translation>
            <numerusform>{n} cliente exportado para {file}.</numerusform>
            <numerusform>{n} clientes exportados para {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="316"/>
        <source>The copy was restored.</source>
        <translation>A cópia foi restaurada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="421"/>
        <source>Logged.</source>
        <translation>Registado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="433"/>
        <source>About Régua</source>
        <translation>Sobre a Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="434"/>
        <source>Régua {version}
A customer relationship manager for small shops.

Database: {db}</source>
        <translation>Régua {version}
Gestão da relação com os clientes para pequenas lojas.

Base de dados: {db}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="251"/>
        <source>Settings saved.</source>
        <translation>Definições guardadas.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="210"/>
        <source>Which column is which?</source>
        <translation>Qual coluna é qual?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="211"/>
        <source>Régua guessed from the titles. Pick another field or (ignore) for any column.</source>
        <translation>A Régua deduziu-o pelos títulos. Escolha outro campo, ou (ignorar), para qualquer coluna.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="214"/>
        <source>Column</source>
        <translation>Coluna</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="214"/>
        <source>Example</source>
        <translation>Exemplo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="214"/>
        <source>Goes to</source>
        <translation>Vai para</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="215"/>
        <source>Dates written as</source>
        <translation>Datas escritas como</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="220"/>
        <source>For customers already in Régua, the file&apos;s values replace theirs (otherwise only empty fields are filled)</source>
        <translation>Para clientes que já estão na Régua, os valores do ficheiro substituem os seus (senão só os campos vazios são preenchidos)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="244"/>
        <source>day/month/year</source>
        <translation>dia/mês/ano</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="245"/>
        <source>month/day/year</source>
        <translation>mês/dia/ano</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop_app/gui/customers/merge_dialog.py" line="30"/>
        <source>Merge customers</source>
        <translation>Fundir clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/merge_dialog.py" line="33"/>
        <source>Find the other record of “{name}”. It will be merged into this one, which keeps its own values and gains what it lacks.</source>
        <translation>Encontre o outro registo de “{name}”. Será fundido com este, que mantém os seus próprios dados e ganha o que faltar.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/merge_dialog.py" line="37"/>
        <source>Search: name, phone digits, e-mail, card or tax id</source>
        <translation>Pesquisar: nome, dígitos do telefone, e-mail, cartão ou NIF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/merge_dialog.py" line="42"/>
        <source>Merge</source>
        <translation>Fundir</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../../desktop_app/gui/common/widgets.py" line="285"/>
        <source>Placeholders: {names}. A fallback for an empty value: {{{{ first_name | &quot;cliente&quot; }}}}</source>
        <translation>Campos: {names}. Um texto para quando o valor estiver vazio: {{{{ first_name | &quot;cliente&quot; }}}}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/widgets.py" line="291"/>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
</context>
<context>
    <name>MessagesView</name>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="106"/>
        <source>Resume sending</source>
        <translation>Retomar envios</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="114"/>
        <source>All messages</source>
        <translation>Todas as mensagens</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="118"/>
        <source>Send due e-mails now</source>
        <translation>Enviar agora os e-mails do dia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="120"/>
        <source>Send again</source>
        <translation>Enviar de novo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="121"/>
        <source>For a failed or uncertain e-mail; an uncertain one may arrive twice</source>
        <translation>Para um e-mail que falhou ou ficou incerto; um incerto pode chegar duas vezes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="123"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="126"/>
        <source>Also send while Régua is closed (the system&apos;s scheduler, every 15 minutes)</source>
        <translation>Enviar também com a Régua fechada (agendador do sistema, a cada 15 minutos)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="132"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="136"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="136"/>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="136"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="136"/>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="137"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="137"/>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="180"/>
        <source>Only the shop&apos;s owner can switch this on or off.</source>
        <translation>Só a dona da loja pode ativar ou desativar isto.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="210"/>
        <source>(it has not run yet)</source>
        <translation>(ainda não correu)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="212"/>
        <source>(last run: {when})</source>
        <translation>(última vez: {when})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="223"/>
        <source>Sending is paused. {reason}</source>
        <translation>Os envios estão em pausa. {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="261"/>
        <source>Showing {n} (newest first)</source>
        <translation>A mostrar {n} (mais recentes primeiro)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="287"/>
        <source>The shop&apos;s mail account is not set up yet: ask the owner to set it up.</source>
        <translation>A conta de e-mail da loja ainda não foi configurada: peça à dona da loja que a configure.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="295"/>
        <source>Will be sent again: {n}.</source>
        <translation>Serão enviados de novo: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="304"/>
        <source>Cancelled: {n}.</source>
        <translation>Cancelados: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="314"/>
        <source>Sending resumed.</source>
        <translation>Envios retomados.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="328"/>
        <source>E-mails sent: 0. Another till is sending the shop&apos;s e-mails right now.</source>
        <translation>E-mails enviados: 0. Outra caixa está a enviar os e-mails da loja neste momento.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="330"/>
        <source>E-mails sent: {sent}.</source>
        <translation>E-mails enviados: {sent}.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="45"/>
        <source>Move the shop to a server</source>
        <translation>Mover a loja para um servidor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="49"/>
        <source>Copies this shop into an empty database on the shop&apos;s server and checks every table. This shop is not changed; what is saved here while the copy runs waits for it to finish.</source>
        <translation>Copia esta loja para uma base de dados vazia no servidor da loja e verifica cada tabela. Esta loja não é alterada; o que for guardado aqui enquanto a cópia decorre espera que ela termine.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="65"/>
        <source>&amp;Move</source>
        <translation>&amp;Mover</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="89"/>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="89"/>
        <source>Database</source>
        <translation>Base de dados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="89"/>
        <source>User</source>
        <translation>Utilizador</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="92"/>
        <source>Fill in {field}.</source>
        <translation>Preencha {field}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="103"/>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="118"/>
        <source>Copying the shop…</source>
        <translation>A copiar a loja…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="119"/>
        <source>Checking every table…</source>
        <translation>A verificar cada tabela…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="133"/>
        <source>Moved: {customers} customers and {rows} rows in {tables} tables, every table checked. This window stays on the shop it opened, which is unchanged. To work on the server, open Régua on each till (this one too) and connect to the shop&apos;s server, or start it with: regua --db {url}</source>
        <translation>Movida: {customers} clientes e {rows} linhas em {tables} tabelas, cada tabela verificada. Esta janela continua na loja que abriu, que não foi alterada. Para trabalhar no servidor, abra a Régua em cada caixa (nesta também) e ligue-se ao servidor da loja, ou inicie-a com: regua --db {url}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/move_dialog.py" line="145"/>
        <source>The move failed; nothing was left on the server.</source>
        <translation>A mudança falhou; nada ficou no servidor.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="167"/>
        <source>Call done</source>
        <translation>Chamada feita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="169"/>
        <source>What came of the call with {name}?</source>
        <translation>Qual foi o resultado da chamada com {name}?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="171"/>
        <source>e.g. will come on Saturday; did not answer</source>
        <translation>ex.: vem no sábado; não atendeu</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="281"/>
        <source>Check before importing</source>
        <translation>Verifique antes de importar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="288"/>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="300"/>
        <source>Row</source>
        <translation>Linha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="288"/>
        <source>Column</source>
        <translation>Coluna</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="288"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="289"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="289"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="296"/>
        <source>Possible duplicates: these rows share a phone, e-mail, tax id or card code with a customer of another name (families often share a phone). Each becomes a new customer unless you say it is the same person.</source>
        <translation>Possíveis duplicados: estas linhas têm o mesmo telefone, e-mail, NIF ou código de cartão que um cliente de outro nome (as famílias partilham muitas vezes um telefone). Cada uma passa a ser um cliente novo, a não ser que diga que é a mesma pessoa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="300"/>
        <source>In the file</source>
        <translation>No ficheiro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="300"/>
        <source>In Régua</source>
        <translation>Na Régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="301"/>
        <source>Import as</source>
        <translation>Importar como</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="308"/>
        <source>Save the problem rows as a spreadsheet…</source>
        <translation>Guardar as linhas com problema numa folha de cálculo…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="327"/>
        <source>Checking every row…</source>
        <translation>A verificar cada linha…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="354"/>
        <source>A new customer</source>
        <translation>Um cliente novo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="355"/>
        <source>The same person: update {name}</source>
        <translation>A mesma pessoa: atualizar {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="378"/>
        <source>{rows}: {created}, {updated}, {merged}, {skipped}. {errors}; {warnings}.</source>
        <translation>{rows}: {created}, {updated}, {merged}, {skipped}. {errors}; {warnings}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="379"/>
        <source>{n} rows</source>
        <translation>
            <numerusform>{n} linha</numerusform>
            <numerusform>{n} linhas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="380"/>
        <source>{n} new customers</source>
        <translation>
            <numerusform>{n} cliente novo</numerusform>
            <numerusform>{n} clientes novos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="381"/>
        <source>{n} updated</source>
        <translation>
            <numerusform>{n} atualizado</numerusform>
            <numerusform>{n} atualizados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="382"/>
        <source>{n} merged with another row of the file</source>
        <translation>
            <numerusform>{n} juntado a outra linha do ficheiro</numerusform>
            <numerusform>{n} juntados a outra linha do ficheiro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="383"/>
        <source>{n} skipped</source>
        <translation>
            <numerusform>{n} ignorado</numerusform>
            <numerusform>{n} ignorados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="384"/>
        <source>{n} rows have errors and will not be imported</source>
        <translation>
            <numerusform>{n} linha tem erros e não será importada</numerusform>
            <numerusform>{n} linhas têm erros e não serão importadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="385"/>
        <source>{n} warnings</source>
        <translation>
            <numerusform>{n} aviso</numerusform>
            <numerusform>{n} avisos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="388"/>
        <source>%n possible duplicates: decide below.</source>
        <translation>
            <numerusform>%n possível duplicado: decida abaixo.</numerusform>
            <numerusform>%n possíveis duplicados: decida abaixo.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="395"/>
        <source>error</source>
        <translation>erro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="396"/>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="421"/>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Cancelado. Nada foi importado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="424"/>
        <source>Nothing was imported. Go Back to change the file or the columns, or Cancel.</source>
        <translation>Nada foi importado. Volte atrás para mudar o ficheiro ou as colunas, ou Cancele.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="435"/>
        <source>Save the problem rows</source>
        <translation>Guardar as linhas com problema</translation>
    </message>
</context>
<context>
    <name>ProgramsDialog</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="68"/>
        <source>Loyalty programs</source>
        <translation>Programas de fidelização</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="75"/>
        <source>New &amp;points club</source>
        <translation>Novo clube de &amp;pontos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="76"/>
        <source>New &amp;stamp card</source>
        <translation>Novo cartão de &amp;selos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="84"/>
        <source>Running (customers earn)</source>
        <translation>Em curso (os clientes acumulam)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="86"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="178"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="88"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="95"/>
        <source>point(s) for every</source>
        <translation>ponto(s) a cada</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="102"/>
        <source>down (R$ 49,90 → 49)</source>
        <translation>para baixo (49,90 € → 49)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="102"/>
        <source>to the nearest</source>
        <translation>para o mais próximo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="103"/>
        <source>up</source>
        <translation>para cima</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="106"/>
        <source>each purchase</source>
        <translation>cada compra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="106"/>
        <source>each visit</source>
        <translation>cada visita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="107"/>
        <source>each visit or purchase</source>
        <translation>cada visita ou compra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="111"/>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="112"/>
        <source>never</source>
        <translation>nunca expiram</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="115"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="137"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="138"/>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="117"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="178"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="179"/>
        <source>Earning</source>
        <translation>Acumulação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="118"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="180"/>
        <source>Round points</source>
        <translation>Arredondar pontos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="119"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="181"/>
        <source>One stamp for</source>
        <translation>Um selo por</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="123"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="182"/>
        <source>Minimum purchase</source>
        <translation>Compra mínima</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="124"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="183"/>
        <source>Valid for</source>
        <translation>Validade</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="125"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="184"/>
        <source>Welcome bonus</source>
        <translation>Bónus de boas-vindas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="126"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="185"/>
        <source>Birthday bonus</source>
        <translation>Bónus de aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="127"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="186"/>
        <source>No birthday bonus if the birthday changed within</source>
        <translation>Sem bónus se o aniversário foi alterado há menos de</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="128"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="187"/>
        <source>Adjustments above this need the owner</source>
        <translation>Ajustes acima disto precisam da proprietária</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="131"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="188"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="189"/>
        <source>Tiers</source>
        <translation>Níveis</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="135"/>
        <source>by money spent</source>
        <translation>pelo valor gasto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="136"/>
        <source>by points earned</source>
        <translation>pelos pontos ganhos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="140"/>
        <source>over the last</source>
        <translation>nos últimos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="142"/>
        <source>kept for</source>
        <translation>mantido por</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="147"/>
        <source>Tier</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="147"/>
        <source>From</source>
        <translation>A partir de</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="147"/>
        <source>Multiplier %</source>
        <translation>Multiplicador %</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="153"/>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="190"/>
        <source>Rewards</source>
        <translation>Recompensas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="156"/>
        <source>Reward</source>
        <translation>Recompensa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="156"/>
        <source>Cost</source>
        <translation>Custo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="156"/>
        <source>Worth</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="206"/>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="206"/>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="244"/>
        <source>{name} (stopped)</source>
        <translation>{name} (parado)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="313"/>
        <source>Points club</source>
        <translation>Clube de pontos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="315"/>
        <source>Stamp card</source>
        <translation>Cartão de selos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="317"/>
        <source>A free coffee</source>
        <translation>Um café grátis</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="329"/>
        <source>points</source>
        <translation>pontos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="329"/>
        <source>stamp card</source>
        <translation>cartão de selos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_setup.py" line="427"/>
        <source>Saved. The new rules apply to points earned from now on.</source>
        <translation>Guardado. As novas regras valem para os pontos ganhos daqui em diante.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="174"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="174"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="175"/>
        <source>Save All</source>
        <translation>Guardar tudo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="175"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="176"/>
        <source>&amp;Yes</source>
        <translation>&amp;Sim</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="176"/>
        <source>Yes to &amp;All</source>
        <translation>Sim para &amp;tudo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="177"/>
        <source>&amp;No</source>
        <translation>&amp;Não</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="177"/>
        <source>N&amp;o to All</source>
        <translation>Nã&amp;o para tudo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="178"/>
        <source>Abort</source>
        <translation>Abortar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="178"/>
        <source>Retry</source>
        <translation>Tentar novamente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="179"/>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="179"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="180"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="180"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="181"/>
        <source>Help</source>
        <translation>Ajuda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="181"/>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="182"/>
        <source>Reset</source>
        <translation>Repor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="182"/>
        <source>Restore Defaults</source>
        <translation>Repor predefinições</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="183"/>
        <source>&amp;Undo</source>
        <translation>&amp;Anular</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="183"/>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="184"/>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="184"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="185"/>
        <source>&amp;Paste</source>
        <translation>Co&amp;lar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="185"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="186"/>
        <source>Select All</source>
        <translation>Selecionar tudo</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="88"/>
        <source>Quick log</source>
        <translation>Registo rápido</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="92"/>
        <source>Name, phone digits, card or tax id — then Enter</source>
        <translation>Nome, dígitos do telefone, cartão ou NIF — depois Enter</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="102"/>
        <source>New customer</source>
        <translation>Novo cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="105"/>
        <source>May receive e-mails</source>
        <translation>Aceita receber e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="106"/>
        <source>May receive WhatsApp messages</source>
        <translation>Aceita receber WhatsApp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="107"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="108"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="109"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="127"/>
        <source>e.g. 149,90</source>
        <translation>ex.: 149,90</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="135"/>
        <source>What happened</source>
        <translation>O que aconteceu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="136"/>
        <source>Amount</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="140"/>
        <source>Note</source>
        <translation>Observação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="141"/>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="142"/>
        <source>Follow up on</source>
        <translation>Dar seguimento a</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="144"/>
        <source>Refund of</source>
        <translation>Reembolso de</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="146"/>
        <source>This purchase closes</source>
        <translation>Esta compra encerra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="299"/>
        <source>If it is the same person, find her in the search above; press Enter again to create a new customer anyway.</source>
        <translation>Se for a mesma pessoa, procure-a na pesquisa acima; prima Enter novamente para criar uma ficha nova mesmo assim.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="385"/>
        <source>Earns {points} in {program}</source>
        <translation>Ganha {points} no {program}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="441"/>
        <source>Discard the entry? {name} stays saved as a new customer.</source>
        <translation>Descartar o registo? A ficha de {name} fica guardada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="445"/>
        <source>Discard what you typed in the quick log?</source>
        <translation>Descartar o que escreveu no registo rápido?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="465"/>
        <source>That is not a day: type it as {example}.</source>
        <translation>Isso não é um dia: escreva-o como {example}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers/quick_log.py" line="472"/>
        <source>That day is more than a year ago: the quick log takes what happened in the last year.</source>
        <translation>Esse dia foi há mais de um ano: o registo rápido aceita o que aconteceu no último ano.</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="154"/>
        <source>Redeem a reward</source>
        <translation>Resgatar uma recompensa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="156"/>
        <source>Reward for {name}:</source>
        <translation>Recompensa para {name}:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="160"/>
        <source>{reward} — {cost} ({program}; balance {balance})</source>
        <translation>{reward} — {cost} ({program}; saldo {balance})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="169"/>
        <source>Redeem</source>
        <translation>Resgatar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="179"/>
        <source>No reward is within reach yet.</source>
        <translation>Ainda não há recompensa ao alcance.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="136"/>
        <source>Reports</source>
        <translation>Relatórios</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="139"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="140"/>
        <source>Export to Excel…</source>
        <translation>Exportar para Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="141"/>
        <source>Every table and chart of this section, as numbers, in one xlsx file</source>
        <translation>Todas as tabelas e gráficos desta secção, em números, num ficheiro xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="149"/>
        <source>Overview</source>
        <translation>Visão geral</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="150"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="206"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="455"/>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="151"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="456"/>
        <source>Régua results</source>
        <translation>Resultados da régua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="152"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="458"/>
        <source>Service</source>
        <translation>Atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="166"/>
        <source>customers</source>
        <translation>clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="167"/>
        <source>new this month</source>
        <translation>novos neste mês</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="168"/>
        <source>of the last 90 days&apos; buyers had bought before</source>
        <translation>de quem comprou nos últimos 90 dias já tinha comprado antes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="169"/>
        <source>days between visits, on average</source>
        <translation>dias entre visitas, em média</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="170"/>
        <source>have a birthday on file</source>
        <translation>têm aniversário registado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="171"/>
        <source>agreed to e-mails</source>
        <translation>aceitam e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="172"/>
        <source>owed in loyalty rewards</source>
        <translation>devidos em prémios de fidelização</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="190"/>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="190"/>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="190"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="364"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="368"/>
        <source>End of last month</source>
        <translation>Fim do mês passado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="190"/>
        <source>Came in</source>
        <translation>Entraram</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="191"/>
        <source>Went out</source>
        <translation>Saíram</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="192"/>
        <source>What it means</source>
        <translation>O que significa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="193"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="368"/>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="195"/>
        <source>Show these customers</source>
        <translation>Mostrar estes clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="197"/>
        <source>Open the customer list filtered by the selected group (then message them from there)</source>
        <translation>Abre a lista de clientes filtrada pelo grupo escolhido (a partir daí pode enviar uma mensagem)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="202"/>
        <source>Segments rank customers who bought by how recently, how often and how much (each scored 1–5 by fifths of the shop&apos;s customers). Stages follow each customer&apos;s history. Both are worked out once a day.</source>
        <translation>Os segmentos classificam quem já comprou por quão recente, quantas vezes e quanto (cada um com nota de 1 a 5, por quintos dos clientes da loja). As fases seguem o histórico de cada cliente. Os dois são calculados uma vez por dia.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="209"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="455"/>
        <source>Lifecycle</source>
        <translation>Ciclo de vida</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="229"/>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="232"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="234"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="255"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="356"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="393"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="418"/>
        <source>Month</source>
        <translation>Mês</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="232"/>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="232"/>
        <source>Sent</source>
        <translation>Enviadas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="232"/>
        <source>Bought after</source>
        <translation>Compraram depois</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="233"/>
        <source>Share</source>
        <translation>Taxa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="233"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="233"/>
        <source>No message (baseline)</source>
        <translation>Sem mensagem (referência)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="234"/>
        <source>Gift coupons used</source>
        <translation>Cupões de presente usados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="234"/>
        <source>Rewards redeemed</source>
        <translation>Prémios resgatados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="235"/>
        <source>Points spent</source>
        <translation>Pontos gastos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="240"/>
        <source>Purchases counted within</source>
        <translation>Compras contadas até</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="242"/>
        <source>after each message</source>
        <translation>depois de cada mensagem</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="255"/>
        <source>Complaints opened</source>
        <translation>Reclamações abertas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="255"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="417"/>
        <source>Resolved</source>
        <translation>Resolvidas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="256"/>
        <source>Median days to resolve</source>
        <translation>Mediana de dias para resolver</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="256"/>
        <source>Still open</source>
        <translation>Ainda abertas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="257"/>
        <source>Logged at the counter, per staff member and week</source>
        <translation>Registos no balcão, por funcionário e semana</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="258"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="458"/>
        <source>Staff</source>
        <translation>Funcionário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="258"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="360"/>
        <source>Week of</source>
        <translation>Semana de</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="258"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="262"/>
        <source>Entries</source>
        <translation>Registos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="260"/>
        <source>Logged at the counter, per till, in the last {n} weeks</source>
        <translation>Registos no balcão, por caixa, nas últimas {n} semanas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="262"/>
        <source>Till</source>
        <translation>Caixa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="263"/>
        <source>Purchases&apos; value</source>
        <translation>Valor das compras</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="294"/>
        <source>Working out the figures…</source>
        <translation>A calcular os números…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="337"/>
        <source>as of {date}</source>
        <translation>em {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="339"/>
        <source>as of {date}; working out the segments…</source>
        <translation>em {date}; a calcular os segmentos…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="341"/>
        <source>as of {date}; segments of {then}, being updated…</source>
        <translation>em {date}; segmentos de {then}, a serem atualizados…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="355"/>
        <source>New customers per month</source>
        <translation>Clientes novos por mês</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="356"/>
        <source>New customers</source>
        <translation>Clientes novos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="358"/>
        <source>Visits and purchases per week</source>
        <translation>Visitas e compras por semana</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="359"/>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="262"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="359"/>
        <source>Purchases</source>
        <translation>Compras</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="362"/>
        <source>Segments, now and at the end of last month</source>
        <translation>Segmentos, agora e no fim do mês passado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="363"/>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="367"/>
        <source>Now</source>
        <translation>Agora</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="364"/>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="366"/>
        <source>Lifecycle stages</source>
        <translation>Fases do ciclo de vida</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="376"/>
        <source>{n} customers changed stage since the end of last month</source>
        <translation>
            <numerusform>{n} cliente mudou de fase desde o fim do mês passado</numerusform>
            <numerusform>{n} clientes mudaram de fase desde o fim do mês passado</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="388"/>
        <source>Bought within {n} days: after a message, and without one</source>
        <translation>Compraram no prazo de {n} dias: depois de uma mensagem, e sem ela</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="390"/>
        <source>Got a message (%)</source>
        <translation>Receberam mensagem (%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="391"/>
        <source>No message, baseline (%)</source>
        <translation>Sem mensagem, referência (%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="397"/>
        <source>Baseline: customers who got no message that month, and how many of them bought within {n} days from the {day}th. A simple comparison, not an experiment: the customers who get a message are not chosen at random.</source>
        <translation>Referência: clientes que não receberam mensagem naquele mês, e quantos deles compraram no prazo de {n} dias a partir do dia {day}. Uma comparação simples, não uma experiência: quem recebe mensagem não é escolhido ao acaso.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="416"/>
        <source>Complaints per month</source>
        <translation>Reclamações por mês</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="417"/>
        <source>Opened</source>
        <translation>Abertas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="428"/>
        <source>(not recorded)</source>
        <translation>(não registado)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="457"/>
        <source>Coupons and rewards</source>
        <translation>Cupões e prémios</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="459"/>
        <source>Tills</source>
        <translation>Caixas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="467"/>
        <source>Export the reports</source>
        <translation>Exportar os relatórios</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="468"/>
        <source>reports-{date}.xlsx</source>
        <translation>relatorios-{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="469"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Livro do Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="476"/>
        <source>Reports exported: {n} rows.</source>
        <translation>
            <numerusform>Relatórios exportados: {n} linha.</numerusform>
            <numerusform>Relatórios exportados: {n} linhas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <location filename="../../desktop_app/gui/common/server_fields.py" line="16"/>
        <source>e.g. 192.168.0.10 or server.myshop.com</source>
        <translation>p. ex. 192.168.0.10 ou servidor.aminhaloja.pt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/server_fields.py" line="24"/>
        <source>&amp;Host</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/server_fields.py" line="25"/>
        <source>P&amp;ort</source>
        <translation>P&amp;orta</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/server_fields.py" line="26"/>
        <source>&amp;Database</source>
        <translation>&amp;Base de dados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/server_fields.py" line="27"/>
        <source>&amp;User</source>
        <translation>&amp;Utilizador</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/server_fields.py" line="28"/>
        <source>Pass&amp;word</source>
        <translation>Pala&amp;vra-passe</translation>
    </message>
</context>
<context>
    <name>ServerLine</name>
    <message>
        <location filename="../../desktop_app/gui/common/server_status.py" line="55"/>
        <source>The shop&apos;s server does not answer; Régua keeps trying. What you type stays on screen.</source>
        <translation>O servidor da loja não responde; a Régua continua a tentar. O que escreve fica no ecrã.</translation>
    </message>
</context>
<context>
    <name>ServerStart</name>
    <message>
        <location filename="../../desktop_app/gui/shell/server_start.py" line="48"/>
        <source>You can try again, or open this computer&apos;s own shop instead: it is a separate shop, and what is done there does not reach the server (the server is tried again the next time Régua starts).</source>
        <translation>Pode tentar novamente ou abrir a loja deste computador: é uma loja à parte, e o que for feito nela não chega ao servidor (o servidor volta a ser tentado da próxima vez que a Régua abrir).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/server_start.py" line="49"/>
        <source>&amp;Try again</source>
        <translation>&amp;Tentar novamente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/server_start.py" line="50"/>
        <source>Open this computer&apos;s &amp;own shop</source>
        <translation>Abrir a l&amp;oja deste computador</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/server_start.py" line="52"/>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="48"/>
        <source>Shop settings</source>
        <translation>Definições da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="52"/>
        <source>Shop &amp;name</source>
        <translation>&amp;Nome da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="57"/>
        <source>&amp;Country</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="60"/>
        <source>Currency</source>
        <translation>Moeda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="67"/>
        <source>&amp;Time zone</source>
        <translation>&amp;Fuso horário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="72"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="74"/>
        <source>celebrated on 28 February in other years</source>
        <translation>celebrados a 28 de fevereiro nos outros anos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="75"/>
        <source>celebrated on 1 March in other years</source>
        <translation>celebrados a 1 de março nos outros anos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="79"/>
        <source>Born on &amp;29 February</source>
        <translation>Nascidos a &amp;29 de fevereiro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="78"/>
        <source>For the birthday message and the birthday bonus of customers born on 29 February</source>
        <translation>Para a mensagem e o bónus de aniversário de quem nasceu a 29 de fevereiro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="83"/>
        <source>Each PC has its own; it is recorded on every entry made here.</source>
        <translation>Cada computador tem o seu; fica registado em cada registo feito aqui.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="86"/>
        <source>Th&amp;is till&apos;s name</source>
        <translation>Nome desta &amp;caixa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="93"/>
        <source>Régua reopens its window with the new settings when you press OK.</source>
        <translation>Ao premir OK, a Régua reabre a janela com as novas definições.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/settings_dialog.py" line="120"/>
        <source>amounts already recorded keep their figures</source>
        <translation>os valores já registados mantêm os números</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="154"/>
        <source>Sheet and header</source>
        <translation>Folha e títulos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="155"/>
        <source>Régua found the row with the column titles; change it if it is wrong.</source>
        <translation>A Régua encontrou a linha com os títulos das colunas; mude-a se estiver errada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="161"/>
        <source>Sheet</source>
        <translation>Folha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="163"/>
        <source>Titles in row</source>
        <translation>Títulos na linha</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="44"/>
        <source>Staff</source>
        <translation>Equipa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="47"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="47"/>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="70"/>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="148"/>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="47"/>
        <source>Active</source>
        <translation>Ativa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="54"/>
        <source>Change &amp;role…</source>
        <translation>Mudar &amp;função…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="55"/>
        <source>Switch &amp;off / on</source>
        <translation>&amp;Desativar / ativar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="56"/>
        <source>New &amp;PIN…</source>
        <translation>Novo &amp;PIN…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="69"/>
        <source>New account</source>
        <translation>Nova conta</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="71"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="73"/>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="101"/>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="101"/>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/staff_dialogs.py" line="163"/>
        <source>New PIN</source>
        <translation>Novo PIN</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="102"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="108"/>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="114"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="110"/>
        <source>0: on the birthday itself</source>
        <translation>0: no próprio dia do aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="117"/>
        <source>Only the customers of one segment, lifecycle stage or tag get this step (segments and stages as worked out that day; see Reports)</source>
        <translation>Só os clientes de um segmento, fase do ciclo de vida ou etiqueta recebem esta etapa (segmentos e fases como calculados no dia; veja Relatórios)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="118"/>
        <source>Every customer</source>
        <translation>Todos os clientes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="122"/>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="128"/>
        <source> day(s) late</source>
        <translation> dia(s) de atraso</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="129"/>
        <source>Up to</source>
        <translation>Até</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="134"/>
        <source> days to use it</source>
        <translation> dias para usar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="137"/>
        <source>optional, e.g. 10% off</source>
        <translation>opcional, ex.: 10% de desconto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="139"/>
        <source>Each customer gets a code of their own in the message, used once at the counter (Use gift on the customer&apos;s page)</source>
        <translation>Cada cliente recebe na mensagem um código só dela, usado uma vez no balcão (Usar presente na página da cliente)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="140"/>
        <source>Gift</source>
        <translation>Presente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="145"/>
        <source>Placeholders: {names}</source>
        <translation>Campos: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="152"/>
        <source>Subject and preview…</source>
        <translation>Assunto e pré-visualização…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="190"/>
        <source>Tag: {name}</source>
        <translation>Etiqueta: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="202"/>
        <source>Customers it would reach today: {n}</source>
        <translation>Clientes que receberiam hoje: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="203"/>
        <source>Off</source>
        <translation>Desligada</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="438"/>
        <source>Message: {step}</source>
        <translation>Mensagem: {step}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="443"/>
        <source>Preview for… (type a customer&apos;s name)</source>
        <translation>Pré-visualização para… (escreva o nome de um cliente)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="489"/>
        <source>Pick a customer above to see the message as she will get it.</source>
        <translation>Escolha um cliente acima para ver a mensagem como ele a vai receber.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="218"/>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="226"/>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="294"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="226"/>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="294"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="226"/>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="295"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="233"/>
        <source>Nothing to do today. The régua will tell you when someone needs a message.</source>
        <translation>Nada para hoje. A régua avisa quando alguém precisar de uma mensagem.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="248"/>
        <source>Send on WhatsApp</source>
        <translation>Enviar pelo WhatsApp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="249"/>
        <source>Opens WhatsApp with the message written and notes it as sent</source>
        <translation>Abre o WhatsApp com a mensagem escrita e regista como enviada</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="251"/>
        <source>Send e-mail now</source>
        <translation>Enviar e-mail agora</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="253"/>
        <source>Call done…</source>
        <translation>Chamada feita…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="255"/>
        <source>Approve</source>
        <translation>Aprovar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="257"/>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="259"/>
        <source>Open customer</source>
        <translation>Abrir cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="270"/>
        <source>Message:</source>
        <translation>Mensagem:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="294"/>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="294"/>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="300"/>
        <source>Skip the selected</source>
        <translation>Saltar os selecionados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="314"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="315"/>
        <source>Next 7 days</source>
        <translation>Próximos 7 dias</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="372"/>
        <source>Today, {date}</source>
        <translation>Hoje, {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="706"/>
        <source>Not sent: {what}.</source>
        <translation>Não enviado: {what}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="337"/>
        <source> (awaiting approval)</source>
        <translation> (a aguardar aprovação)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="393"/>
        <source>To do: {n}</source>
        <translation>A fazer: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="395"/>
        <source>awaiting approval: {n}</source>
        <translation>a aguardar aprovação: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="397"/>
        <source>too late to send (the PC was off): {n}</source>
        <translation>tarde demais para enviar (PC desligado): {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="400"/>
        <source>sending while closed: last run {when}</source>
        <translation>envio com a Régua fechada: última vez {when}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="402"/>
        <source>sending while closed: not run yet</source>
        <translation>envio com a Régua fechada: ainda não correu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="506"/>
        <source>Planned for the next 7 days: {n}</source>
        <translation>Previstas para os próximos 7 dias: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="545"/>
        <source>E-mails go out by themselves within the send window once the shop&apos;s mail account is set up (Shop → Mail account).</source>
        <translation>Os e-mails saem sozinhos no horário de envio quando a conta de e-mail da loja estiver configurada (Loja → Conta de e-mail).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="547"/>
        <source>Call the customer; the message above is a suggestion of what to say.</source>
        <translation>Telefone ao cliente; a mensagem acima é uma sugestão do que dizer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="549"/>
        <source>Last day worth sending: {date}</source>
        <translation>Último dia em que vale a pena enviar: {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="668"/>
        <source>WhatsApp to {name} noted as sent.</source>
        <translation>WhatsApp para {name} registado como enviado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="672"/>
        <source>WhatsApp did not open</source>
        <translation>O WhatsApp não abriu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="674"/>
        <source>No browser or WhatsApp could be opened on this computer, so nothing was sent and {name} stays on the list. Copy the link and the message to send them another way?</source>
        <translation>Não foi possível abrir um navegador nem o WhatsApp neste computador, por isso nada foi enviado e {name} continua na lista. Copiar o link e a mensagem para os enviar de outra forma?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="676"/>
        <source>Copy link and text</source>
        <translation>Copiar link e texto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="685"/>
        <source>The message and the WhatsApp link are on the clipboard; nothing was noted as sent.</source>
        <translation>A mensagem e o link do WhatsApp estão na área de transferência; nada foi marcado como enviado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="687"/>
        <source>WhatsApp did not open; nothing was noted as sent.</source>
        <translation>O WhatsApp não abriu; nada foi marcado como enviado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="704"/>
        <source>E-mail to {name} sent.</source>
        <translation>E-mail para {name} enviado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="729"/>
        <source>Call with {name} noted.</source>
        <translation>Chamada com {name} registada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="742"/>
        <source>Skipped: {name}.</source>
        <translation>Saltado: {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="749"/>
        <source>Approved.</source>
        <translation>Aprovado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="763"/>
        <source>Skipped: {n}.</source>
        <translation>Saltados: {n}.</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="42"/>
        <source>daily</source>
        <translation>diária</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="43"/>
        <source>weekly</source>
        <translation>semanal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="44"/>
        <source>made by hand</source>
        <translation>feita à mão</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="45"/>
        <source>before a restore</source>
        <translation>antes de restaurar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="46"/>
        <source>other</source>
        <translation>outra</translation>
    </message>
</context>
<context>
    <name>cadence</name>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="65"/>
        <source>days after signup</source>
        <translation>dias após o registo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="66"/>
        <source>days after a purchase</source>
        <translation>dias após uma compra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="67"/>
        <source>days before</source>
        <translation>dias antes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="68"/>
        <source>days without a visit</source>
        <translation>dias sem visita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="71"/>
        <source>Right after a customer signs up at the counter (no consent needed).</source>
        <translation>Logo após o registo no balcão (não precisa de consentimento).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="72"/>
        <source>On the follow-up day of an open quote, reservation or order.</source>
        <translation>No dia de seguimento de um orçamento, reserva ou encomenda em aberto.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="73"/>
        <source>When a customer&apos;s points reach a reward.</source>
        <translation>Quando os pontos do cliente alcançam uma recompensa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/cadence_setup.py" line="74"/>
        <source>30 and 7 days before points expire.</source>
        <translation>30 e 7 dias antes de os pontos expirarem.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="60"/>
        <source>Signup confirmation</source>
        <translation>Confirmação de registo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="61"/>
        <source>Welcome</source>
        <translation>Boas-vindas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="62"/>
        <source>Unfinished purchase</source>
        <translation>Compra não concluída</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="63"/>
        <source>After the sale</source>
        <translation>Pós-venda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="64"/>
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="65"/>
        <source>We miss you</source>
        <translation>Saudade (reativação)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="66"/>
        <source>Reward reached</source>
        <translation>Recompensa atingida</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="67"/>
        <source>Points expiring</source>
        <translation>Pontos a expirar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="70"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="71"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="72"/>
        <source>Call (staff task)</source>
        <translation>Chamada (tarefa)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="152"/>
        <source>Follow-up: {kind}</source>
        <translation>Seguimento: {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="144"/>
        <source>Signed up on {date}</source>
        <translation>Registo a {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="146"/>
        <source>Birthday on {date}</source>
        <translation>Aniversário a {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="148"/>
        <source>Bought on {date}</source>
        <translation>Comprou a {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="150"/>
        <source>Last came on {date}</source>
        <translation>Última visita a {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/cadence/today_view.py" line="154"/>
        <source>Reached a reward on {date}</source>
        <translation>Atingiu uma recompensa a {date}</translation>
    </message>
</context>
<context>
    <name>countries</name>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="22"/>
        <source>Brazil</source>
        <translation>Brasil</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="23"/>
        <source>Portugal</source>
        <translation>Portugal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="24"/>
        <source>Angola</source>
        <translation>Angola</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="25"/>
        <source>Mozambique</source>
        <translation>Moçambique</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="26"/>
        <source>Spain</source>
        <translation>Espanha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="27"/>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="28"/>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="18"/>
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="19"/>
        <source>This is not a valid e-mail address.</source>
        <translation>Este não é um e-mail válido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="20"/>
        <source>This is not a valid phone number for {country}.</source>
        <translation>Este não é um telefone válido para {country}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="21"/>
        <source>This date does not exist.</source>
        <translation>Esta data não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="22"/>
        <source>Enter the birthday as day and month, with an optional year.</source>
        <translation>Indique o aniversário como dia e mês, com o ano opcional.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="23"/>
        <source>The birth year cannot be in the future.</source>
        <translation>O ano de nascimento não pode estar no futuro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="24"/>
        <source>This is too long (at most {max} characters).</source>
        <translation>Texto longo demais (no máximo {max} caracteres).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="25"/>
        <source>Enter an amount such as 49,90.</source>
        <translation>Indique um valor como 49,90.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="26"/>
        <source>The amount cannot be negative.</source>
        <translation>O valor não pode ser negativo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="27"/>
        <source>This card code already belongs to {name}.</source>
        <translation>Este cartão já pertence a {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="28"/>
        <source>A customer cannot be merged with itself.</source>
        <translation>Um cliente não pode ser fundido consigo mesmo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="29"/>
        <source>Unknown time zone.</source>
        <translation>Fuso horário desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="30"/>
        <source>Unknown country.</source>
        <translation>País desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="31"/>
        <source>Régua does not speak this language yet.</source>
        <translation>A Régua ainda não fala este idioma.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="32"/>
        <source>Pick when a birthday on 29 February is celebrated in other years.</source>
        <translation>Escolha quando um aniversário a 29 de fevereiro é celebrado nos outros anos.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="33"/>
        <source>The limit must be a whole number from 1 to 10000.</source>
        <translation>O limite deve ser um número inteiro de 1 a 10000.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="34"/>
        <source>There is no such customer group.</source>
        <translation>Esse grupo de clientes não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="35"/>
        <source>Give the filter a name.</source>
        <translation>Dê um nome ao filtro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="36"/>
        <source>At most {max} saved filters; delete one first.</source>
        <translation>No máximo {max} filtros guardados; elimine um antes.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="39"/>
        <source>This database already holds {count} customers; a demo shop is only made in a new or empty database.</source>
        <translation>Esta base de dados já tem {count} clientes; a loja de demonstração só é criada numa base de dados nova ou vazia.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="40"/>
        <source>The number of customers must be from 1 to 2000000.</source>
        <translation>O número de clientes deve ser de 1 a 2000000.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="42"/>
        <source>This shop has not been set up yet: open Régua once, or run “regua init --name NAME --country CC”.</source>
        <translation>Esta loja ainda não foi configurada: abra a Régua uma vez ou execute “regua init --name NOME --country CC”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="44"/>
        <source>There is no shop at {path}: run “regua init --name NAME --country CC” to set one up there.</source>
        <translation>Não há nenhuma loja em {path}: execute “regua init --name NOME --country CC” para criar uma aí.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="46"/>
        <source>This database already holds the shop “{name}”; nothing was changed.</source>
        <translation>Esta base de dados já tem a loja “{name}”; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="48"/>
        <source>Only a manager or the owner can do this.</source>
        <translation>Só um gerente ou a dona da loja pode fazer isto.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="49"/>
        <source>Only the owner can do this.</source>
        <translation>Só a dona da loja pode fazer isto.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="50"/>
        <source>Wrong PIN. {left} tries left before this account is locked.</source>
        <translation>PIN errado. Restam {left} tentativas antes de esta conta ser bloqueada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="52"/>
        <source>Too many wrong PINs: this account is locked for {minutes} more minutes.</source>
        <translation>Demasiados PINs errados: esta conta está bloqueada por mais {minutes} minutos.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="53"/>
        <source>The two PINs are not the same.</source>
        <translation>Os dois PINs não são iguais.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="55"/>
        <source>E-mail consent needs an e-mail address: fill in the E-mail field, or untick “By e-mail”.</source>
        <translation>O consentimento por e-mail precisa de um endereço de e-mail: preencha o campo E-mail ou desmarque “Por e-mail”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="57"/>
        <source>WhatsApp consent needs a phone number: fill in the Phone field, or untick “By WhatsApp”.</source>
        <translation>O consentimento por WhatsApp precisa de um número de telefone: preencha o campo Telefone ou desmarque “Por WhatsApp”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="58"/>
        <source>The PIN needs at least 4 characters.</source>
        <translation>O PIN precisa de pelo menos 4 caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="59"/>
        <source>There is already a staff member called {name}.</source>
        <translation>Já existe alguém da equipa chamado {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="60"/>
        <source>Unknown role.</source>
        <translation>Função desconhecida.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="61"/>
        <source>The shop needs at least one active owner.</source>
        <translation>A loja precisa de pelo menos uma dona ativa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="62"/>
        <source>This staff account does not exist or is switched off.</source>
        <translation>Esta conta da equipa não existe ou está desativada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="64"/>
        <source>Unknown kind of interaction.</source>
        <translation>Tipo de registo desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="65"/>
        <source>Enter the amount.</source>
        <translation>Indique o valor.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="66"/>
        <source>This date is in the future.</source>
        <translation>Esta data está no futuro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="67"/>
        <source>The follow-up date cannot be before the day it was logged.</source>
        <translation>A data de seguimento não pode ser anterior ao dia do registo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="69"/>
        <source>The refund is larger than what is left of the purchase ({left}).</source>
        <translation>O reembolso é maior do que o que resta da compra ({left}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="70"/>
        <source>This customer has no purchase this refund could reverse.</source>
        <translation>Este cliente não tem compra que este reembolso possa estornar.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="71"/>
        <source>This is already closed.</source>
        <translation>Isto já foi encerrado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="72"/>
        <source>Write how it was resolved.</source>
        <translation>Escreva como foi resolvido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="73"/>
        <source>This entry no longer exists.</source>
        <translation>Este registo já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="76"/>
        <source>Changed at {till} a moment ago: reopen the customer to see the change and edit again.</source>
        <translation>Alterado em {till} há instantes: volte a abrir o cliente para ver a alteração e editar outra vez.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="78"/>
        <source>Changed at {till} a minute ago: reopen the customer to see the change and edit again.</source>
        <translation>Alterado em {till} há um minuto: volte a abrir o cliente para ver a alteração e editar outra vez.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="80"/>
        <source>Changed at {till} {minutes} minutes ago: reopen the customer to see the change and edit again.</source>
        <translation>Alterado em {till} há {minutes} minutos: volte a abrir o cliente para ver a alteração e editar outra vez.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="82"/>
        <source>Changed at {till} more than an hour ago: reopen the customer to see the change and edit again.</source>
        <translation>Alterado em {till} há mais de uma hora: volte a abrir o cliente para ver a alteração e editar outra vez.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="84"/>
        <source>Someone else changed this customer meanwhile: reopen the customer to see the change and edit again.</source>
        <translation>Outra pessoa alterou este cliente entretanto: volte a abrir o cliente para ver a alteração e editar outra vez.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="86"/>
        <source>A program gives either points or stamps.</source>
        <translation>Um programa dá pontos ou selos.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="88"/>
        <source>This program already has a ledger; it cannot change from points to stamps or back.</source>
        <translation>Este programa já tem lançamentos; não pode passar de pontos para selos nem o contrário.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="90"/>
        <source>The earning rate must be at least 1 point for an amount above zero.</source>
        <translation>A regra de acumulação tem de dar pelo menos 1 ponto para um valor acima de zero.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="91"/>
        <source>Pick one of the options.</source>
        <translation>Escolha uma das opções.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="92"/>
        <location filename="../../desktop_app/domain/errors.py" line="111"/>
        <source>Enter a whole number from {low} to {high}.</source>
        <translation>Escreva um número inteiro de {low} a {high}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="93"/>
        <source>Every tier needs a name.</source>
        <translation>Cada nível precisa de um nome.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="95"/>
        <source>A tier&apos;s multiplier is a percentage from 1 to 1000 (100 = normal points).</source>
        <translation>O multiplicador de um nível é uma percentagem de 1 a 1000 (100 = pontos normais).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="96"/>
        <source>Two tiers have the same name or the same threshold.</source>
        <translation>Dois níveis têm o mesmo nome ou o mesmo limite.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="97"/>
        <source>Not enough points: {available} available, {wanted} needed.</source>
        <translation>Pontos insuficientes: {available} disponíveis, {wanted} necessários.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="98"/>
        <source>This reward no longer exists.</source>
        <translation>Esta recompensa já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="99"/>
        <source>Every reward needs a name.</source>
        <translation>Cada recompensa precisa de um nome.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="100"/>
        <source>The cost of “{name}” must be a whole number of at least 1.</source>
        <translation>O custo de “{name}” tem de ser um número inteiro de pelo menos 1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="102"/>
        <source>A stamp card needs a reward: say what a full card is worth (for example, 10 stamps).</source>
        <translation>Um cartão de selos precisa de uma recompensa: diga o que vale um cartão completo (por exemplo, 10 selos).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="103"/>
        <source>This loyalty program no longer exists.</source>
        <translation>Este programa de fidelização já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="104"/>
        <source>Write the reason for this adjustment.</source>
        <translation>Escreva o motivo deste ajuste.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="106"/>
        <source>Enter the points to add (for example 50) or to remove (for example -50).</source>
        <translation>Escreva os pontos a somar (por exemplo 50) ou a retirar (por exemplo -50).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="108"/>
        <source>Adjustments of more than {limit} points need the owner&apos;s approval.</source>
        <translation>Ajustes de mais de {limit} pontos precisam da aprovação da proprietária.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="110"/>
        <source>The number of days must be from 1 to 31.</source>
        <translation>O número de dias deve ser de 1 a 31.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="113"/>
        <source>Pick e-mail, WhatsApp or a staff task (the signup confirmation is a message, not a task).</source>
        <translation>Escolha e-mail, WhatsApp ou tarefa (a confirmação de registo é uma mensagem, não uma tarefa).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="114"/>
        <source>The send window must start before it ends, between 0 and 24 h.</source>
        <translation>O horário de envio deve começar antes de terminar, entre 0 e 24 h.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="115"/>
        <source>Pick at least one day of the week the shop is open.</source>
        <translation>Marque pelo menos um dia da semana em que a loja abre.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="117"/>
        <source>“{{{{ {name} }}}}” is not a placeholder Régua knows. Use one from the list.</source>
        <translation>“{{{{ {name} }}}}” não é um campo que a Régua conhece. Use um da lista.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="118"/>
        <source>A placeholder is not closed: write it as {{{{ first_name }}}}.</source>
        <translation>Um campo não foi fechado: escreva assim {{{{ first_name }}}}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="120"/>
        <source>This message was already sent, done, skipped or expired; nothing was changed.</source>
        <translation>Esta mensagem já foi enviada, feita, saltada ou expirou; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="122"/>
        <source>This customer can no longer be reached this way (no consent, or no phone or e-mail).</source>
        <translation>Este cliente já não pode ser contactado por este canal (sem consentimento, ou sem telefone ou e-mail).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="123"/>
        <source>No gift has the code “{code}”. Check the letters and try again.</source>
        <translation>Nenhum presente tem o código “{code}”. Verifique as letras e tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="124"/>
        <source>The gift {code} was already used on {date}.</source>
        <translation>O presente {code} já foi usado em {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="125"/>
        <source>The gift {code} could be used until {date}; it has expired.</source>
        <translation>O presente {code} valia até {date}; expirou.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="126"/>
        <source>The gift {code} belongs to another customer ({name}).</source>
        <translation>O presente {code} é de outra cliente ({name}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="127"/>
        <source>Pick a colour (written as #RRGGBB, for example #7a3e65).</source>
        <translation>Escolha uma cor (no formato #RRGGBB, por exemplo #7a3e65).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="128"/>
        <source>The logo is too big for an e-mail (at most {kb} KB). Save a smaller copy.</source>
        <translation>O logotipo é grande demais para um e-mail (no máximo {kb} KB). Guarde uma cópia menor.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="129"/>
        <source>The logo must be a PNG or JPEG picture.</source>
        <translation>O logotipo tem de ser uma imagem PNG ou JPEG.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="131"/>
        <source>None of these customers agreed to receive e-mails, so the message would reach nobody.</source>
        <translation>Nenhum destes clientes aceitou receber e-mails; a mensagem não chegaria a ninguém.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="132"/>
        <source>Write what came of it (for example: will come on Saturday).</source>
        <translation>Escreva o resultado (por exemplo: vem no sábado).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="134"/>
        <source>A subject or name cannot contain line breaks.</source>
        <translation>Um assunto ou nome não pode ter quebras de linha.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="135"/>
        <source>Enter the mail server&apos;s name, for example smtp.gmail.com.</source>
        <translation>Escreva o nome do servidor de e-mail, por exemplo smtp.gmail.com.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="136"/>
        <source>Pick STARTTLS (port 587) or SSL (port 465).</source>
        <translation>Escolha STARTTLS (porta 587) ou SSL (porta 465).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="137"/>
        <source>The shop&apos;s mail account is not set up yet (Shop → Mail account).</source>
        <translation>A conta de e-mail da loja ainda não foi configurada (Loja → Conta de e-mail).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="139"/>
        <source>The mail password is not in the keyring. Enter it again in Shop → Mail account.</source>
        <translation>A palavra-passe do e-mail não está no porta-chaves. Escreva-a de novo em Loja → Conta de e-mail.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="142"/>
        <source>The server {host} does not offer an encrypted connection (STARTTLS). Régua will not send the password without one; check the port (587) or choose SSL on port 465.</source>
        <translation>O servidor {host} não oferece ligação encriptada (STARTTLS). A Régua não envia a palavra-passe sem ela; verifique a porta (587) ou escolha SSL na porta 465.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="145"/>
        <source>The server {host} showed a certificate that cannot be trusted ({reason}). Nothing was sent; check the server name. On a public Wi-Fi, someone may be listening.</source>
        <translation>O servidor {host} mostrou um certificado que não é de confiança ({reason}). Nada foi enviado; verifique o nome do servidor. Numa rede Wi-Fi pública, alguém pode estar a escutar.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="149"/>
        <source>The server {host} showed a certificate it made for itself, which anyone can make, so Régua cannot tell it is really your mail server. Nothing was sent; check the server name. On a public Wi-Fi, someone may be listening.</source>
        <translation>O servidor {host} mostrou um certificado feito por si próprio, que qualquer um pode fazer, por isso a Régua não consegue saber se é mesmo o seu servidor de e-mail. Nada foi enviado; verifique o nome do servidor. Numa rede Wi-Fi pública, alguém pode estar a escutar.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="153"/>
        <source>The certificate of the server {host} is out of date (expired, or not valid yet). Nothing was sent. Check that this computer&apos;s date and time are right; if they are, the mail provider must renew its certificate.</source>
        <translation>O certificado do servidor {host} está fora da validade (expirado, ou ainda não válido). Nada foi enviado. Verifique se a data e a hora deste computador estão certas; se estiverem, o fornecedor de e-mail tem de renovar o certificado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="156"/>
        <source>The server at {host} showed a certificate for another name, so it may not be your mail server. Nothing was sent; check the server name your mail provider gives (for example smtp.gmail.com).</source>
        <translation>O servidor em {host} mostrou um certificado de outro nome, por isso pode não ser o seu servidor de e-mail. Nada foi enviado; verifique o nome do servidor indicado pelo seu fornecedor de e-mail (por exemplo smtp.gmail.com).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="160"/>
        <source>The server {host} showed a certificate from an authority this computer does not know. Nothing was sent; check the server name. On a company network, ask for the company&apos;s certificate to be installed on this computer.</source>
        <translation>O servidor {host} mostrou um certificado de uma autoridade que este computador não conhece. Nada foi enviado; verifique o nome do servidor. Numa rede empresarial, peça que o certificado da empresa seja instalado neste computador.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="162"/>
        <source>The encrypted connection to {host}:{port} failed. Check the port and the security setting.</source>
        <translation>A ligação encriptada com {host}:{port} falhou. Verifique a porta e o tipo de segurança.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="165"/>
        <source>The server refused the user name or password. Gmail and Outlook need an app password, not the usual one. ({reply})</source>
        <translation>O servidor recusou o utilizador ou a palavra-passe. O Gmail e o Outlook precisam de uma palavra-passe de aplicação, não da palavra-passe habitual. ({reply})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="166"/>
        <source>The server {host} does not accept a password login.</source>
        <translation>O servidor {host} não aceita entrar com palavra-passe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="167"/>
        <source>The mail server said: {reply}</source>
        <translation>O servidor de e-mail respondeu: {reply}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="168"/>
        <source>The server {host} closed the connection. Try again later.</source>
        <translation>O servidor {host} fechou a ligação. Tente de novo mais tarde.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="170"/>
        <source>The server {host} cannot be found. Check its name and the internet connection.</source>
        <translation>O servidor {host} não foi encontrado. Verifique o nome e a ligação à internet.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="172"/>
        <source>The server {host}:{port} did not answer in time. Check the internet connection and the port.</source>
        <translation>O servidor {host}:{port} não respondeu a tempo. Verifique a ligação à internet e a porta.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="174"/>
        <source>The server {host}:{port} cannot be reached. Check the internet connection and the port.</source>
        <translation>Não foi possível alcançar o servidor {host}:{port}. Verifique a ligação à internet e a porta.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="176"/>
        <source>The mail server stopped accepting messages (quota or policy). Sending is paused.</source>
        <translation>O servidor de e-mail deixou de aceitar mensagens (quota ou política). Os envios estão em pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="178"/>
        <source>The mail server {host} is busy for now ({reply}). Nothing was lost: Régua tries again later.</source>
        <translation>O servidor de e-mail {host} está ocupado de momento ({reply}). Nada se perdeu: a Régua tenta de novo mais tarde.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="181"/>
        <source>This computer has no safe place for passwords (keyring: {backend}). Régua will not write the password anywhere else; you can type it once per session instead.</source>
        <translation>Este computador não tem um lugar seguro para palavras-passe (porta-chaves: {backend}). A Régua não grava a palavra-passe em nenhum outro lugar; pode escrevê-la uma vez por sessão.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="183"/>
        <source>The computer&apos;s keyring did not answer ({reason}); it may be locked. Unlock it and try again.</source>
        <translation>O porta-chaves do computador não respondeu ({reason}); talvez esteja bloqueado. Desbloqueie-o e tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="185"/>
        <source>Régua&apos;s background work stopped before it finished, and nothing of it was saved. Try again.</source>
        <translation>O trabalho em segundo plano da Régua parou antes de terminar, e nada dele foi guardado. Tente novamente.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="187"/>
        <source>The file {name} cannot be read: {reason}</source>
        <translation>Não foi possível ler o ficheiro {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="188"/>
        <source>The file {name} is too big to import (more than {mb} MB).</source>
        <translation>O ficheiro {name} é grande demais para importar (mais de {mb} MB).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="189"/>
        <source>The file {name} has no data.</source>
        <translation>O ficheiro {name} não tem dados.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="191"/>
        <source>The file {name} is damaged or is not a spreadsheet Régua can read (xlsx, xls, ods or csv).</source>
        <translation>O ficheiro {name} está danificado ou não é uma folha de cálculo que a Régua consiga ler (xlsx, xls, ods ou csv).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="193"/>
        <source>The file {name} is protected by a password. Save a copy without the password and import that.</source>
        <translation>O ficheiro {name} está protegido por palavra-passe. Guarde uma cópia sem palavra-passe e importe essa cópia.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="194"/>
        <source>The file {name} has more than {max} rows.</source>
        <translation>O ficheiro {name} tem mais de {max} linhas.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="195"/>
        <source>There is no sheet called {sheet} in {name}.</source>
        <translation>Não há nenhuma folha chamada {sheet} em {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="196"/>
        <source>No column holds the customers&apos; names; pick it in the mapping.</source>
        <translation>Nenhuma coluna tem os nomes dos clientes; escolha-a no mapeamento.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="198"/>
        <source>This import cannot be undone: {count} of its customers changed since ({names}).</source>
        <translation>Esta importação não pode ser desfeita: {count} dos clientes dela mudaram desde então ({names}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="199"/>
        <source>This import was already undone.</source>
        <translation>Esta importação já foi desfeita.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="200"/>
        <source>There is no such import.</source>
        <translation>Essa importação não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="201"/>
        <source>Export to a file ending in .xlsx or .csv.</source>
        <translation>Exporte para um ficheiro terminado em .xlsx ou .csv.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="202"/>
        <source>The export could not be written to {path}: {reason}</source>
        <translation>Não foi possível gravar a exportação em {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="203"/>
        <source>Not a yes or a no; no consent recorded.</source>
        <translation>Não é sim nem não; nenhum consentimento registado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="205"/>
        <source>Accepts e-mails, but there is no e-mail address: no consent recorded.</source>
        <translation>Aceita e-mails, mas não há endereço de e-mail: nenhum consentimento registado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="207"/>
        <source>Accepts WhatsApp, but there is no phone number: no consent recorded.</source>
        <translation>Aceita WhatsApp, mas não há número de telefone: nenhum consentimento registado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="208"/>
        <source>This customer had opted out; the opt-out is kept.</source>
        <translation>Este cliente tinha pedido para não receber; o pedido foi mantido.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="210"/>
        <source>This person asked to be erased; the row is skipped and nothing about them is imported.</source>
        <translation>Esta pessoa pediu para ser apagada; a linha é saltada e nada sobre ela é importado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="211"/>
        <source>Same customer as row {row}; merged into it.</source>
        <translation>Mesmo cliente da linha {row}; fundido com ela.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="213"/>
        <source>A phone number cannot contain letters; write it with digits only.</source>
        <translation>Um telefone não pode ter letras; escreva só com números.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="214"/>
        <source>A totals line, not a customer: skipped.</source>
        <translation>Uma linha de totais, não um cliente: ignorada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="217"/>
        <source>Possible duplicate: same {key} as {name}, already in Régua, but another name. Imported as a new customer unless you say it is the same person.</source>
        <translation>Possível duplicado: mesmo {key} de {name}, que já está na Régua, mas com outro nome. Importado como cliente novo, a não ser que diga que é a mesma pessoa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="220"/>
        <source>Same {key} as {name}, already in Régua, with another name: you said it is the same person, so {name} is updated.</source>
        <translation>Mesmo {key} de {name}, que já está na Régua, com outro nome: disse que é a mesma pessoa, por isso {name} é atualizado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="222"/>
        <source>Same {key} as row {row}, but another name: imported as a separate customer.</source>
        <translation>Mesmo {key} da linha {row}, mas outro nome: importado como um cliente separado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="225"/>
        <source>This row is separated by “{other}” instead of “{delimiter}” like the rest of the file; it was not imported. Fix it in the file and import it again.</source>
        <translation>Esta linha está separada por “{other}” em vez de “{delimiter}” como o resto do ficheiro; não foi importada. Corrija no ficheiro e importe de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="227"/>
        <source>This row is longer than {max} characters, too long to be a customer; it was not imported.</source>
        <translation>Esta linha tem mais de {max} caracteres, longa demais para ser um cliente; não foi importada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="229"/>
        <source>This row cannot be read (a quote is not closed or a cell is too long); it was not imported.</source>
        <translation>Esta linha não pode ser lida (uma aspa não foi fechada ou uma célula é longa demais); não foi importada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="231"/>
        <source>This row held control characters (such as NUL or ESC); they were removed.</source>
        <translation>Esta linha tinha caracteres de controlo (como NUL ou ESC); eles foram removidos.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="234"/>
        <source>The file {name} has more than {max} cells (rows × columns). Delete the columns Régua does not need, or split the list, and import again.</source>
        <translation>O ficheiro {name} tem mais de {max} células (linhas × colunas). Apague as colunas de que a Régua não precisa, ou divida a lista, e importe de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="235"/>
        <source>phone</source>
        <translation>telefone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="236"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="237"/>
        <source>tax id</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="238"/>
        <source>card code</source>
        <translation>código do cartão</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="240"/>
        <source>No customer matches “{ref}”.</source>
        <translation>Nenhum cliente corresponde a “{ref}”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="246"/>
        <source>This database was made by a newer version of Régua (schema {found}, this version knows {known}). Install the newer version to open it; nothing was changed.</source>
        <translation>Esta base de dados foi criada por uma versão mais recente da Régua (esquema {found}; esta versão conhece até {known}). Instale a versão mais recente para a abrir; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="249"/>
        <source>The file {path} is not a Régua database or is damaged. Restore a backup; nothing was changed.</source>
        <translation>O ficheiro {path} não é uma base de dados da Régua ou está danificado. Restaure uma cópia de segurança; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="250"/>
        <source>The database {path} cannot be opened: {reason}</source>
        <translation>Não foi possível abrir a base de dados {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="251"/>
        <source>There is no database at {path}.</source>
        <translation>Não há nenhuma base de dados em {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="252"/>
        <source>The database is busy in another program. Try again in a moment.</source>
        <translation>A base de dados está ocupada por outro programa. Tente de novo daqui a instantes.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="255"/>
        <source>{engine} databases are not supported yet ({target}). Use a database file: a path, or sqlite:///path.</source>
        <translation>As bases de dados {engine} ainda não são suportadas ({target}). Use um ficheiro de base de dados: um caminho, ou sqlite:///caminho.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="258"/>
        <source>The shop&apos;s server {path} does not answer ({reason}). Check that it is on and that this computer is on the shop&apos;s network; nothing was changed.</source>
        <translation>O servidor da loja {path} não responde ({reason}). Verifique se está ligado e se este computador está na rede da loja; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="262"/>
        <source>The shop&apos;s server {path} went away while saving ({reason}): check whether it was saved before trying again.</source>
        <translation>O servidor da loja {path} foi abaixo enquanto guardava ({reason}): verifique se ficou guardado antes de tentar novamente.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="265"/>
        <source>The server {path} refused the user name or the password. Check them and try again; nothing was changed.</source>
        <translation>O servidor {path} recusou o nome de utilizador ou a palavra-passe. Verifique-os e tente novamente; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="268"/>
        <source>The server {path} asks for a password and none is stored for it on this computer: connect from the first-run screen, or run “regua server-password set URL”.</source>
        <translation>O servidor {path} pede uma palavra-passe e nenhuma está guardada para ele neste computador: ligue-se a partir do ecrã inicial ou execute “regua server-password set URL”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="271"/>
        <source>Régua could not make a secure connection to the server {path}: its certificate could not be checked ({reason}). Ask whoever set up the server for its certificate; nothing was changed.</source>
        <translation>A Régua não conseguiu estabelecer uma ligação segura ao servidor {path}: não foi possível verificar o seu certificado ({reason}). Peça o certificado a quem configurou o servidor; nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="274"/>
        <source>Give the server&apos;s URL without its password; Régua asks for the password and keeps it in the keyring.</source>
        <translation>Indique o endereço do servidor sem a palavra-passe; a Régua pede a palavra-passe e guarda-a no porta-chaves.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="275"/>
        <source>The password is empty; nothing was stored.</source>
        <translation>A palavra-passe está vazia; nada foi guardado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="278"/>
        <source>This shop is on the server {path}, where every till works: a copy is restored onto it from the command line (“regua --db URL restore FILE”), not from a till&apos;s window. Nothing was changed.</source>
        <translation>Esta loja está no servidor {path}, onde trabalham todas as caixas: uma cópia é reposta nele pela linha de comandos (“regua --db URL restore FICHEIRO”), não pela janela de uma caixa. Nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="279"/>
        <source>The folder {path} does not exist.</source>
        <translation>A pasta {path} não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="280"/>
        <source>That is the shop&apos;s live database; pick another file.</source>
        <translation>Essa é a base de dados em uso pela loja; escolha outro ficheiro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="282"/>
        <source>The copy {path} is damaged ({reason}); nothing was restored. Pick an older copy.</source>
        <translation>A cópia {path} está danificada ({reason}); nada foi restaurado. Escolha uma cópia mais antiga.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="283"/>
        <source>The restore could not be done ({reason}); nothing was changed.</source>
        <translation>Não foi possível restaurar ({reason}); nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="286"/>
        <source>{target} already holds a shop ({customers} customers): a shop is only moved into an empty database. Nothing was changed.</source>
        <translation>{target} já tem uma loja ({customers} clientes): uma loja só é movida para uma base de dados vazia. Nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="289"/>
        <source>{target} is not empty ({tables} tables that are not this version&apos;s shop): a shop is only moved into an empty database. Nothing was changed.</source>
        <translation>{target} não está vazia ({tables} tabelas que não são de uma loja desta versão): uma loja só é movida para uma base de dados vazia. Nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="290"/>
        <source>There is no Régua shop at {source} to move.</source>
        <translation>Não há loja da Régua em {source} para mover.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="291"/>
        <source>The shop cannot be moved onto itself: name another database.</source>
        <translation>A loja não pode ser movida para si mesma: indique outra base de dados.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="294"/>
        <source>The move failed while copying {table} ({reason}); the target was left empty and the shop is unchanged.</source>
        <translation>A mudança falhou ao copiar {table} ({reason}); o destino ficou vazio e a loja não foi alterada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="297"/>
        <source>The copy of {table} did not match the shop ({source} rows, {target} copied); the target was left empty and the shop is unchanged.</source>
        <translation>A cópia de {table} não corresponde à loja ({source} linhas, {target} copiadas); o destino ficou vazio e a loja não foi alterada.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="300"/>
        <source>The file {path} is not a copy of a Régua shop (“{what}” is missing or different); nothing was restored.</source>
        <translation>O ficheiro {path} não é uma cópia de uma loja da Régua (“{what}” falta ou é diferente); nada foi restaurado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="302"/>
        <source>This shop is open in another Régua (process {pid}); close it, then restore. Nothing was changed.</source>
        <translation>Esta loja está aberta noutra Régua (processo {pid}); feche-a e depois restaure. Nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="306"/>
        <source>The database {path} is in a folder that syncs to the cloud (OneDrive, Google Drive, Dropbox...). Sync tools copy it while Régua writes and can damage it. Keep it in a normal folder; the backups can go to the synced folder (File → Backups).</source>
        <translation>A base de dados {path} está numa pasta sincronizada com a nuvem (OneDrive, Google Drive, Dropbox...). A sincronização copia o ficheiro enquanto a Régua grava e pode danificá-lo. Deixe-a numa pasta comum; as cópias de segurança podem ir para a pasta sincronizada (Ficheiro → Cópias de segurança).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="309"/>
        <source>The database {path} is on a network drive, where a dropped connection can damage it. Keep it on this computer&apos;s own disk.</source>
        <translation>A base de dados {path} está numa unidade de rede, onde uma falha de ligação a pode danificar. Deixe-a no disco deste computador.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="311"/>
        <source>The system&apos;s scheduler did not take the job ({reason}). Sending still happens while Régua is open.</source>
        <translation>O agendador do sistema não aceitou a tarefa ({reason}). Os envios continuam enquanto a Régua estiver aberta.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="312"/>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>Não foi possível gravar a cópia de segurança em {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/errors.py" line="50"/>
        <source>Régua</source>
        <translation>Régua</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="22"/>
        <source>(ignore)</source>
        <translation>(ignorar)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="23"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="24"/>
        <source>First name</source>
        <translation>Primeiro nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="25"/>
        <source>Last name</source>
        <translation>Apelido</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="26"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="27"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="28"/>
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="29"/>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="30"/>
        <source>Tax id</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="31"/>
        <source>Card code</source>
        <translation>Cartão</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="32"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="33"/>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="34"/>
        <source>Last purchase</source>
        <translation>Última compra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="35"/>
        <source>Total spent</source>
        <translation>Total gasto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="36"/>
        <source>Accepts e-mails</source>
        <translation>Aceita e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/importing.py" line="37"/>
        <source>Accepts WhatsApp</source>
        <translation>Aceita WhatsApp</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="34"/>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="35"/>
        <source>Purchase</source>
        <translation>Compra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="36"/>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="37"/>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="38"/>
        <source>Complaint</source>
        <translation>Reclamação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="39"/>
        <source>Return / refund</source>
        <translation>Devolução / reembolso</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="40"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="41"/>
        <source>Quote</source>
        <translation>Orçamento</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="42"/>
        <source>Reservation</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="43"/>
        <source>Special order</source>
        <translation>Encomenda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="44"/>
        <source>Tried on, did not buy</source>
        <translation>Experimentou e não levou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="45"/>
        <source>Customer created</source>
        <translation>Cliente registado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="46"/>
        <source>Agreed to e-mails</source>
        <translation>Aceitou e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="47"/>
        <source>Stopped e-mails</source>
        <translation>Parou de receber e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="48"/>
        <source>Agreed to WhatsApp</source>
        <translation>Aceitou WhatsApp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="49"/>
        <source>Stopped WhatsApp</source>
        <translation>Parou de receber WhatsApp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="50"/>
        <source>Merged with another record</source>
        <translation>Fundido com outro registo</translation>
    </message>
</context>
<context>
    <name>loyalty</name>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="44"/>
        <source>Earned</source>
        <translation>Ganhou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="45"/>
        <source>Redeemed</source>
        <translation>Resgatou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="46"/>
        <source>Expired</source>
        <translation>Expiraram</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="47"/>
        <source>Adjustment</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="48"/>
        <source>Refund</source>
        <translation>Devolução</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="51"/>
        <source>purchase</source>
        <translation>compra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="52"/>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="53"/>
        <source>welcome bonus</source>
        <translation>bónus de boas-vindas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="54"/>
        <source>birthday bonus</source>
        <translation>bónus de aniversário</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="55"/>
        <source>validity ended</source>
        <translation>fim da validade</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="56"/>
        <source>purchase refunded</source>
        <translation>compra devolvida</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="69"/>
        <source>stamp</source>
        <translation>selo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="71"/>
        <source>stamps</source>
        <translation>selos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="72"/>
        <source>point</source>
        <translation>ponto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="74"/>
        <source>points</source>
        <translation>pontos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="88"/>
        <source>{tier} (×{factor})</source>
        <translation>{tier} (×{factor})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="93"/>
        <source>Negative: a refund took back points already spent. The next purchases pay it back.</source>
        <translation>Saldo negativo: uma devolução retirou pontos que já tinham sido usados. As próximas compras cobrem a diferença.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="96"/>
        <source>{missing} to “{reward}”</source>
        <translation>faltam {missing} para “{reward}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="101"/>
        <source>{missing} to {tier}</source>
        <translation>faltam {missing} para {tier}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="107"/>
        <source>Can redeem: {rewards}</source>
        <translation>Pode resgatar: {rewards}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/loyalty/loyalty_panel.py" line="110"/>
        <source>{points} expire within 30 days (first on {date})</source>
        <translation>{points} expiram nos próximos 30 dias (os primeiros a {date})</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <location filename="../../desktop_app/domain/mail.py" line="31"/>
        <source>Gmail needs an app password (Google account → Security → App passwords).</source>
        <translation>O Gmail precisa de uma palavra-passe de aplicação (Conta Google → Segurança → Palavras-passe de aplicação).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/mail.py" line="34"/>
        <source>Outlook and Microsoft 365 need SMTP sending switched on for the mailbox, and an app password.</source>
        <translation>O Outlook e o Microsoft 365 precisam do envio SMTP ativado na caixa de correio e de uma palavra-passe de aplicação.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/mail.py" line="36"/>
        <source>Yahoo needs an app password.</source>
        <translation>O Yahoo precisa de uma palavra-passe de aplicação.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="43"/>
        <source>planned</source>
        <translation>prevista</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="44"/>
        <source>awaiting approval</source>
        <translation>a aguardar aprovação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="45"/>
        <source>sending</source>
        <translation>a enviar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="46"/>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="47"/>
        <source>done by staff</source>
        <translation>feita pela equipa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="48"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="49"/>
        <source>uncertain (may have arrived)</source>
        <translation>incerta (pode ter chegado)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="50"/>
        <source>expired</source>
        <translation>expirou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="51"/>
        <source>not sent: no consent or bounced</source>
        <translation>não enviada: sem consentimento ou endereço inválido</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="52"/>
        <source>skipped</source>
        <translation>saltada</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="55"/>
        <source>waiting: one message per customer every few days</source>
        <translation>em espera: uma mensagem por cliente a cada poucos dias</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="56"/>
        <source>its last useful day passed</source>
        <translation>passou o último dia em que valia enviar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="57"/>
        <source>the PC was off that day</source>
        <translation>o PC estava desligado naquele dia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="58"/>
        <source>the shop was closed until too late</source>
        <translation>a loja estava fechada até ser tarde demais</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="59"/>
        <source>no consent any more</source>
        <translation>sem consentimento agora</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="60"/>
        <source>the address does not exist</source>
        <translation>o endereço não existe</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="61"/>
        <source>skipped by staff</source>
        <translation>saltada pela equipa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="62"/>
        <source>its step was turned off</source>
        <translation>a etapa dela foi desligada</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="63"/>
        <source>the purchase was refunded in full</source>
        <translation>a compra foi devolvida por inteiro</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="64"/>
        <source>the quote or reservation was closed</source>
        <translation>o orçamento ou a reserva foi fechado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="65"/>
        <source>the customer&apos;s points no longer reach a reward</source>
        <translation>os pontos do cliente já não chegam a uma recompensa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="66"/>
        <source>those points were spent or taken back</source>
        <translation>esses pontos foram gastos ou retirados</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="67"/>
        <source>Régua stopped while sending it</source>
        <translation>a Régua parou a meio do envio</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="68"/>
        <source>the server did not answer after receiving it</source>
        <translation>o servidor não respondeu depois de a receber</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="69"/>
        <source>the message text has a problem</source>
        <translation>o texto da mensagem tem um problema</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="70"/>
        <source>gave up after several tries</source>
        <translation>desistiu depois de várias tentativas</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="71"/>
        <source>refused by the server</source>
        <translation>recusada pelo servidor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="72"/>
        <source>sent again by the owner</source>
        <translation>reenviada pela dona da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="74"/>
        <source>the mail server cannot send to this address (letters with accents need SMTPUTF8)</source>
        <translation>o servidor de e-mail não consegue enviar para este endereço (letras com acento precisam de SMTPUTF8)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/messages_view.py" line="75"/>
        <source>Régua could not build or send it</source>
        <translation>a Régua não conseguiu montar ou enviar</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="26"/>
        <source>Owner</source>
        <translation>Dona da loja</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="27"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/login_dialog.py" line="28"/>
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
</context>
<context>
    <name>segments</name>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="191"/>
        <source>Champions</source>
        <translation>Campeões</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="192"/>
        <source>Bought recently, often, and spend the most</source>
        <translation>Compraram há pouco, compram sempre e gastam mais</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="193"/>
        <source>Loyal</source>
        <translation>Fiéis</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="194"/>
        <source>Come back regularly and spend well</source>
        <translation>Voltam com frequência e gastam bem</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="195"/>
        <source>New</source>
        <translation>Novos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="196"/>
        <source>Bought once, recently: the second visit makes a customer</source>
        <translation>Compraram uma vez, há pouco: a segunda visita faz o cliente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="197"/>
        <source>Promising</source>
        <translation>Promissores</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="198"/>
        <source>Bought recently, not much yet</source>
        <translation>Compraram há pouco, ainda pouco</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="199"/>
        <source>At risk</source>
        <translation>Em risco</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="200"/>
        <source>Good customers who have not been back for a while</source>
        <translation>Bons clientes que não voltam há algum tempo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="201"/>
        <source>Can&apos;t lose</source>
        <translation>Não pode perder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="202"/>
        <source>Were among the best, gone the longest: call them</source>
        <translation>Estavam entre os melhores e desapareceram há mais tempo: telefone-lhes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="203"/>
        <source>Hibernating</source>
        <translation>Em hibernação</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="204"/>
        <source>Bought little, a while ago</source>
        <translation>Compraram pouco, há algum tempo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="205"/>
        <source>Lost</source>
        <translation>Perdidos</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="206"/>
        <source>Bought little, long ago</source>
        <translation>Compraram pouco, há muito tempo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="209"/>
        <source>Lead</source>
        <translation>Interessado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="209"/>
        <source>No purchase yet</source>
        <translation>Ainda não comprou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="210"/>
        <source>New customer</source>
        <translation>Cliente novo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="211"/>
        <source>First purchase in the last 90 days</source>
        <translation>Primeira compra nos últimos 90 dias</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="212"/>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="212"/>
        <source>Comes back now and then</source>
        <translation>Volta de vez em quando</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="213"/>
        <source>Loyal customer</source>
        <translation>Cliente fiel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="214"/>
        <source>Four or more purchases in the last 12 months</source>
        <translation>Quatro compras ou mais nos últimos 12 meses</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="215"/>
        <source>Slipping away</source>
        <translation>A afastar-se</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="216"/>
        <source>No visit for as long as the régua&apos;s “we miss you” waits</source>
        <translation>Sem visita durante o tempo que o “sentimos a sua falta” da régua espera</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="217"/>
        <source>Inactive</source>
        <translation>Inativo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="218"/>
        <source>No visit for six months or more</source>
        <translation>Sem visita há seis meses ou mais</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="219"/>
        <source>Came back</source>
        <translation>Voltou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="220"/>
        <source>Returned in the last 90 days after a long absence</source>
        <translation>Voltou nos últimos 90 dias depois de muito tempo longe</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="250"/>
        <source>Segment: {name}</source>
        <translation>Segmento: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/common/i18n.py" line="254"/>
        <source>Stage: {name}</source>
        <translation>Fase: {name}</translation>
    </message>
</context>
<context>
    <name>send_outcome</name>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="13"/>
        <source>another till is sending the shop&apos;s e-mails right now; this one goes with them or in the next run</source>
        <translation>outra caixa está a enviar os e-mails da loja neste momento; este vai com eles ou na próxima ronda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="14"/>
        <source>it is outside the hours set for sending</source>
        <translation>está fora do horário definido para envios</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="15"/>
        <source>sending is paused (see Messages)</source>
        <translation>os envios estão em pausa (veja Mensagens)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="16"/>
        <source>the mail server did not answer; it is tried again later</source>
        <translation>o servidor de e-mail não respondeu; será tentado novamente mais tarde</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="17"/>
        <source>the mail server asked to try again later</source>
        <translation>o servidor de e-mail pediu para tentar mais tarde</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="18"/>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="19"/>
        <source>it waits for the next run</source>
        <translation>fica para a próxima ronda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="20"/>
        <source>today&apos;s sending limit is reached</source>
        <translation>o limite de envios de hoje foi atingido</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="21"/>
        <source>it failed (see Messages)</source>
        <translation>falhou (veja Mensagens)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="22"/>
        <source>the address was refused</source>
        <translation>o endereço foi recusado</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="24"/>
        <source>it may have gone out before an interruption, so it is not sent again</source>
        <translation>pode ter saído antes de uma interrupção, por isso não é enviado novamente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="25"/>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="26"/>
        <source>it is no longer useful</source>
        <translation>já não é útil</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="27"/>
        <source>another run already took it</source>
        <translation>outra ronda já o apanhou</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="28"/>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="29"/>
        <source>the customer no longer accepts e-mails</source>
        <translation>o cliente já não aceita e-mails</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/mail/send_outcome.py" line="30"/>
        <source>the address is on the do-not-send list</source>
        <translation>o endereço está na lista de não enviar</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="463"/>
        <source>the command line</source>
        <translation>a linha de comando</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="464"/>
        <source>a spreadsheet import</source>
        <translation>uma importação de folha de cálculo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="465"/>
        <source>the demo data</source>
        <translation>os dados de demonstração</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers/customers.py" line="466"/>
        <source>the régua (sent by itself)</source>
        <translation>a régua (envio automático)</translation>
    </message>
</context>
</TS>

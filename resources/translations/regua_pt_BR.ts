<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>BugDialog</name>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="35"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="39"/>
        <source>Régua hit a problem it did not expect. Your data is safe: nothing half-done was saved.
Copy the details below and send them to whoever supports your Régua.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="46"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="46"/>
        <source>Sizes, preferences, anything the team should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="48"/>
        <location filename="../../ui/customer_dialog.ui" line="21"/>
        <source>day/month, year optional: 15/03 or 15/03/1990</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="50"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="52"/>
        <source>Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="113"/>
        <source>This e-mail already belongs to {name} (#{id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="114"/>
        <source>This phone already belongs to {name} (#{id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="116"/>
        <source>This tax id already belongs to {name} (#{id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="119"/>
        <source>If it is the same person, cancel and use Merge on the customer&apos;s page; press Save again to keep them as two customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_dialog.py" line="135"/>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="6"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="11"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="12"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="14"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="15"/>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="17"/>
        <source>Phone / WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="18"/>
        <source>(11) 98765-4321</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="20"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="23"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="26"/>
        <source>Tax id (CPF / NIF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="29"/>
        <source>Card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="30"/>
        <source>scan or type the loyalty card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="32"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="33"/>
        <source>separated by commas: vip, noivas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="35"/>
        <source>May we contact?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="37"/>
        <source>By e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="38"/>
        <source>By WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/customer_dialog.ui" line="41"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="91"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="92"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customer_model.py" line="92"/>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="48"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="71"/>
        <source>Birthday: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="73"/>
        <source>Card: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="75"/>
        <source>Tax id: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="79"/>
        <source>E-mail: {email}   WhatsApp: {whatsapp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="100"/>
        <source>by {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="122"/>
        <source>Search: name, phone digits, e-mail, card or tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="126"/>
        <source>Any birthday month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="128"/>
        <source>Birthday in {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="129"/>
        <source>&amp;New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="130"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="131"/>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="211"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="241"/>
        <source>The first {n} matches; type more to narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="244"/>
        <source>1 customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="245"/>
        <source>{n} customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="295"/>
        <location filename="../../desktop_app/gui/customers_view.py" line="308"/>
        <source>Customer saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="318"/>
        <source>Merge customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="320"/>
        <source>Merge “{other}” into “{keep}”? Their history, consents and tags move over, and “{other}” is removed. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/customers_view.py" line="329"/>
        <source>Customers merged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="22"/>
        <source>Welcome to Régua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="25"/>
        <source>Tell Régua about your shop. The country sets the phone prefix, the currency and the date format; you can change all of this later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="30"/>
        <source>e.g. Ateliê Flor de Lis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="31"/>
        <source>Shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="35"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="41"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/first_run.py" line="46"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="35"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="66"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="67"/>
        <source>&amp;New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="71"/>
        <source>&amp;Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="76"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="80"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="81"/>
        <source>Open the &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="84"/>
        <source>&amp;About Régua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="98"/>
        <source>About Régua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="99"/>
        <source>Régua {version}
A customer relationship manager for small shops.

Database: {db}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="24"/>
        <source>Merge customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="27"/>
        <source>Find the other record of “{name}”. It will be merged into this one, which keeps its own values and gains what it lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="31"/>
        <source>Search: name, phone digits, e-mail, card or tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/merge_dialog.py" line="36"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>countries</name>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="22"/>
        <source>Brazil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="23"/>
        <source>Portugal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="24"/>
        <source>Angola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="25"/>
        <source>Mozambique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="26"/>
        <source>Spain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="27"/>
        <source>United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/countries.py" line="28"/>
        <source>United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="16"/>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="17"/>
        <source>This is not a valid e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="18"/>
        <source>This is not a valid phone number for {country}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="19"/>
        <source>This date does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="20"/>
        <source>Enter the birthday as day and month, with an optional year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="21"/>
        <source>The birth year cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="22"/>
        <source>This is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="23"/>
        <source>This contains characters that cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="24"/>
        <source>Enter an amount such as 49,90.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="25"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="26"/>
        <source>This card code already belongs to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="27"/>
        <source>A customer cannot be merged with itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="28"/>
        <source>Unknown time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="29"/>
        <source>Unknown country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="30"/>
        <source>The limit must be a whole number from 1 to 10000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="33"/>
        <source>This database already holds {count} customers; a demo shop is only made in a new or empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="34"/>
        <source>The number of customers must be from 1 to 2000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="35"/>
        <source>This shop has not been set up yet: open Régua once to set it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="37"/>
        <source>No customer matches “{ref}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="43"/>
        <source>This database was made by a newer version of Régua (schema {found}, this version knows {known}). Install the newer version to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="46"/>
        <source>The file {path} is not a Régua database or is damaged. Restore a backup; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="47"/>
        <source>The database {path} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="48"/>
        <source>There is no database at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="49"/>
        <source>The database is busy in another program. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/errors.py" line="50"/>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/errors.py" line="27"/>
        <source>Régua</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="32"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="33"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="34"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="35"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="36"/>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="37"/>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="38"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="39"/>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="40"/>
        <source>Reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="41"/>
        <source>Customer created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="42"/>
        <source>Agreed to e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="43"/>
        <source>Stopped e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="44"/>
        <source>Agreed to WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="45"/>
        <source>Stopped WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/customers.py" line="46"/>
        <source>Merged with another record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

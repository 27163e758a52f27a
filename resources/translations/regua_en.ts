<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupsDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/shop/backups_dialog.py" line="129"/>
        <source> years</source>
        <translation>
            <numerusform> year</numerusform>
            <numerusform> years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="71"/>
        <source>Will go by e-mail to {n} of the {total} customers in the list: those who agreed to receive e-mails.</source>
        <translation>
            <numerusform>Will go by e-mail to {n} of the {total} customer in the list, who agreed to receive e-mails.</numerusform>
            <numerusform>Will go by e-mail to {n} of the {total} customers in the list: those who agreed to receive e-mails.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/cadence/campaign_dialog.py" line="73"/>
        <source>Send to {n} customers</source>
        <translation>
            <numerusform>Send to {n} customer</numerusform>
            <numerusform>Send to {n} customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="301"/>
        <source>{n} customers</source>
        <translation>
            <numerusform>{n} customer</numerusform>
            <numerusform>{n} customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/customers/customers_view.py" line="473"/>
        <source>Message queued for {n} customers; it goes out within the send window.</source>
        <translation>
            <numerusform>Message queued for {n} customer; it goes out within the send window.</numerusform>
            <numerusform>Message queued for {n} customers; it goes out within the send window.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/shell/main_window.py" line="283"/>
        <source>{n} customers exported to {file}.</source>
        <translation>
            <numerusform>{n} customer exported to {file}.</numerusform>
            <numerusform>{n} customers exported to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="379"/>
        <source>{n} rows</source>
        <translation>
            <numerusform>{n} row</numerusform>
            <numerusform>{n} rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="380"/>
        <source>{n} new customers</source>
        <translation>
            <numerusform>{n} new customer</numerusform>
            <numerusform>{n} new customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="381"/>
        <source>{n} updated</source>
        <translation>
            <numerusform>{n} updated</numerusform>
            <numerusform>{n} updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="382"/>
        <source>{n} merged with another row of the file</source>
        <translation>
            <numerusform>{n} merged with another row of the file</numerusform>
            <numerusform>{n} merged with another row of the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="383"/>
        <source>{n} skipped</source>
        <translation>
            <numerusform>{n} skipped</numerusform>
            <numerusform>{n} skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="384"/>
        <source>{n} rows have errors and will not be imported</source>
        <translation>
            <numerusform>{n} row has errors and will not be imported</numerusform>
            <numerusform>{n} rows have errors and will not be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="385"/>
        <source>{n} warnings</source>
        <translation>
            <numerusform>{n} warning</numerusform>
            <numerusform>{n} warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/spreadsheets/import_wizard.py" line="388"/>
        <source>%n possible duplicates: decide below.</source>
        <translation>
            <numerusform>%n possible duplicate: decide below.</numerusform>
            <numerusform>%n possible duplicates: decide below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="376"/>
        <source>{n} customers changed stage since the end of last month</source>
        <translation>
            <numerusform>{n} customer changed stage since the end of last month</numerusform>
            <numerusform>{n} customers changed stage since the end of last month</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/reports/reports_view.py" line="476"/>
        <source>Reports exported: {n} rows.</source>
        <translation>
            <numerusform>Reports exported: {n} row.</numerusform>
            <numerusform>Reports exported: {n} rows.</numerusform>
        </translation>
    </message>
</context>
</TS>

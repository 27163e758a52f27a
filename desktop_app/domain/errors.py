"""Typed errors that a user can cause or fix, told apart from bugs.

Every expected error carries a stable `code`, keyword `params` and an English message template that
is also a Qt Linguist source text (context "errors"). The GUI translates it, the command line prints
it. Anything that is not a ReguaError is a bug and is reported as one.
"""

from __future__ import annotations

from datetime import datetime

from desktop_app.domain.i18n import QT_TRANSLATE_NOOP

CONTEXT = "errors"

MESSAGES: dict[str, str] = {
    # Field validation
    "required": QT_TRANSLATE_NOOP("errors", "This field is required."),
    "email_invalid": QT_TRANSLATE_NOOP("errors", "This is not a valid e-mail address."),
    "phone_invalid": QT_TRANSLATE_NOOP("errors", "This is not a valid phone number for {country}."),
    "date_invalid": QT_TRANSLATE_NOOP("errors", "This date does not exist."),
    "birthday_invalid": QT_TRANSLATE_NOOP("errors", "Enter the birthday as day and month, with an optional year."),
    "birthday_future": QT_TRANSLATE_NOOP("errors", "The birth year cannot be in the future."),
    "too_long": QT_TRANSLATE_NOOP("errors", "This is too long (at most {max} characters)."),
    "amount_invalid": QT_TRANSLATE_NOOP("errors", "Enter an amount such as 49,90."),
    "amount_negative": QT_TRANSLATE_NOOP("errors", "The amount cannot be negative."),
    "card_code_taken": QT_TRANSLATE_NOOP("errors", "This card code already belongs to {name}."),
    "merge_same": QT_TRANSLATE_NOOP("errors", "A customer cannot be merged with itself."),
    "timezone_invalid": QT_TRANSLATE_NOOP("errors", "Unknown time zone."),
    "country_invalid": QT_TRANSLATE_NOOP("errors", "Unknown country."),
    "language_invalid": QT_TRANSLATE_NOOP("errors", "Régua does not speak this language yet."),
    "feb29_rule_invalid": QT_TRANSLATE_NOOP("errors", "Pick when a birthday on 29 February is celebrated in other years."),
    "limit_invalid": QT_TRANSLATE_NOOP("errors", "The limit must be a whole number from 1 to 10000."),
    "group_invalid": QT_TRANSLATE_NOOP("errors", "There is no such customer group."),
    "filter_name_required": QT_TRANSLATE_NOOP("errors", "Give the filter a name."),
    "too_many_filters": QT_TRANSLATE_NOOP("errors", "At most {max} saved filters; delete one first."),
    "demo_not_empty": QT_TRANSLATE_NOOP(
        "errors", "This database already holds {count} customers; a demo shop is only made in a new or empty database."
    ),
    "customers_invalid": QT_TRANSLATE_NOOP("errors", "The number of customers must be from 1 to 2000000."),
    "shop_not_set_up": QT_TRANSLATE_NOOP(
        "errors", "This shop has not been set up yet: open Régua once, or run “regua init --name NAME --country CC”."),
    "shop_not_found": QT_TRANSLATE_NOOP(
        "errors", "There is no shop at {path}: run “regua init --name NAME --country CC” to set one up there."),
    "shop_already_set_up": QT_TRANSLATE_NOOP(
        "errors", "This database already holds the shop “{name}”; nothing was changed."),
    # Staff and roles
    "not_allowed": QT_TRANSLATE_NOOP("errors", "Only a manager or the owner can do this."),
    "not_allowed_owner": QT_TRANSLATE_NOOP("errors", "Only the owner can do this."),
    "pin_wrong": QT_TRANSLATE_NOOP("errors", "Wrong PIN. {left} tries left before this account is locked."),
    "pin_locked": QT_TRANSLATE_NOOP(
        "errors", "Too many wrong PINs: this account is locked for {minutes} more minutes."),
    "pins_differ": QT_TRANSLATE_NOOP("errors", "The two PINs are not the same."),
    "consent_needs_email": QT_TRANSLATE_NOOP(
        "errors", "E-mail consent needs an e-mail address: fill in the E-mail field, or untick “By e-mail”."),
    "consent_needs_phone": QT_TRANSLATE_NOOP(
        "errors", "WhatsApp consent needs a phone number: fill in the Phone field, or untick “By WhatsApp”."),
    "pin_too_short": QT_TRANSLATE_NOOP("errors", "The PIN needs at least 4 characters."),
    "staff_name_taken": QT_TRANSLATE_NOOP("errors", "There is already a staff member called {name}."),
    "role_invalid": QT_TRANSLATE_NOOP("errors", "Unknown role."),
    "last_owner": QT_TRANSLATE_NOOP("errors", "The shop needs at least one active owner."),
    "staff_not_found": QT_TRANSLATE_NOOP("errors", "This staff account does not exist or is switched off."),
    # Counter log
    "kind_invalid": QT_TRANSLATE_NOOP("errors", "Unknown kind of interaction."),
    "amount_required": QT_TRANSLATE_NOOP("errors", "Enter the amount."),
    "date_future": QT_TRANSLATE_NOOP("errors", "This date is in the future."),
    "follow_up_past": QT_TRANSLATE_NOOP("errors", "The follow-up date cannot be before the day it was logged."),
    "refund_too_large": QT_TRANSLATE_NOOP(
        "errors", "The refund is larger than what is left of the purchase ({left})."),
    "refund_no_purchase": QT_TRANSLATE_NOOP("errors", "This customer has no purchase this refund could reverse."),
    "not_open": QT_TRANSLATE_NOOP("errors", "This is already closed."),
    "resolution_required": QT_TRANSLATE_NOOP("errors", "Write how it was resolved."),
    "interaction_not_found": QT_TRANSLATE_NOOP("errors", "This entry no longer exists."),
    # Several tills: a customer saved at another till while this one's form was open
    "customer_changed_moment": QT_TRANSLATE_NOOP(
        "errors", "Changed at {till} a moment ago: reopen the customer to see the change and edit again."),
    "customer_changed_minute": QT_TRANSLATE_NOOP(
        "errors", "Changed at {till} a minute ago: reopen the customer to see the change and edit again."),
    "customer_changed_minutes": QT_TRANSLATE_NOOP(
        "errors", "Changed at {till} {minutes} minutes ago: reopen the customer to see the change and edit again."),
    "customer_changed_long": QT_TRANSLATE_NOOP(
        "errors", "Changed at {till} more than an hour ago: reopen the customer to see the change and edit again."),
    "customer_changed": QT_TRANSLATE_NOOP(
        "errors", "Someone else changed this customer meanwhile: reopen the customer to see the change and edit again."),
    # Loyalty
    "loyalty_kind_invalid": QT_TRANSLATE_NOOP("errors", "A program gives either points or stamps."),
    "loyalty_kind_locked": QT_TRANSLATE_NOOP(
        "errors", "This program already has a ledger; it cannot change from points to stamps or back."),
    "loyalty_rate_invalid": QT_TRANSLATE_NOOP(
        "errors", "The earning rate must be at least 1 point for an amount above zero."),
    "loyalty_choice_invalid": QT_TRANSLATE_NOOP("errors", "Pick one of the options."),
    "loyalty_number_invalid": QT_TRANSLATE_NOOP("errors", "Enter a whole number from {low} to {high}."),
    "loyalty_tier_name": QT_TRANSLATE_NOOP("errors", "Every tier needs a name."),
    "loyalty_multiplier_invalid": QT_TRANSLATE_NOOP(
        "errors", "A tier's multiplier is a percentage from 1 to 1000 (100 = normal points)."),
    "loyalty_tier_duplicate": QT_TRANSLATE_NOOP("errors", "Two tiers have the same name or the same threshold."),
    "loyalty_not_enough": QT_TRANSLATE_NOOP("errors", "Not enough points: {available} available, {wanted} needed."),
    "reward_not_found": QT_TRANSLATE_NOOP("errors", "This reward no longer exists."),
    "reward_name_required": QT_TRANSLATE_NOOP("errors", "Every reward needs a name."),
    "reward_cost_invalid": QT_TRANSLATE_NOOP("errors", "The cost of “{name}” must be a whole number of at least 1."),
    "stamps_need_reward": QT_TRANSLATE_NOOP(
        "errors", "A stamp card needs a reward: say what a full card is worth (for example, 10 stamps)."),
    "program_not_found": QT_TRANSLATE_NOOP("errors", "This loyalty program no longer exists."),
    "reason_required": QT_TRANSLATE_NOOP("errors", "Write the reason for this adjustment."),
    "adjust_points_invalid": QT_TRANSLATE_NOOP(
        "errors", "Enter the points to add (for example 50) or to remove (for example -50)."),
    "adjust_needs_owner": QT_TRANSLATE_NOOP(
        "errors", "Adjustments of more than {limit} points need the owner's approval."),
    # Cadence
    "days_invalid": QT_TRANSLATE_NOOP("errors", "The number of days must be from 1 to 31."),
    "number_out_of_range": QT_TRANSLATE_NOOP("errors", "Enter a whole number from {low} to {high}."),
    "channel_invalid": QT_TRANSLATE_NOOP(
        "errors", "Pick e-mail, WhatsApp or a staff task (the signup confirmation is a message, not a task)."),
    "window_invalid": QT_TRANSLATE_NOOP("errors", "The send window must start before it ends, between 0 and 24 h."),
    "weekdays_invalid": QT_TRANSLATE_NOOP("errors", "Pick at least one day of the week the shop is open."),
    "placeholder_unknown": QT_TRANSLATE_NOOP(
        "errors", "“{{{{ {name} }}}}” is not a placeholder Régua knows. Use one from the list."),
    "placeholder_broken": QT_TRANSLATE_NOOP("errors", "A placeholder is not closed: write it as {{{{ first_name }}}}."),
    "occasion_not_waiting": QT_TRANSLATE_NOOP(
        "errors", "This message was already sent, done, skipped or expired; nothing was changed."),
    "occasion_not_reachable": QT_TRANSLATE_NOOP(
        "errors", "This customer can no longer be reached this way (no consent, or no phone or e-mail)."),
    "coupon_not_found": QT_TRANSLATE_NOOP("errors", "No gift has the code “{code}”. Check the letters and try again."),
    "coupon_used": QT_TRANSLATE_NOOP("errors", "The gift {code} was already used on {date}."),
    "coupon_expired": QT_TRANSLATE_NOOP("errors", "The gift {code} could be used until {date}; it has expired."),
    "coupon_other_customer": QT_TRANSLATE_NOOP("errors", "The gift {code} belongs to another customer ({name})."),
    "colour_invalid": QT_TRANSLATE_NOOP("errors", "Pick a colour (written as #RRGGBB, for example #7a3e65)."),
    "logo_too_big": QT_TRANSLATE_NOOP("errors", "The logo is too big for an e-mail (at most {kb} KB). Save a smaller copy."),
    "logo_not_image": QT_TRANSLATE_NOOP("errors", "The logo must be a PNG or JPEG picture."),
    "campaign_nobody": QT_TRANSLATE_NOOP(
        "errors", "None of these customers agreed to receive e-mails, so the message would reach nobody."),
    "outcome_required": QT_TRANSLATE_NOOP("errors", "Write what came of it (for example: will come on Saturday)."),
    # Mail
    "header_line_break": QT_TRANSLATE_NOOP("errors", "A subject or name cannot contain line breaks."),
    "smtp_host_invalid": QT_TRANSLATE_NOOP("errors", "Enter the mail server's name, for example smtp.gmail.com."),
    "smtp_security_invalid": QT_TRANSLATE_NOOP("errors", "Pick STARTTLS (port 587) or SSL (port 465)."),
    "smtp_not_set_up": QT_TRANSLATE_NOOP("errors", "The shop's mail account is not set up yet (Shop → Mail account)."),
    "smtp_no_password": QT_TRANSLATE_NOOP(
        "errors", "The mail password is not in the keyring. Enter it again in Shop → Mail account."),
    "smtp_no_starttls": QT_TRANSLATE_NOOP(
        "errors", "The server {host} does not offer an encrypted connection (STARTTLS). Régua will not send the "
                  "password without one; check the port (587) or choose SSL on port 465."),
    "smtp_certificate": QT_TRANSLATE_NOOP(
        "errors", "The server {host} showed a certificate that cannot be trusted ({reason}). Nothing was sent; "
                  "check the server name. On a public Wi-Fi, someone may be listening."),
    "smtp_cert_self_signed": QT_TRANSLATE_NOOP(
        "errors", "The server {host} showed a certificate it made for itself, which anyone can make, so Régua "
                  "cannot tell it is really your mail server. Nothing was sent; check the server name. On a public "
                  "Wi-Fi, someone may be listening."),
    "smtp_cert_expired": QT_TRANSLATE_NOOP(
        "errors", "The certificate of the server {host} is out of date (expired, or not valid yet). Nothing was "
                  "sent. Check that this computer's date and time are right; if they are, the mail provider must "
                  "renew its certificate."),
    "smtp_cert_wrong_host": QT_TRANSLATE_NOOP(
        "errors", "The server at {host} showed a certificate for another name, so it may not be your mail server. "
                  "Nothing was sent; check the server name your mail provider gives (for example smtp.gmail.com)."),
    "smtp_cert_unknown_authority": QT_TRANSLATE_NOOP(
        "errors", "The server {host} showed a certificate from an authority this computer does not know. Nothing "
                  "was sent; check the server name. On a company network, ask for the company's certificate to be "
                  "installed on this computer."),
    "smtp_tls_failed": QT_TRANSLATE_NOOP(
        "errors", "The encrypted connection to {host}:{port} failed. Check the port and the security setting."),
    "smtp_auth_refused": QT_TRANSLATE_NOOP(
        "errors", "The server refused the user name or password. Gmail and Outlook need an app password, "
                  "not the usual one. ({reply})"),
    "smtp_auth_unsupported": QT_TRANSLATE_NOOP("errors", "The server {host} does not accept a password login."),
    "smtp_refused": QT_TRANSLATE_NOOP("errors", "The mail server said: {reply}"),
    "smtp_disconnected": QT_TRANSLATE_NOOP("errors", "The server {host} closed the connection. Try again later."),
    "smtp_host_unknown": QT_TRANSLATE_NOOP(
        "errors", "The server {host} cannot be found. Check its name and the internet connection."),
    "smtp_timeout": QT_TRANSLATE_NOOP(
        "errors", "The server {host}:{port} did not answer in time. Check the internet connection and the port."),
    "smtp_unreachable": QT_TRANSLATE_NOOP(
        "errors", "The server {host}:{port} cannot be reached. Check the internet connection and the port."),
    "smtp_paused": QT_TRANSLATE_NOOP(
        "errors", "The mail server stopped accepting messages (quota or policy). Sending is paused."),
    "smtp_try_later": QT_TRANSLATE_NOOP(
        "errors", "The mail server {host} is busy for now ({reply}). Nothing was lost: Régua tries again later."),
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "errors", "This computer has no safe place for passwords (keyring: {backend}). Régua will not write the "
                  "password anywhere else; you can type it once per session instead."),
    "keyring_failed": QT_TRANSLATE_NOOP(
        "errors", "The computer's keyring did not answer ({reason}); it may be locked. Unlock it and try again."),
    "work_process_stopped": QT_TRANSLATE_NOOP(
        "errors", "Régua's background work stopped before it finished, and nothing of it was saved. Try again."),
    # Files
    "file_unreadable": QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read: {reason}"),
    "file_too_big": QT_TRANSLATE_NOOP("errors", "The file {name} is too big to import (more than {mb} MB)."),
    "file_empty": QT_TRANSLATE_NOOP("errors", "The file {name} has no data."),
    "file_damaged": QT_TRANSLATE_NOOP(
        "errors", "The file {name} is damaged or is not a spreadsheet Régua can read (xlsx, xls, ods or csv)."),
    "file_password": QT_TRANSLATE_NOOP(
        "errors", "The file {name} is protected by a password. Save a copy without the password and import that."),
    "file_too_many_rows": QT_TRANSLATE_NOOP("errors", "The file {name} has more than {max} rows."),
    "sheet_not_found": QT_TRANSLATE_NOOP("errors", "There is no sheet called {sheet} in {name}."),
    "no_name_column": QT_TRANSLATE_NOOP("errors", "No column holds the customers' names; pick it in the mapping."),
    "import_undo_blocked": QT_TRANSLATE_NOOP(
        "errors", "This import cannot be undone: {count} of its customers changed since ({names})."),
    "import_already_undone": QT_TRANSLATE_NOOP("errors", "This import was already undone."),
    "import_not_found": QT_TRANSLATE_NOOP("errors", "There is no such import."),
    "export_format": QT_TRANSLATE_NOOP("errors", "Export to a file ending in .xlsx or .csv."),
    "export_failed": QT_TRANSLATE_NOOP("errors", "The export could not be written to {path}: {reason}"),
    "consent_unclear": QT_TRANSLATE_NOOP("errors", "Not a yes or a no; no consent recorded."),
    "consent_without_email": QT_TRANSLATE_NOOP(
        "errors", "Accepts e-mails, but there is no e-mail address: no consent recorded."),
    "consent_without_phone": QT_TRANSLATE_NOOP(
        "errors", "Accepts WhatsApp, but there is no phone number: no consent recorded."),
    "opt_out_kept": QT_TRANSLATE_NOOP("errors", "This customer had opted out; the opt-out is kept."),
    "erased_customer": QT_TRANSLATE_NOOP(
        "errors", "This person asked to be erased; the row is skipped and nothing about them is imported."),
    "duplicate_in_file": QT_TRANSLATE_NOOP("errors", "Same customer as row {row}; merged into it."),
    "phone_letters": QT_TRANSLATE_NOOP(
        "errors", "A phone number cannot contain letters; write it with digits only."),
    "totals_row": QT_TRANSLATE_NOOP("errors", "A totals line, not a customer: skipped."),
    "possible_duplicate": QT_TRANSLATE_NOOP(
        "errors", "Possible duplicate: same {key} as {name}, already in Régua, but another name. Imported as a new "
                  "customer unless you say it is the same person."),
    "possible_duplicate_same": QT_TRANSLATE_NOOP(
        "errors", "Same {key} as {name}, already in Régua, with another name: you said it is the same person, "
                  "so {name} is updated."),
    "same_key_other_name": QT_TRANSLATE_NOOP(
        "errors", "Same {key} as row {row}, but another name: imported as a separate customer."),
    "row_wrong_delimiter": QT_TRANSLATE_NOOP(
        "errors", "This row is separated by “{other}” instead of “{delimiter}” like the rest of the file; it was "
                  "not imported. Fix it in the file and import it again."),
    "row_too_long": QT_TRANSLATE_NOOP(
        "errors", "This row is longer than {max} characters, too long to be a customer; it was not imported."),
    "row_damaged": QT_TRANSLATE_NOOP(
        "errors", "This row cannot be read (a quote is not closed or a cell is too long); it was not imported."),
    "row_control_chars": QT_TRANSLATE_NOOP(
        "errors", "This row held control characters (such as NUL or ESC); they were removed."),
    "file_too_many_cells": QT_TRANSLATE_NOOP(
        "errors", "The file {name} has more than {max} cells (rows × columns). Delete the columns Régua does not "
                  "need, or split the list, and import again."),
    "key_phone": QT_TRANSLATE_NOOP("errors", "phone"),
    "key_email": QT_TRANSLATE_NOOP("errors", "e-mail"),
    "key_tax_id": QT_TRANSLATE_NOOP("errors", "tax id"),
    "key_card_code": QT_TRANSLATE_NOOP("errors", "card code"),
    # Not found
    "customer_not_found": QT_TRANSLATE_NOOP("errors", "No customer matches “{ref}”."),
    # Database
    "db_too_new": QT_TRANSLATE_NOOP(
        "errors",
        "This database was made by a newer version of Régua (schema {found}, this version knows {known}). "
        "Install the newer version to open it; nothing was changed.",
    ),
    "db_corrupt": QT_TRANSLATE_NOOP(
        "errors", "The file {path} is not a Régua database or is damaged. Restore a backup; nothing was changed."
    ),
    "db_unreadable": QT_TRANSLATE_NOOP("errors", "The database {path} cannot be opened: {reason}"),
    "db_not_found": QT_TRANSLATE_NOOP("errors", "There is no database at {path}."),
    "db_busy": QT_TRANSLATE_NOOP("errors", "The database is busy in another program. Try again in a moment."),
    "db_engine_not_supported": QT_TRANSLATE_NOOP(
        "errors", "{engine} databases are not supported yet ({target}). Use a database file: a path, or "
                  "sqlite:///path."),
    "db_server_down": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {path} does not answer ({reason}). Check that it is on and that this computer "
                  "is on the shop's network; nothing was changed."),
    # A COMMIT the server went away during: it may or may not have been saved, so it is never repeated by itself.
    "db_server_lost_commit": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {path} went away while saving ({reason}): check whether it was saved before "
                  "trying again."),
    "db_server_password": QT_TRANSLATE_NOOP(
        "errors", "The server {path} refused the user name or the password. Check them and try again; nothing was "
                  "changed."),
    "db_server_no_password": QT_TRANSLATE_NOOP(
        "errors", "The server {path} asks for a password and none is stored for it on this computer: connect from "
                  "the first-run screen, or run “regua server-password set URL”."),
    "db_server_certificate": QT_TRANSLATE_NOOP(
        "errors", "Régua could not make a secure connection to the server {path}: its certificate could not be "
                  "checked ({reason}). Ask whoever set up the server for its certificate; nothing was changed."),
    "server_password_in_url": QT_TRANSLATE_NOOP(
        "errors", "Give the server's URL without its password; Régua asks for the password and keeps it in the "
                  "keyring."),
    "server_password_empty": QT_TRANSLATE_NOOP("errors", "The password is empty; nothing was stored."),
    "not_on_server": QT_TRANSLATE_NOOP(
        "errors", "This shop is on the server {path}, where every till works: a copy is restored onto it from the "
                  "command line (“regua --db URL restore FILE”), not from a till's window. Nothing was changed."),
    "backup_folder_missing": QT_TRANSLATE_NOOP("errors", "The folder {path} does not exist."),
    "backup_onto_live": QT_TRANSLATE_NOOP("errors", "That is the shop's live database; pick another file."),
    "restore_damaged": QT_TRANSLATE_NOOP(
        "errors", "The copy {path} is damaged ({reason}); nothing was restored. Pick an older copy."),
    "restore_failed": QT_TRANSLATE_NOOP("errors", "The restore could not be done ({reason}); nothing was changed."),
    "move_target_has_shop": QT_TRANSLATE_NOOP(
        "errors", "{target} already holds a shop ({customers} customers): a shop is only moved into an empty "
                  "database. Nothing was changed."),
    "move_target_not_empty": QT_TRANSLATE_NOOP(
        "errors", "{target} is not empty ({tables} tables that are not this version's shop): a shop is only moved "
                  "into an empty database. Nothing was changed."),
    "move_not_a_shop": QT_TRANSLATE_NOOP("errors", "There is no Régua shop at {source} to move."),
    "move_onto_source": QT_TRANSLATE_NOOP("errors", "The shop cannot be moved onto itself: name another database."),
    "move_failed": QT_TRANSLATE_NOOP(
        "errors", "The move failed while copying {table} ({reason}); the target was left empty and the shop "
                  "is unchanged."),
    "move_check_failed": QT_TRANSLATE_NOOP(
        "errors", "The copy of {table} did not match the shop ({source} rows, {target} copied); the target was "
                  "left empty and the shop is unchanged."),
    "restore_not_a_shop": QT_TRANSLATE_NOOP(
        "errors", "The file {path} is not a copy of a Régua shop (“{what}” is missing or different); nothing was "
                  "restored."),
    "restore_shop_open": QT_TRANSLATE_NOOP(
        "errors", "This shop is open in another Régua (process {pid}); close it, then restore. Nothing was changed."),
    "db_on_cloud_folder": QT_TRANSLATE_NOOP(
        "errors", "The database {path} is in a folder that syncs to the cloud (OneDrive, Google Drive, Dropbox...). "
                  "Sync tools copy it while Régua writes and can damage it. Keep it in a normal folder; the "
                  "backups can go to the synced folder (File → Backups)."),
    "db_on_network": QT_TRANSLATE_NOOP(
        "errors", "The database {path} is on a network drive, where a dropped connection can damage it. Keep it "
                  "on this computer's own disk."),
    "scheduler_failed": QT_TRANSLATE_NOOP(
        "errors", "The system's scheduler did not take the job ({reason}). Sending still happens while Régua is open."),
    "backup_failed": QT_TRANSLATE_NOOP("errors", "The backup could not be written to {path}: {reason}"),
}


# The shop's server went away (issue 20, faults): the window says so in its one line and keeps trying.
SERVER_DOWN = "db_server_down"
SERVER_FAULTS = frozenset({SERVER_DOWN, "db_server_lost_commit"})


class ReguaError(Exception):
    """An error the user can cause or fix. Shown translated; it changed nothing."""

    code = "error"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(self.message())

    @property
    def template(self) -> str:
        return MESSAGES.get(self.code, self.code)

    def message(self, template: str | None = None) -> str:
        """The message with its parameters filled in; `template` may be a translation of it."""
        text = template if template is not None else self.template
        try:
            return text.format(**{k: str(v) for k, v in self.params.items()})
        except (KeyError, IndexError, ValueError):
            return text


class ValidationError(ReguaError):
    """A value the user typed is not acceptable. `field` names the form field it belongs to."""

    def __init__(self, field: str, code: str, /, **params: object) -> None:
        self.field = field
        super().__init__(code, **params)


class NotFound(ReguaError):
    pass


class ChangedElsewhere(ReguaError):
    """A record was saved by someone else after the form showing it was filled: nothing was written."""

    @classmethod
    def since(cls, till: str, changed_at: datetime, now: datetime) -> ChangedElsewhere:
        """Where (`till`, '' when unknown) and how long before `now` it was changed (both naive UTC)."""
        if not till:
            return cls("customer_changed")
        minutes = max(int((now - changed_at).total_seconds() // 60), 0)
        if minutes < 1:
            return cls("customer_changed_moment", till=till)
        if minutes == 1:
            return cls("customer_changed_minute", till=till)
        if minutes < 60:
            return cls("customer_changed_minutes", till=till, minutes=minutes)
        return cls("customer_changed_long", till=till)


class DatabaseError(ReguaError):
    """The database file cannot be used as it is (too new, damaged, unreadable)."""

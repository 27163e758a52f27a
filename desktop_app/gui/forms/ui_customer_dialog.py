# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.9.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CustomerDialog(object):
    def setupUi(self, CustomerDialog):
        if not CustomerDialog.objectName():
            CustomerDialog.setObjectName(u"CustomerDialog")
        CustomerDialog.resize(560, 440)
        self.main_layout = QVBoxLayout(CustomerDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QGridLayout()
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(4)
        self.name_label = QLabel(CustomerDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.addWidget(self.name_label, 0, 0, 1, 1)

        self.name = QLineEdit(CustomerDialog)
        self.name.setObjectName(u"name")

        self.form.addWidget(self.name, 0, 1, 1, 1)

        self.name_error = QLabel(CustomerDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setVisible(False)
        self.name_error.setWordWrap(True)
        self.name_error.setText(u"")

        self.form.addWidget(self.name_error, 1, 1, 1, 1)

        self.email_label = QLabel(CustomerDialog)
        self.email_label.setObjectName(u"email_label")

        self.form.addWidget(self.email_label, 2, 0, 1, 1)

        self.email = QLineEdit(CustomerDialog)
        self.email.setObjectName(u"email")

        self.form.addWidget(self.email, 2, 1, 1, 1)

        self.email_error = QLabel(CustomerDialog)
        self.email_error.setObjectName(u"email_error")
        self.email_error.setVisible(False)
        self.email_error.setWordWrap(True)
        self.email_error.setText(u"")

        self.form.addWidget(self.email_error, 3, 1, 1, 1)

        self.phone_label = QLabel(CustomerDialog)
        self.phone_label.setObjectName(u"phone_label")

        self.form.addWidget(self.phone_label, 4, 0, 1, 1)

        self.phone = QLineEdit(CustomerDialog)
        self.phone.setObjectName(u"phone")

        self.form.addWidget(self.phone, 4, 1, 1, 1)

        self.phone_error = QLabel(CustomerDialog)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setVisible(False)
        self.phone_error.setWordWrap(True)
        self.phone_error.setText(u"")

        self.form.addWidget(self.phone_error, 5, 1, 1, 1)

        self.birthday_label = QLabel(CustomerDialog)
        self.birthday_label.setObjectName(u"birthday_label")

        self.form.addWidget(self.birthday_label, 6, 0, 1, 1)

        self.birthday = QLineEdit(CustomerDialog)
        self.birthday.setObjectName(u"birthday")

        self.form.addWidget(self.birthday, 6, 1, 1, 1)

        self.birthday_error = QLabel(CustomerDialog)
        self.birthday_error.setObjectName(u"birthday_error")
        self.birthday_error.setVisible(False)
        self.birthday_error.setWordWrap(True)
        self.birthday_error.setText(u"")

        self.form.addWidget(self.birthday_error, 7, 1, 1, 1)

        self.city_label = QLabel(CustomerDialog)
        self.city_label.setObjectName(u"city_label")

        self.form.addWidget(self.city_label, 8, 0, 1, 1)

        self.city = QLineEdit(CustomerDialog)
        self.city.setObjectName(u"city")

        self.form.addWidget(self.city, 8, 1, 1, 1)

        self.city_error = QLabel(CustomerDialog)
        self.city_error.setObjectName(u"city_error")
        self.city_error.setVisible(False)
        self.city_error.setWordWrap(True)
        self.city_error.setText(u"")

        self.form.addWidget(self.city_error, 9, 1, 1, 1)

        self.tax_id_label = QLabel(CustomerDialog)
        self.tax_id_label.setObjectName(u"tax_id_label")

        self.form.addWidget(self.tax_id_label, 10, 0, 1, 1)

        self.tax_id = QLineEdit(CustomerDialog)
        self.tax_id.setObjectName(u"tax_id")

        self.form.addWidget(self.tax_id, 10, 1, 1, 1)

        self.tax_id_error = QLabel(CustomerDialog)
        self.tax_id_error.setObjectName(u"tax_id_error")
        self.tax_id_error.setVisible(False)
        self.tax_id_error.setWordWrap(True)
        self.tax_id_error.setText(u"")

        self.form.addWidget(self.tax_id_error, 11, 1, 1, 1)

        self.card_code_label = QLabel(CustomerDialog)
        self.card_code_label.setObjectName(u"card_code_label")

        self.form.addWidget(self.card_code_label, 12, 0, 1, 1)

        self.card_code = QLineEdit(CustomerDialog)
        self.card_code.setObjectName(u"card_code")

        self.form.addWidget(self.card_code, 12, 1, 1, 1)

        self.card_code_error = QLabel(CustomerDialog)
        self.card_code_error.setObjectName(u"card_code_error")
        self.card_code_error.setVisible(False)
        self.card_code_error.setWordWrap(True)
        self.card_code_error.setText(u"")

        self.form.addWidget(self.card_code_error, 13, 1, 1, 1)

        self.tags_label = QLabel(CustomerDialog)
        self.tags_label.setObjectName(u"tags_label")

        self.form.addWidget(self.tags_label, 14, 0, 1, 1)

        self.tags = QLineEdit(CustomerDialog)
        self.tags.setObjectName(u"tags")

        self.form.addWidget(self.tags, 14, 1, 1, 1)

        self.tags_error = QLabel(CustomerDialog)
        self.tags_error.setObjectName(u"tags_error")
        self.tags_error.setVisible(False)
        self.tags_error.setWordWrap(True)
        self.tags_error.setText(u"")

        self.form.addWidget(self.tags_error, 15, 1, 1, 1)

        self.consent_label = QLabel(CustomerDialog)
        self.consent_label.setObjectName(u"consent_label")

        self.form.addWidget(self.consent_label, 16, 0, 1, 1)

        self.consent_row = QHBoxLayout()
        self.consent_row.setObjectName(u"consent_row")
        self.consent_email = QCheckBox(CustomerDialog)
        self.consent_email.setObjectName(u"consent_email")

        self.consent_row.addWidget(self.consent_email)

        self.consent_whatsapp = QCheckBox(CustomerDialog)
        self.consent_whatsapp.setObjectName(u"consent_whatsapp")

        self.consent_row.addWidget(self.consent_whatsapp)

        self.consent_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.consent_row.addItem(self.consent_spacer)


        self.form.addLayout(self.consent_row, 16, 1, 1, 1)

        self.consent_email_error = QLabel(CustomerDialog)
        self.consent_email_error.setObjectName(u"consent_email_error")
        self.consent_email_error.setVisible(False)
        self.consent_email_error.setWordWrap(True)
        self.consent_email_error.setText(u"")

        self.form.addWidget(self.consent_email_error, 17, 1, 1, 1)

        self.notes_label = QLabel(CustomerDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.addWidget(self.notes_label, 18, 0, 1, 1)

        self.notes = QPlainTextEdit(CustomerDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 90))

        self.form.addWidget(self.notes, 18, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.duplicates = QLabel(CustomerDialog)
        self.duplicates.setObjectName(u"duplicates")
        self.duplicates.setVisible(False)
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicates.setText(u"")

        self.main_layout.addWidget(self.duplicates)

        self.buttons = QDialogButtonBox(CustomerDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.email_label.setBuddy(self.email)
        self.phone_label.setBuddy(self.phone)
        self.birthday_label.setBuddy(self.birthday)
        self.city_label.setBuddy(self.city)
        self.tax_id_label.setBuddy(self.tax_id)
        self.card_code_label.setBuddy(self.card_code)
        self.tags_label.setBuddy(self.tags)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.email)
        QWidget.setTabOrder(self.email, self.phone)
        QWidget.setTabOrder(self.phone, self.birthday)
        QWidget.setTabOrder(self.birthday, self.city)
        QWidget.setTabOrder(self.city, self.tax_id)
        QWidget.setTabOrder(self.tax_id, self.card_code)
        QWidget.setTabOrder(self.card_code, self.tags)
        QWidget.setTabOrder(self.tags, self.consent_email)
        QWidget.setTabOrder(self.consent_email, self.consent_whatsapp)
        QWidget.setTabOrder(self.consent_whatsapp, self.notes)

        self.retranslateUi(CustomerDialog)

        QMetaObject.connectSlotsByName(CustomerDialog)
    # setupUi

    def retranslateUi(self, CustomerDialog):
        CustomerDialog.setWindowTitle(QCoreApplication.translate("CustomerDialog", u"Customer", None))
        self.name_label.setText(QCoreApplication.translate("CustomerDialog", u"Name", None))
        self.name.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"Full name", None))
        self.email_label.setText(QCoreApplication.translate("CustomerDialog", u"E-mail", None))
        self.email.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"name@example.com", None))
        self.phone_label.setText(QCoreApplication.translate("CustomerDialog", u"Phone / WhatsApp", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"(11) 98765-4321", None))
        self.birthday_label.setText(QCoreApplication.translate("CustomerDialog", u"Birthday", None))
        self.birthday.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"day/month, year optional: 15/03 or 15/03/1990", None))
        self.city_label.setText(QCoreApplication.translate("CustomerDialog", u"City", None))
        self.tax_id_label.setText(QCoreApplication.translate("CustomerDialog", u"Tax id (CPF / NIF)", None))
        self.card_code_label.setText(QCoreApplication.translate("CustomerDialog", u"Card code", None))
        self.card_code.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"scan or type the loyalty card", None))
        self.tags_label.setText(QCoreApplication.translate("CustomerDialog", u"Tags", None))
        self.tags.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"separated by commas: vip, noivas", None))
        self.consent_label.setText(QCoreApplication.translate("CustomerDialog", u"May we contact?", None))
        self.consent_email.setText(QCoreApplication.translate("CustomerDialog", u"By e-mail", None))
        self.consent_whatsapp.setText(QCoreApplication.translate("CustomerDialog", u"By WhatsApp", None))
        self.notes_label.setText(QCoreApplication.translate("CustomerDialog", u"Notes", None))
    # retranslateUi


"""Régua, a desktop CRM for small shops."""

__version__ = "0.1.0"
APP_NAME = "Régua"

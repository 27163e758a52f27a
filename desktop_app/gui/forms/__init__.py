"""Generated from ui/*.ui by ui/build.py; do not edit."""

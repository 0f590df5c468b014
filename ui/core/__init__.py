"""ui/core: the shell: main window, login, home, settings and what every screen shares."""

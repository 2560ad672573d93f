from tilint.cli import run

run()

import sys

from lsp_server.server import main

sys.exit(main())

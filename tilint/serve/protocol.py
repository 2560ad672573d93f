"""uvicorn's HTTP/1.1 protocol, answering clients that half-close.

Emacs' langtool.el sends its request and then closes its sending side (EOF), waiting for
the answer on the other. uvicorn closes the whole connection on EOF, so such a client
gets nothing. Here an EOF during a request keeps the connection open until the answer is
written, then closes it; an EOF between requests closes as before.
"""

from __future__ import annotations

from uvicorn.protocols.http.h11_impl import H11Protocol


class HalfCloseH11Protocol(H11Protocol):
    _client_done = False

    def eof_received(self) -> bool | None:  # type: ignore[override]
        if self.cycle is not None and not self.cycle.response_complete:
            self._client_done = True
            return True  # keep our side open to send the answer
        return None

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._client_done:
            self.transport.close()

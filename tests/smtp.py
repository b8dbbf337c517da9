"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives, for mail tests."""

import os
import socket

from aiosmtpd.controller import Controller

# Engineers running tests side by side give each run its own range: TEST_SMTP_PORTS=8190-8194.
_FIRST, _LAST = (int(p) for p in os.environ.get("TEST_SMTP_PORTS", "8150-8159").split("-"))
SMTP_PORTS = range(_FIRST, _LAST + 1)


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages(self):
        from email import message_from_bytes, policy

        return [message_from_bytes(env.content, policy=policy.default) for env in self.envelopes]


def _free_port() -> int:
    for port in SMTP_PORTS:
        with socket.socket() as probe:
            # As asyncio's server does: a port whose old connections linger in TIME_WAIT is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(
        f"no free port in {_FIRST}-{_LAST} for the test SMTP server: set TEST_SMTP_PORTS"
    )


class SmtpServer:
    """A real SMTP server on 127.0.0.1 that a test can stop and start again on the same port."""

    def __init__(self):
        self.inbox = Inbox()
        self.port = _free_port()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

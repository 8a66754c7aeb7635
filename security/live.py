"""Sending a message to a channel-layer group (Redis across processes) from synchronous code,
whatever thread it runs on. Feature apps put their own messages through this."""

import asyncio
import threading

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def group_send(group: str, message: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        async_to_sync(layer.group_send)(group, message)
        return
    # Called from a thread that runs an event loop of its own: async_to_sync refuses to run
    # there, so the send happens on a short-lived thread instead.
    worker = threading.Thread(target=async_to_sync(layer.group_send), args=(group, message))
    worker.start()
    worker.join(timeout=10)

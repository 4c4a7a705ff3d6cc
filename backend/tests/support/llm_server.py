"""An OpenAI-compatible chat-completions server on loopback, for the AI tests.

The real openai / any-llm client code talks to it over HTTP. ``mode`` makes it
answer normally or fail the ways real providers fail.
"""

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODES = ("ok", "slow", "timeout", "429", "500", "malformed", "no_usage", "empty")


class LLMServer:
    def __init__(self):
        self.mode = "ok"
        self.reply = "A generated answer."
        self.delay = 0.0
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def calls(self) -> int:
        with self._lock:
            return len(self.requests)

    def start(self) -> "LLMServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _record(self, body: dict) -> None:
        with self._lock:
            self.requests.append(body)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server._record(body)
                mode = server.mode
                if server.delay:
                    time.sleep(server.delay)
                if mode == "timeout":
                    time.sleep(6)
                if mode in ("429", "500"):
                    self._send(int(mode), {"error": {"message": "provider says no", "type": mode}})
                    return
                if mode == "malformed":
                    self._send_raw(200, b'{"choices": [ this is not json')
                    return
                self._send(200, server._completion(body, mode))

            def _send(self, status: int, payload: dict) -> None:
                self._send_raw(status, json.dumps(payload).encode())

            def _send_raw(self, status: int, raw: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(raw)  # the client may have given up (timeout mode)

        return Handler

    def _completion(self, body: dict, mode: str) -> dict:
        completion = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "test-model"),
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": "" if mode == "empty" else self.reply,
                    },
                    "finish_reason": "stop",
                }
            ],
        }
        if mode != "no_usage":
            completion["usage"] = {
                "prompt_tokens": 120,
                "completion_tokens": 30,
                "total_tokens": 150,
            }
        return completion

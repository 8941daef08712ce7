// The WebSocket client of /ws/live (docs/API.md): snapshot, then deltas in sequence; a gap asks
// for a resync; a lost connection is retried with exponential backoff and jitter.
const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30000;
const PING_MS = 20000;

/** Keeps one socket to /ws/live on a channel and hands every snapshot and delta to the handlers. */
export class LiveClient {
    /** handlers: {snapshot(msg), delta(delta), state(name, detail)}. */
    constructor(handlers, channel = "city") {
        this.handlers = handlers;
        this.channel = channel;
        this.lastSeq = null;
        this.awaitingSnapshot = true;
        this.backoff = MIN_BACKOFF_MS;
        this.retryAt = null;
        this.socket = null;
        this.closed = false;
    }

    start() {
        this.closed = false;
        this.open();
    }

    stop() {
        this.closed = true;
        clearTimeout(this.retryTimer);
        clearInterval(this.pingTimer);
        if (this.socket) this.socket.close();
    }

    /** Switches channel on the open socket (answered by "subscribed" and a snapshot). */
    subscribe(channel) {
        this.channel = channel;
        this.awaitingSnapshot = true;
        this.send({ type: "subscribe", channel });
    }

    send(message) {
        if (this.socket && this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify(message));
        }
    }

    open() {
        const scheme = location.protocol === "https:" ? "wss:" : "ws:";
        const socket = new WebSocket(scheme + "//" + location.host + "/ws/live?channel="
            + encodeURIComponent(this.channel));
        this.socket = socket;
        this.awaitingSnapshot = true;
        this.handlers.state("connecting");
        socket.onopen = () => {
            this.pingTimer = setInterval(() => this.send({ type: "ping" }), PING_MS);
        };
        socket.onmessage = (event) => this.receive(JSON.parse(event.data));
        socket.onclose = () => {
            clearInterval(this.pingTimer);
            if (this.socket !== socket || this.closed) return;
            this.retry();
        };
    }

    retry() {
        const wait = Math.min(this.backoff, MAX_BACKOFF_MS) * (0.8 + Math.random() * 0.4);
        this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
        this.retryAt = Date.now() + wait;
        this.handlers.state("lost", { retryAt: this.retryAt });
        this.retryTimer = setTimeout(() => this.open(), wait);
    }

    receive(message) {
        switch (message.type) {
            case "snapshot":
                if (message.channel !== this.channel) return;
                this.lastSeq = message.seq;
                this.awaitingSnapshot = false;
                this.backoff = MIN_BACKOFF_MS;
                this.handlers.snapshot(message);
                this.handlers.state("live");
                break;
            case "delta":
                if (this.accept(message.channel, message.seq, message.seq)) this.handlers.delta(message);
                break;
            case "batch":
                if (this.accept(message.channel, message.fromSeq, message.seq)) {
                    for (const delta of message.deltas) this.handlers.delta(delta);
                }
                break;
            case "error":
                this.handlers.state("error", { error: message.error });
                break;
            default:
                break;  // subscribed, pong
        }
    }

    // A delta or batch applies only right after lastSeq; anything else is a gap.
    accept(channel, fromSeq, toSeq) {
        if (channel !== this.channel || this.awaitingSnapshot) return false;
        if (fromSeq !== this.lastSeq + 1) {
            this.awaitingSnapshot = true;
            this.handlers.state("resync");
            this.send({ type: "resync" });
            return false;
        }
        this.lastSeq = toSeq;
        return true;
    }
}

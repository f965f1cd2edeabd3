"""Start and stop a real single-node Apache Kafka broker (KRaft mode) on 127.0.0.1.

Why: Kafka has no PyPI or Debian package, and only package registries are reachable here, so the
broker is assembled from Maven Central jars (deploy/kafka/pom.xml, fetched once with `mvn` into
~/.cache/muster/kafka-<version>/lib) and run with the machine's Java 17. Tests and the CLI use this
instead of a fake broker so that topic creation, transactions and consumer groups are the real ones.

Everything a broker needs lives in its data dir: server.properties, broker.json (ports and cluster
id, so a restart from the same dir reuses them), broker.pid, server.log (Log4j) and kafka.out (the
JVM's stdout/stderr). This module must not import faust: it runs before any app exists.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka.client import AIOKafkaClient

KAFKA_VERSION = "4.4.0"
DEPLOY_DIR = Path(__file__).resolve().parent.parent / "deploy" / "kafka"
MAX_MESSAGE_BYTES = 2 * 1024 * 1024  # ~1 MB values plus batch and header overhead
SCRAM_MECHANISMS = ("SCRAM-SHA-256", "SCRAM-SHA-512")
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}  # brokers started by this process, to reap


class BrokerStartError(RuntimeError):
    """The broker could not be set up, exited, or did not answer in time (message has its log)."""


@dataclass(frozen=True)
class BrokerHandle:
    """A running broker: where clients connect, and where its files and process are."""

    bootstrap: str
    port: int
    controller_port: int
    data_dir: Path
    pid: int
    kafka_version: str
    log_path: Path
    sasl_bootstrap: str | None = None  # the SCRAM listener, when started with one


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        # As the JVM binds: connections left in TIME_WAIT by a stopped broker do not count.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def ensure_kafka_jars(version: str = KAFKA_VERSION) -> Path:
    """Copy the broker's jars from Maven Central once; return the lib dir for `-cp '<lib>/*'`.

    The marker file is written only after a complete copy, so an interrupted download is redone;
    a file lock keeps parallel test workers from downloading twice.
    """
    root = Path(os.environ.get("MUSTER_KAFKA_CACHE") or Path.home() / ".cache" / "muster")
    home = root / f"kafka-{version}"
    lib, marker = home / "lib", home / "complete"
    if marker.exists():
        return lib
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if marker.exists():
            return lib
        mvn = shutil.which("mvn")
        if mvn is None:
            raise BrokerStartError("Maven (mvn) is needed once to fetch the Kafka jars")
        print(f"muster: fetching Kafka {version} jars into {lib} (first run only)", file=sys.stderr)
        started = time.monotonic()
        partial = home / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(lib, ignore_errors=True)
        cmd = [mvn, "-q", "-B", "-f", str(DEPLOY_DIR / "pom.xml"), f"-Dkafka.version={version}"]
        cmd += ["dependency:copy-dependencies", f"-DoutputDirectory={partial}"]
        cmd += ["-DincludeScope=runtime"]
        done = subprocess.run(cmd, check=False, capture_output=True, text=True)
        if done.returncode != 0:
            raise BrokerStartError(f"{' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")
        partial.rename(lib)
        marker.write_text(version + "\n")
        took = time.monotonic() - started
        print(f"muster: Kafka {version} jars ready ({took:.0f} s)", file=sys.stderr)
    return lib


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise BrokerStartError("Java 17+ is needed to run the Kafka broker (java not found)")
    return java


def _cluster_id() -> str:
    """A Kafka Uuid as StorageTool random-uuid prints it (22 chars, base64url, not '-'-led)."""
    while True:
        cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cid.startswith("-"):
            return cid


def _properties(
    data_dir: Path, port: int, controller_port: int, sasl_port: int | None, keystore: Path | None
) -> dict[str, str]:
    return _listeners(port, controller_port, sasl_port, keystore) | {
        "process.roles": "broker,controller",
        "node.id": "1",
        # Static quorum: the controller endpoint is read from here on every start, no --standalone.
        "controller.quorum.voters": f"1@127.0.0.1:{controller_port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,"
        "SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL",
        "log.dirs": str(data_dir / "logs"),
        "num.partitions": "1",
        "auto.create.topics.enable": "true",
        "group.initial.rebalance.delay.ms": "0",
        "message.max.bytes": str(MAX_MESSAGE_BYTES),
        "replica.fetch.max.bytes": str(MAX_MESSAGE_BYTES),
        # One node: internal topics get RF 1, and one partition each so they are created at once.
        # (There is no offsets.topic.min.isr: the offsets topic uses min.insync.replicas, 1.)
        "offsets.topic.replication.factor": "1",
        "offsets.topic.num.partitions": "1",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "transaction.state.log.num.partitions": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "share.coordinator.state.topic.num.partitions": "1",
    }


def _listeners(
    port: int, controller_port: int, sasl_port: int | None, keystore: Path | None
) -> dict[str, str]:
    """PLAINTEXT for clients and CONTROLLER for the quorum; with ``sasl_port``, also a client
    listener taking SCRAM logins, SASL_SSL when given a PEM ``keystore`` (key and certificate
    chain in one file), else SASL_PLAINTEXT. The broker itself stays on PLAINTEXT."""
    clients = [f"PLAINTEXT://127.0.0.1:{port}"]
    if sasl_port is None:
        sasl: dict[str, str] = {}
    else:
        protocol = "SASL_PLAINTEXT" if keystore is None else "SASL_SSL"
        clients.append(f"{protocol}://127.0.0.1:{sasl_port}")
        # The broker will not start a SASL listener without a server-side login module.
        scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;"
        sasl = {"sasl.enabled.mechanisms": ",".join(SCRAM_MECHANISMS)} | {
            f"listener.name.{protocol.lower()}.{mechanism.lower()}.sasl.jaas.config": scram
            for mechanism in SCRAM_MECHANISMS
        }
        if keystore is not None:
            sasl |= {"ssl.keystore.type": "PEM", "ssl.keystore.location": str(keystore)}
    return {
        "listeners": ",".join([*clients, f"CONTROLLER://127.0.0.1:{controller_port}"]),
        "advertised.listeners": ",".join(clients),
        **sasl,
    }


def _write_properties(path: Path, props: dict[str, str]) -> None:
    def escape(value: str) -> str:
        return value.replace("\\", "\\\\").replace("\n", "\\n")

    path.write_text("".join(f"{key}={escape(value)}\n" for key, value in props.items()))


def _alive(pid: int, data_dir: Path) -> bool:
    """Whether `pid` is still the broker of `data_dir` (not exited, not a zombie, not reused)."""
    child = _CHILDREN.get(pid)
    if child is not None:  # our own child: poll() also reaps it (its cmdline lags behind exec)
        return child.poll() is None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return str(data_dir / "server.properties").encode() in cmdline and state != "Z"


def _read_pid(data_dir: Path) -> int | None:
    try:
        return int((data_dir / "broker.pid").read_text())
    except (FileNotFoundError, ValueError):
        return None


async def _metadata_ok(bootstrap: str) -> bool:
    host, port = bootstrap.rsplit(":", 1)
    try:  # a closed port is the usual "not yet"; checked first so aiokafka does not log errors
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    try:
        await client.bootstrap()
        return bool(client.cluster.brokers())
    except Exception:  # any failure means "not ready yet"
        return False
    finally:
        await client.close()


def _answers(bootstrap: str) -> bool:
    """A metadata round trip, on a thread of its own so that callers inside a loop can use it."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _metadata_ok(bootstrap)).result()


def _handle(data_dir: Path, pid: int, state: dict[str, Any]) -> BrokerHandle:
    return BrokerHandle(
        bootstrap=f"127.0.0.1:{state['port']}",
        port=int(state["port"]),
        controller_port=int(state["controller_port"]),
        data_dir=data_dir,
        pid=pid,
        kafka_version=str(state["kafka_version"]),
        log_path=data_dir / "server.log",
        sasl_bootstrap=f"127.0.0.1:{state['sasl_port']}" if state.get("sasl_port") else None,
    )


def _load_state(data_dir: Path) -> dict[str, Any]:
    try:
        return json.loads((data_dir / "broker.json").read_text())
    except FileNotFoundError:
        return {}


def broker_status(data_dir: Path) -> BrokerHandle | None:
    """The handle of the broker running from `data_dir` if it answers metadata requests."""
    data_dir = Path(data_dir).resolve()
    pid, state = _read_pid(data_dir), _load_state(data_dir)
    if pid is None or not state or not _alive(pid, data_dir):
        return None
    handle = _handle(data_dir, pid, state)
    return handle if _answers(handle.bootstrap) else None


def _log_tail(data_dir: Path, lines: int = 40) -> str:
    parts = []
    for name in ("kafka.out", "server.log"):
        path = data_dir / name
        if path.exists():
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- last lines of {path} ---\n" + "\n".join(tail))
    return "\n".join(parts) or f"(no broker log in {data_dir})"


def start_broker(
    *,
    port: int = 9092,
    data_dir: Path,
    controller_port: int | None = None,
    timeout_s: float = 90,
    extra_properties: dict[str, str] | None = None,
    sasl_port: int | None = None,
    sasl_keystore: Path | None = None,
    scram_users: dict[str, str] | None = None,
) -> BrokerHandle:
    """Start a detached broker from `data_dir` (formatting it on first use) and wait until ready.

    A broker already running and answering from `data_dir` is returned as it is. The broker gets
    its own session, so it outlives the caller until stop_broker(). `extra_properties` add to or
    override server.properties. `sasl_port` adds a listener for SCRAM-SHA-256 and -512 logins,
    SASL_SSL with the PEM `sasl_keystore` or else SASL_PLAINTEXT; `scram_users` (name: password)
    can log in with either, but are only added when the data dir is formatted, i.e. on its first
    start: Kafka 4 adds them at format time, and the tool to add them later is not on this
    classpath.
    """
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / ".start.lock", "w") as lock:  # one starter at a time per data dir
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _start_locked(
            data_dir,
            port,
            controller_port,
            timeout_s,
            extra_properties or {},
            sasl_port,
            sasl_keystore,
            scram_users or {},
        )


def _start_locked(
    data_dir: Path,
    port: int,
    controller_port: int | None,
    timeout_s: float,
    extra_properties: dict[str, str],
    sasl_port: int | None,
    sasl_keystore: Path | None,
    scram_users: dict[str, str],
) -> BrokerHandle:
    pid = _read_pid(data_dir)
    if pid is not None and _alive(pid, data_dir):  # perhaps still starting: never start a second
        return _wait_ready(_handle(data_dir, pid, _load_state(data_dir)), timeout_s)
    if not _port_free(port):
        raise BrokerStartError(f"port {port} is taken by something other than {data_dir}'s broker")
    state = _load_state(data_dir)
    controller_port = controller_port or state.get("controller_port")
    if not controller_port:
        controller_port = port + 1 if _port_free(port + 1) else free_port()
    state.update(
        port=port, controller_port=controller_port, sasl_port=sasl_port, kafka_version=KAFKA_VERSION
    )
    state.setdefault("cluster_id", _cluster_id())
    (data_dir / "broker.json").write_text(json.dumps(state, indent=2) + "\n")

    lib, java = ensure_kafka_jars(KAFKA_VERSION), _java()
    props_path = data_dir / "server.properties"
    props = _properties(data_dir, port, controller_port, sasl_port, sasl_keystore)
    props |= extra_properties
    _write_properties(props_path, props)
    jvm = [java, "-Xms256m", "-Xmx512m", f"-Dkafka.logs.dir={data_dir}"]
    jvm += [f"-Dlog4j2.configurationFile={DEPLOY_DIR / 'log4j2.yaml'}", "-cp", f"{lib}/*"]
    if not (data_dir / "logs" / "meta.properties").exists():
        fmt = [*jvm, "kafka.tools.StorageTool", "format", "--ignore-formatted"]
        fmt += ["-t", str(state["cluster_id"]), "-c", str(props_path)]
        for name, password in scram_users.items():
            for mechanism in SCRAM_MECHANISMS:
                fmt += ["--add-scram", f"{mechanism}=[name={name},password={password}]"]
        done = subprocess.run(fmt, check=False, capture_output=True, text=True)
        if done.returncode != 0:
            raise BrokerStartError(f"formatting {data_dir} failed:\n{done.stdout}{done.stderr}")

    with open(data_dir / "kafka.out", "ab") as out:
        proc = subprocess.Popen(
            [*jvm, "kafka.Kafka", str(props_path)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=data_dir,
            start_new_session=True,
        )
    _CHILDREN[proc.pid] = proc
    (data_dir / "broker.pid").write_text(f"{proc.pid}\n")
    return _wait_ready(_handle(data_dir, proc.pid, state), timeout_s)


def _wait_ready(handle: BrokerHandle, timeout_s: float) -> BrokerHandle:
    """Poll until the broker answers metadata requests; on exit or timeout raise with its log."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _alive(handle.pid, handle.data_dir):
            (handle.data_dir / "broker.pid").unlink(missing_ok=True)
            child = _CHILDREN.pop(handle.pid, None)
            code = "" if child is None else f" with code {child.returncode}"
            raise BrokerStartError(f"broker exited{code}\n{_log_tail(handle.data_dir)}")
        if _answers(handle.bootstrap):
            return handle
        time.sleep(0.5)
    stop_broker(handle.data_dir)
    raise BrokerStartError(
        f"broker not ready after {timeout_s:.0f} s\n{_log_tail(handle.data_dir)}"
    )


def stop_broker(data_dir: Path, timeout_s: float = 30) -> bool:
    """SIGTERM the broker of `data_dir` (SIGKILL after `timeout_s`); whether one was running."""
    data_dir = Path(data_dir).resolve()
    pid = _read_pid(data_dir)
    if pid is None:
        return False
    stopped = _alive(pid, data_dir)
    if stopped:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while _alive(pid, data_dir) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(pid, data_dir):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid, data_dir):
                time.sleep(0.1)
    _CHILDREN.pop(pid, None)
    (data_dir / "broker.pid").unlink(missing_ok=True)
    return stopped

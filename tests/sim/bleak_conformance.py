#!/usr/bin/python3
"""A third-party BlueZ client (bleak, on dbus-fast) against r3-sim.

Discovers a contact by its service UUID, connects, reads Device Information, receives stream
notifications through StartNotify (bleak's own path) and through AcquireNotify (a socket handed
over by D-Bus, read one datagram per notification), writes the control characteristic, and gets
the MTU the way bleak does (AcquireWrite). Exits non-zero on the first failure.
Run with Debian's /usr/bin/python3 and DBUS_SYSTEM_BUS_ADDRESS pointing at r3-sim's bus.
"""
import asyncio
import os
import socket
import sys

from bleak import BleakClient, BleakScanner
from dbus_fast import Message, MessageType

CONTACT_SERVICE = "7a3e0001-5c1d-4b8e-9f2a-3c0b5e1d7f10"
STREAM = "7a3e0002-5c1d-4b8e-9f2a-3c0b5e1d7f10"
CONTROL = "7a3e0003-5c1d-4b8e-9f2a-3c0b5e1d7f10"
MANUFACTURER = "00002a29-0000-1000-8000-00805f9b34fb"
BATTERY_LEVEL = "00002a19-0000-1000-8000-00805f9b34fb"
START_100HZ = bytes([1, 2, 0])


def check(cond, what):
    if not cond:
        print("FAIL:", what, flush=True)
        sys.exit(1)
    print("ok:", what, flush=True)


async def acquire_notify(client, char_path, want):
    """AcquireNotify through bleak's own D-Bus connection; read datagrams from the socket."""
    reply = await client._backend._bus.call(Message(destination="org.bluez", path=char_path,
                                           interface="org.bluez.GattCharacteristic1",
                                           member="AcquireNotify", signature="a{sv}", body=[{}]))
    check(reply.message_type == MessageType.METHOD_RETURN, f"AcquireNotify replied ({reply.body})")
    fd, mtu = reply.unix_fds[reply.body[0]], reply.body[1]
    check(mtu >= 23, f"AcquireNotify MTU {mtu}")
    sock = socket.socket(fileno=fd)
    check(sock.type == socket.SOCK_SEQPACKET, "AcquireNotify gives a SOCK_SEQPACKET socket")
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    got = []
    while len(got) < want:
        data = await asyncio.wait_for(loop.sock_recv(sock, 1024), timeout=10)
        check(len(data) > 0, "no early EOF") if not got else None
        got.append(data)
    sock.close()
    return got


async def main():
    device = await BleakScanner.find_device_by_filter(
        lambda d, ad: CONTACT_SERVICE in [u.lower() for u in ad.service_uuids],
        timeout=20.0, service_uuids=[CONTACT_SERVICE])
    check(device is not None, "discovered a contact by its service UUID")
    async with BleakClient(device, timeout=20.0) as client:
        check(client.is_connected, f"connected to {device.address}")
        check(client.services.get_service(CONTACT_SERVICE) is not None, "contact service resolved")
        manufacturer = await client.read_gatt_char(MANUFACTURER)
        check(manufacturer.startswith(b"R3 LOAD"), f"Device Information: {manufacturer!r}")
        battery = await client.read_gatt_char(BATTERY_LEVEL)
        check(len(battery) == 1 and 0 < battery[0] <= 100, f"battery level {battery[0]}")
        await client._backend._acquire_mtu()
        check(client.mtu_size >= 23, f"MTU {client.mtu_size} (AcquireWrite)")

        # StartNotify: bleak's notifications (PropertiesChanged on Value).
        received = []
        event = asyncio.Event()

        def on_notify(_char, data):
            received.append(bytes(data))
            if len(received) >= 20:
                event.set()

        await client.start_notify(STREAM, on_notify)
        await client.write_gatt_char(CONTROL, START_100HZ, response=True)
        await asyncio.wait_for(event.wait(), timeout=20)
        check(all(p[0] == 1 and (len(p) - 6) % 14 == 0 for p in received),
              f"StartNotify: {len(received)} well-formed stream packets")
        seqs = [p[2] | (p[3] << 8) for p in received]
        check(all((b - a) % 65536 == 1 for a, b in zip(seqs, seqs[1:])), "sequence continuous")
        await client.stop_notify(STREAM)

        # AcquireNotify: the socket path.
        stream = client.services.get_characteristic(STREAM)
        packets = await acquire_notify(client, stream.path, 20)
        check(all(p[0] == 1 and (len(p) - 6) % 14 == 0 for p in packets),
              f"AcquireNotify: {len(packets)} datagrams, one stream packet each")
    check(True, "disconnected")


if __name__ == "__main__":
    check("DBUS_SYSTEM_BUS_ADDRESS" in os.environ, "private bus address set")
    asyncio.run(main())

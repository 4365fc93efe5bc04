"""Calls the demo's Bookinfo over gRPC with the official Python client (Debian's
python3-grpcio): raw messages in and out, as any gRPC client puts them on the wire. Prints one
line per call; exits 1 on anything unexpected. Usage: grpc_client.py HOST:PORT"""
import sys

import grpc


def main():
    channel = grpc.insecure_channel(sys.argv[1])
    health = channel.unary_unary('/grpc.health.v1.Health/Check')(b'', timeout=5)
    if health != b'\x08\x01':  # HealthCheckResponse{status: SERVING}
        print('health: unexpected answer', health)
        return 1
    print('health SERVING')
    # BookRequest{id: 2}: field 1, varint 2.
    page = channel.unary_unary('/bookinfo.ProductPage/GetProductPage')(b'\x08\x02', timeout=5)
    if b'William Shakespeare' not in page or b'Reviewer1' not in page:
        print('page: unexpected answer', page)
        return 1
    print('page', len(page), 'bytes')
    try:
        channel.unary_unary('/nope.Service/Do')(b'', timeout=5)
        print('nope: answered')
        return 1
    except grpc.RpcError as e:
        if e.code() != grpc.StatusCode.UNIMPLEMENTED or 'nope.Service/Do' not in e.details():
            print('nope: unexpected', e.code(), e.details())
            return 1
        print('nope UNIMPLEMENTED', e.details())
    return 0


if __name__ == '__main__':
    sys.exit(main())

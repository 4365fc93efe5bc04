"""A gRPC server built on the official Python implementation (Debian's python3-grpcio), for
Meshdeck's gRPC load tests: test.Echo/Say answers the request message back, test.Echo/Slow
answers after two seconds (past a short deadline), anything else is UNIMPLEMENTED as gRPC
itself says it. Prints its port, then serves until standard input closes."""
import sys
import time
from concurrent import futures

import grpc


def say(request, context):
    return request


def slow(request, context):
    time.sleep(2)
    return request


def main():
    handler = grpc.method_handlers_generic_handler('test.Echo', {
        'Say': grpc.unary_unary_rpc_method_handler(say),
        'Slow': grpc.unary_unary_rpc_method_handler(slow),
    })
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port('127.0.0.1:0')
    server.start()
    print(port, flush=True)
    sys.stdin.read()
    server.stop(0)


if __name__ == '__main__':
    main()

"""The offline demo: a bundled wire site and the server that serves it on 127.0.0.1."""

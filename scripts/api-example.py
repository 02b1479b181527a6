#!/usr/bin/env python3
"""A small client of Summit Tracker's JSON API, written with the Python standard library only.

  api-example.py overdue                     lists the overdue follow-ups you own
  api-example.py ack PROPOSAL [--in EVENT/SESSION]
                                             records that you support (Acked-by) the proposal of that key, in
                                             the session given, or else in the last session that discussed it

The address and the token come from the environment (or --url / --token):
  SUMMIT_URL    the application, such as http://localhost:8080
  SUMMIT_TOKEN  a personal access token, made at /account/tokens (ack needs one with the write scope)

Exit status: 0 when done, 1 when the API refused (its problem detail is printed), 2 for a wrong command line.
"""

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid


class Refused(Exception):
    """The API answered with a problem detail (RFC 9457)."""

    def __init__(self, status, problem):
        super().__init__(f"{status}: {problem.get('detail') or problem.get('title')}")
        self.status = status
        self.problem = problem


class Api:
    def __init__(self, url, token):
        self.url = url.rstrip("/")
        self.token = token

    def call(self, method, path, body=None, headers=None):
        """Answers (status, decoded JSON, response headers); raises Refused for a 4xx or 5xx."""
        request = urllib.request.Request(self.url + path, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        request.add_header("Accept", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, data=data, timeout=30) as response:
                text = response.read().decode("utf-8")
                return response.status, (json.loads(text) if text else None), response.headers
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                problem = json.loads(text)
            except ValueError:
                problem = {"detail": text}
            raise Refused(error.code, problem) from None

    def every(self, path, params):
        """Every item of a paged list, following its pages."""
        page = 1
        while True:
            query = urllib.parse.urlencode(dict(params, page=page))
            _, body, _ = self.call("GET", f"{path}?{query}")
            yield from body["items"]
            if page >= body["totalPages"]:
                return
            page += 1


def me(api):
    _, body, _ = api.call("GET", "/api/v1/me")
    if not body.get("handle"):
        raise Refused(403, {"detail": "this token's account belongs to no person"})
    return body["handle"]


def overdue(api, out):
    handle = me(api)
    count = 0
    for item in api.every("/api/v1/follow-ups", {"owner": handle, "overdue": "true"}):
        count += 1
        out.write(f"{item['dueOn']}  {item['title']}  ({item['event']}/{item['session']}, {item['status']})\n")
    out.write(f"{count} overdue follow-up(s) for {handle}\n")


def quoted(*parts):
    return "/".join(urllib.parse.quote(part, safe="") for part in parts)


def discussed_in(api, proposal):
    """The last session that discussed the proposal, as (event, session)."""
    _, body, _ = api.call("GET", "/api/v1/proposals/" + quoted(proposal))
    if not body["sessions"]:
        raise Refused(422, {"detail": f"no session has discussed {proposal} yet: give one with --in"})
    last = body["sessions"][-1]
    return last["event"], last["session"]


def ack(api, proposal, where, out):
    handle = me(api)
    if where:
        event, _, session = where.partition("/")
        if not event or not session:
            raise Refused(400, {"detail": "give --in as EVENT/SESSION"})
    else:
        event, session = discussed_in(api, proposal)
    path = "/api/v1/events/" + quoted(event, "sessions", session, "proposals", proposal, "positions", handle)
    body = {"stance": "supports"}
    try:
        _, position, _ = api.call("PUT", path, body, {"Idempotency-Key": str(uuid.uuid4())})
    except Refused as refused:
        if refused.status != 428:
            raise
        # A position exists already: change it, against the version it is at now.
        _, current, _ = api.call("GET", path)
        _, position, _ = api.call("PUT", path, body, {"If-Match": '"%d"' % current["version"]})
    out.write(f"{handle}: {position['position']['stanceLabel']} on {proposal} in {event}/{session}\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("SUMMIT_URL", "http://localhost:8080"))
    parser.add_argument("--token", default=os.environ.get("SUMMIT_TOKEN"))
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("overdue", help="list the overdue follow-ups you own")
    acking = commands.add_parser("ack", help="record that you support a proposal")
    acking.add_argument("proposal", help="the proposal's key")
    acking.add_argument("--in", dest="where", metavar="EVENT/SESSION",
                        help="the session to state it in (default: the last that discussed the proposal)")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("give a token with --token or SUMMIT_TOKEN")
    api = Api(args.url, args.token)
    try:
        if args.command == "overdue":
            overdue(api, sys.stdout)
        else:
            ack(api, args.proposal, args.where, sys.stdout)
    except Refused as refused:
        sys.stderr.write(f"refused: {refused}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
